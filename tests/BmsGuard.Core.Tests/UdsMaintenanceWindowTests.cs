using BmsGuard.Core.Audit;
using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The maintenance window: open until expiry, flashing only when asked, each opening and closing audited once.</summary>
    [TestClass]
    public class UdsMaintenanceWindowTests
    {
        private const long S = UdsBench.Second;

        [TestMethod]
        public void WindowIsOpenUntilItsExpiryAndTheExpiryIsAuditedOnce()
        {
            RecordingAuditTrail audit = new RecordingAuditTrail();
            MaintenanceWindow w = new MaintenanceWindow(audit);
            Assert.IsFalse(w.IsOpen(0));
            w.Open(S, 10 * S, false);
            Assert.IsTrue(w.IsOpen(S));
            Assert.IsTrue(w.IsOpen((10 * S) - 1));
            Assert.IsFalse(w.AllowsFlashing(2 * S));
            Assert.IsFalse(w.IsOpen(10 * S));
            Assert.IsFalse(w.IsOpen(11 * S));
            Assert.IsFalse(w.AllowsFlashing(12 * S));
            Assert.AreEqual(2, audit.Count);
            Assert.AreEqual(AuditKind.WindowOpened, audit.Kinds[0]);
            Assert.AreEqual(MaintenanceWindow.Diagnostics, audit.Reasons[0]);
            Assert.AreEqual("00-00-00-00-00-98-96-80", Expect.Hex(audit.Details[0]));
            Assert.AreEqual(AuditKind.WindowClosed, audit.Kinds[1]);
            Assert.AreEqual(MaintenanceWindow.Expired, audit.Reasons[1]);
        }

        [TestMethod]
        public void FlashingWindowAllowsFlashingAndCloseIsAudited()
        {
            RecordingAuditTrail audit = new RecordingAuditTrail();
            MaintenanceWindow w = new MaintenanceWindow(audit);
            w.Open(0, 60 * S, true);
            Assert.IsTrue(w.AllowsFlashing(S));
            Assert.AreEqual(MaintenanceWindow.FlashingWindow, audit.Reasons[0]);
            w.Close(2 * S);
            Assert.IsFalse(w.IsOpen(3 * S));
            Assert.IsFalse(w.AllowsFlashing(3 * S));
            w.Close(4 * S);
            Assert.AreEqual(2, audit.Count);
            Assert.AreEqual(AuditKind.WindowClosed, audit.Kinds[1]);
            Assert.AreEqual(MaintenanceWindow.ClosedByCommand, audit.Reasons[1]);
        }

        [TestMethod]
        public void ReopeningReplacesTheWindowAndAnExpiryInThePastNeverOpens()
        {
            MaintenanceWindow w = new MaintenanceWindow(null);
            w.Open(0, 60 * S, true);
            w.Open(S, 5 * S, false);
            Assert.IsFalse(w.AllowsFlashing(2 * S));
            Assert.IsFalse(w.IsOpen(6 * S));
            w.Open(10 * S, 9 * S, false);
            Assert.IsFalse(w.IsOpen(10 * S));
        }
    }
}
