using BmsGuard.Core.Commands;
using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// An open window is judged again on every diagnostic request and every consecutive frame: no request
    /// that needs a window reaches the BMS while the vehicle state forbids opening one (moving, stale or
    /// unknown state), whatever window is open. Requests that are always allowed are not affected.
    /// </summary>
    [TestClass]
    public class UdsWindowSafetyTests
    {
        private const long S = UdsBench.Second;
        private const long Ms = 1000;

        private static readonly byte[][] WindowRequests = new byte[][]
        {
            new byte[] { 0x27, 0x01 },
            new byte[] { 0x11, 0x01 },
            new byte[] { 0x31, 0x01, 0xFF, 0x00 },
            new byte[] { 0x2E, 0xF1, 0x90, 0x57 },
            new byte[] { 0x14, 0xFF, 0xFF, 0xFF },
            new byte[] { 0x10, 0x03 },
        };

        [TestMethod]
        [DataRow(SafetyResult.Unsafe)]
        [DataRow(SafetyResult.Stale)]
        [DataRow(SafetyResult.Unknown)]
        public void OpenWindowDeniesEveryWindowRequestWhileTheStateForbidsIt(int state)
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 600 * S, false);
            b.Safety.Result = state;
            for (int i = 0; i < WindowRequests.Length; i++)
            {
                string context = "while driving: " + Expect.Hex(WindowRequests[i]);
                UdsBench.Verdict(UdsVerdict.DeniedUnsafe, b.Single(S, WindowRequests[i]), context);
                Assert.AreEqual("03-7F-" + WindowRequests[i][0].ToString("X2") + "-22-CC-CC-CC-CC", b.FirstResponse(), context);
                Assert.AreEqual(CommandType.OpenMaintenanceWindow, b.Safety.LastType, context);
            }

            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(S, 0x3E, 0x00), "tester present needs no window");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(S, 0x22, 0xF1, 0x89), "reading an allowed DID needs no window");

            b.Safety.Result = SafetyResult.Safe;
            for (int i = 0; i < WindowRequests.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.Allowed, b.Single(2 * S, WindowRequests[i]), "stopped: " + Expect.Hex(WindowRequests[i]));
            }

            Assert.AreEqual(WindowRequests.Length, b.Inspector.Count(UdsVerdict.DeniedUnsafe));
        }

        [TestMethod]
        public void FlashingRequestsAskTheFlashingInterlock()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 600 * S, true);
            b.Safety.Result = SafetyResult.Unsafe;
            UdsBench.Verdict(UdsVerdict.DeniedUnsafe, b.Single(S, 0x34, 0x00, 0x44, 0x00), "request download");
            Assert.AreEqual(CommandType.OpenFlashingWindow, b.Safety.LastType);
            UdsBench.Verdict(UdsVerdict.DeniedUnsafe, b.Single(S, 0x10, 0x02), "programming session");
            Assert.AreEqual(CommandType.OpenFlashingWindow, b.Safety.LastType);
        }

        [TestMethod]
        public void SegmentedRequestStopsWhenTheStateChanges()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 600 * S, false);
            byte[] first = new byte[] { 0x10, 20, 0x2E, 0xF1, 0x99, 1, 2, 3 };
            UdsBench.Verdict(UdsVerdict.Allowed, b.Frame(UdsInspector.PhysicalId, false, S, first, 8), "first frame while stopped");
            UdsBench.Verdict(UdsVerdict.Continuation, b.Frame(UdsInspector.PhysicalId, false, S + Ms, new byte[] { 0x21, 9, 9, 9, 9, 9, 9, 9 }, 8), "cf 1");
            b.Safety.Result = SafetyResult.Unsafe;
            int records = b.Audit.Count;
            UdsBench.Verdict(UdsVerdict.DeniedUnsafe, b.Frame(UdsInspector.PhysicalId, false, S + (2 * Ms), new byte[] { 0x22, 9, 9, 9, 9, 9, 9, 9 }, 8), "cf 2 once moving");
            Assert.AreEqual(records + 1, b.Audit.Count, "the stop is audited");
            b.Safety.Result = SafetyResult.Safe;
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, S + (3 * Ms), new byte[] { 0x22, 9, 9, 9, 9, 9, 9, 9 }, 8), "the transfer is over");
        }

        [TestMethod]
        public void ConsecutiveFramesStopWhenTheWindowCloses()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 2 * S, false);
            UdsBench.Verdict(UdsVerdict.Allowed, b.Frame(UdsInspector.PhysicalId, false, S, new byte[] { 0x10, 20, 0x2E, 0xF1, 0x99, 1, 2, 3 }, 8), "first frame");
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Frame(UdsInspector.PhysicalId, false, 2 * S, new byte[] { 0x21, 9, 9, 9, 9, 9, 9, 9 }, 8), "the window expired");
        }

        [TestMethod]
        public void WithoutASafetyCheckNoWindowIsUsable()
        {
            MaintenanceWindow window = new MaintenanceWindow(null);
            UdsInspector inspector = new UdsInspector(UdsReferencePolicy.Create(), window, null, null, S);
            window.Open(0, 600 * S, true);
            UdsBench.Verdict(UdsVerdict.DeniedUnsafe, inspector.Inspect(UdsInspector.PhysicalId, false, UdsBench.SingleFrame(new byte[] { 0x27, 0x01 }), 8, S, null), "security access");
            UdsBench.Verdict(UdsVerdict.Allowed, inspector.Inspect(UdsInspector.PhysicalId, false, UdsBench.SingleFrame(new byte[] { 0x3E, 0x00 }), 8, S, null), "tester present");
        }
    }
}
