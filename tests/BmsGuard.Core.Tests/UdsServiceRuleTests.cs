using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Which services pass with the reference policy: always, inside a window, inside a flashing window, never.</summary>
    [TestClass]
    public class UdsServiceRuleTests
    {
        private const long S = UdsBench.Second;

        private static readonly byte[][] WindowOnly = new byte[][]
        {
            new byte[] { 0x10, 0x03 },
            new byte[] { 0x27, 0x01 },
            new byte[] { 0x2E, 0xF1, 0x99, 0x01 },
            new byte[] { 0x31, 0x01, 0xFF, 0x00 },
            new byte[] { 0x11, 0x01 },
            new byte[] { 0x14, 0xFF, 0xFF, 0xFF },
        };

        private static readonly byte[][] FlashingOnly = new byte[][]
        {
            new byte[] { 0x10, 0x02 },
            new byte[] { 0x34, 0x00, 0x44, 0x00 },
            new byte[] { 0x36, 0x01, 0x00 },
            new byte[] { 0x37 },
            new byte[] { 0x28, 0x03, 0x01 },
            new byte[] { 0x85, 0x02 },
        };

        [TestMethod]
        public void AlwaysAllowedServicesPassWithoutAWindow()
        {
            UdsBench b = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x3E, 0x00), "tester present");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x10, 0x01), "default session");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x10, 0x81), "default session, suppress positive response");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x22, 0xF1, 0x89), "allowlisted DID");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x19, 0x02, 0xFF), "read DTC information");
            Assert.AreEqual(0, b.Inspector.ResponseFrames);
        }

        [TestMethod]
        public void WindowServicesAreDeniedWithConditionsNotCorrectUntilAWindowOpens()
        {
            UdsBench b = new UdsBench();
            for (int i = 0; i < WindowOnly.Length; i++)
            {
                string context = "request " + Expect.Hex(WindowOnly[i]);
                UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Single(S, WindowOnly[i]), context);
                Assert.AreEqual(1, b.Inspector.ResponseFrames, context);
                Assert.AreEqual(UdsInspector.PhysicalResponseId, b.Inspector.ResponseId, context);
                Assert.IsFalse(b.Inspector.ResponseExtended, context);
                Assert.AreEqual("03-7F-" + WindowOnly[i][0].ToString("X2") + "-22-CC-CC-CC-CC", b.FirstResponse(), context);
            }

            b.Window.Open(2 * S, 10 * S, false);
            for (int i = 0; i < WindowOnly.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.Allowed, b.Single(3 * S, WindowOnly[i]), "inside: " + Expect.Hex(WindowOnly[i]));
                Assert.AreEqual(0, b.Inspector.ResponseFrames);
            }

            for (int i = 0; i < WindowOnly.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Single(10 * S, WindowOnly[i]), "expired: " + Expect.Hex(WindowOnly[i]));
            }
        }

        [TestMethod]
        public void FlashingServicesNeedAFlashingWindow()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 100 * S, false);
            for (int i = 0; i < FlashingOnly.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Single(S, FlashingOnly[i]), "diagnostics window: " + Expect.Hex(FlashingOnly[i]));
                Assert.AreEqual("03-7F-" + FlashingOnly[i][0].ToString("X2") + "-22-CC-CC-CC-CC", b.FirstResponse());
            }

            b.Window.Open(2 * S, 100 * S, true);
            for (int i = 0; i < FlashingOnly.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.Allowed, b.Single(3 * S, FlashingOnly[i]), "flashing window: " + Expect.Hex(FlashingOnly[i]));
            }

            // A flashing window also allows what a diagnostics window allows.
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(3 * S, 0x27, 0x01), "security access in a flashing window");
            b.Window.Close(4 * S);
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Single(5 * S, 0x34, 0x00, 0x44, 0x00), "after close");
        }

        [TestMethod]
        public void UnlistedServicesAndSessionsAreNeverAllowed()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 100 * S, true);
            byte[] unlisted = new byte[] { 0x23, 0x3D, 0x2F, 0x35, 0x01, 0x7F, 0xBA };
            for (int i = 0; i < unlisted.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.DeniedService, b.Single(S, unlisted[i], 0x00), "sid " + unlisted[i].ToString("X2"));
                Assert.AreEqual("03-7F-" + unlisted[i].ToString("X2") + "-11-CC-CC-CC-CC", b.FirstResponse());
            }

            UdsBench.Verdict(UdsVerdict.DeniedService, b.Single(S, 0x10, 0x04), "safety session");
            Assert.AreEqual("03-7F-10-12-CC-CC-CC-CC", b.FirstResponse());
            UdsBench.Verdict(UdsVerdict.Malformed, b.Single(S, 0x10), "session control without a session");
            Assert.AreEqual("03-7F-10-13-CC-CC-CC-CC", b.FirstResponse());
        }

        [TestMethod]
        public void ReadDataByIdentifierOnlyReadsAllowlistedDids()
        {
            UdsBench b = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(0, 0x22, 0xF1, 0x86, 0xF1, 0x89, 0xF1, 0x95), "three allowed DIDs");
            UdsBench.Verdict(UdsVerdict.DeniedDid, b.Single(0, 0x22, 0xF1, 0x90), "VIN");
            Assert.AreEqual("03-7F-22-31-CC-CC-CC-CC", b.FirstResponse());
            UdsBench.Verdict(UdsVerdict.DeniedDid, b.Single(0, 0x22, 0xF1, 0x89, 0xF1, 0x8C), "allowed then serial number");
            UdsBench.Verdict(UdsVerdict.Malformed, b.Single(0, 0x22, 0xF1), "half a DID");
            Assert.AreEqual("03-7F-22-13-CC-CC-CC-CC", b.FirstResponse());
            UdsBench.Verdict(UdsVerdict.Malformed, b.Single(0, 0x22), "no DID");

            // A window does not widen the allowlist.
            b.Window.Open(0, 100 * S, true);
            UdsBench.Verdict(UdsVerdict.DeniedDid, b.Single(S, 0x22, 0xF1, 0x90), "VIN inside a window");
            Assert.AreEqual(1, b.Policy.DidReads(b.Policy.DidIndex(0xF189)));
            Assert.AreEqual(0, b.Policy.DidReads(b.Policy.DidIndex(0xF187)));
            int rdbi = b.Policy.ServiceIndex(0x22);
            Assert.AreEqual(1, b.Policy.ServiceAllowed(rdbi));
            Assert.AreEqual(5, b.Policy.ServiceDenied(rdbi));
        }

        [TestMethod]
        public void ExtendedIdsAreAnsweredOnTheExtendedResponseId()
        {
            UdsBench b = new UdsBench();
            int v = b.Frame(UdsInspector.PhysicalId29, true, 0, UdsBench.SingleFrame(new byte[] { 0x27, 0x01 }), 8);
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, v, "29-bit security access");
            Assert.AreEqual(UdsInspector.PhysicalResponseId29, b.Inspector.ResponseId);
            Assert.IsTrue(b.Inspector.ResponseExtended);
            Assert.AreEqual("03-7F-27-22-CC-CC-CC-CC", b.FirstResponse());
            Assert.IsFalse(UdsInspector.Inspects(UdsInspector.PhysicalId29, false));
            Assert.IsFalse(UdsInspector.Inspects(UdsInspector.PhysicalId, true));
        }

        [TestMethod]
        public void FunctionalRequestsAreDecidedButNeverAnswered()
        {
            UdsBench b = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, b.Frame(UdsInspector.FunctionalId, false, 0, UdsBench.SingleFrame(new byte[] { 0x3E, 0x80 }), 8), "tester present");
            UdsBench.Verdict(UdsVerdict.DeniedService, b.Frame(UdsInspector.FunctionalId, false, 0, UdsBench.SingleFrame(new byte[] { 0x01, 0x0C }), 8), "OBD mode 1");
            Assert.AreEqual(0, b.Inspector.ResponseFrames);
            Assert.AreEqual(UdsNrc.ServiceNotSupported, b.Inspector.LastNrc);
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Frame(UdsInspector.FunctionalId, false, 0, UdsBench.SingleFrame(new byte[] { 0x11, 0x01 }), 8), "functional reset");
            Assert.AreEqual(0, b.Inspector.ResponseFrames);
        }

        [TestMethod]
        public void EachRequestIsAuditedOnceWithVerdictAndBytes()
        {
            UdsBench b = new UdsBench();
            b.Single(5, 0x3E, 0x00);
            b.Single(6, 0x27, 0x01);
            Assert.AreEqual(2, b.Audit.Count);
            Assert.AreEqual(Audit.AuditKind.UdsAllowed, b.Audit.Kinds[0]);
            Assert.AreEqual(UdsVerdict.Allowed, b.Audit.Reasons[0]);
            Assert.AreEqual("00-00-07-E4-3E-00", Expect.Hex(b.Audit.Details[0]));
            Assert.AreEqual(Audit.AuditKind.UdsDenied, b.Audit.Kinds[1]);
            Assert.AreEqual(UdsVerdict.DeniedNoWindow, b.Audit.Reasons[1]);
            Assert.AreEqual("00-00-07-E4-27-01", Expect.Hex(b.Audit.Details[1]));
            Assert.AreEqual(1, b.Inspector.Count(UdsVerdict.Allowed));
            Assert.AreEqual(1, b.Inspector.Count(UdsVerdict.DeniedNoWindow));
        }
    }
}
