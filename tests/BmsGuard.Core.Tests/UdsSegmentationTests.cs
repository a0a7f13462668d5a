using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Segmented requests: decided on the first frame, consecutive frames follow it; orphans and bad PCI are dropped.</summary>
    [TestClass]
    public class UdsSegmentationTests
    {
        private const long S = UdsBench.Second;
        private const long Ms = 1000;

        // WriteDataByIdentifier 0xF199 with 17 data bytes: 20 bytes = first frame (6) + 2 consecutive frames (7 + 7).
        private static readonly byte[] WriteFirst = new byte[] { 0x10, 20, 0x2E, 0xF1, 0x99, 1, 2, 3 };

        private static byte[] Consecutive(int sequence)
        {
            return new byte[] { (byte)(0x20 | sequence), 9, 9, 9, 9, 9, 9, 9 };
        }

        [TestMethod]
        public void DeniedFirstFrameGetsOverflowThenNegativeResponse()
        {
            UdsBench b = new UdsBench();
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, b.Frame(UdsInspector.PhysicalId, false, 0, WriteFirst, 8), "first frame");
            Assert.AreEqual(2, b.Inspector.ResponseFrames);
            Assert.AreEqual("32-00-00-CC-CC-CC-CC-CC", b.FirstResponse());
            Assert.AreEqual("03-7F-2E-22-CC-CC-CC-CC", b.SecondResponse());

            // The tester ignoring the overflow: its consecutive frames are orphans, dropped without an answer.
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, Ms, Consecutive(1), 8), "cf 1");
            Assert.AreEqual(0, b.Inspector.ResponseFrames);
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, 2 * Ms, Consecutive(2), 8), "cf 2");
            Assert.AreEqual(1, b.Audit.Count);
        }

        [TestMethod]
        public void AllowedFirstFrameForwardsItsConsecutiveFramesAndNoMore()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 100 * S, false);
            UdsBench.Verdict(UdsVerdict.Allowed, b.Frame(UdsInspector.PhysicalId, false, S, WriteFirst, 8), "first frame");
            UdsBench.Verdict(UdsVerdict.Continuation, b.Frame(UdsInspector.PhysicalId, false, S + Ms, Consecutive(1), 8), "cf 1");
            UdsBench.Verdict(UdsVerdict.Continuation, b.Frame(UdsInspector.PhysicalId, false, S + (2 * Ms), Consecutive(2), 8), "cf 2");
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, S + (3 * Ms), Consecutive(3), 8), "beyond the announced length");

            // One audit record per request, not per frame (plus the window opening).
            Assert.AreEqual(2, b.Audit.Count);
            Assert.AreEqual("00-00-07-E4-2E-F1-99-01-02-03", Expect.Hex(b.Audit.Details[1]));
        }

        [TestMethod]
        public void OutOfSequenceLateOrInterruptedConsecutiveFramesAreOrphans()
        {
            UdsBench b = new UdsBench();
            b.Window.Open(0, 100 * S, false);
            b.Frame(UdsInspector.PhysicalId, false, S, WriteFirst, 8);
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, S, Consecutive(2), 8), "skipped sequence 1");
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, S, Consecutive(1), 8), "transfer already ended");

            b.Frame(UdsInspector.PhysicalId, false, 2 * S, WriteFirst, 8);
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, (3 * S) + Ms, Consecutive(1), 8), "after N_Cr");

            b.Frame(UdsInspector.PhysicalId, false, 4 * S, WriteFirst, 8);
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(4 * S, 0x3E, 0x00), "a new request");
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, 4 * S, Consecutive(1), 8), "after the new request");

            b.Frame(UdsInspector.PhysicalId, false, 5 * S, WriteFirst, 8);
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, 5 * S, new byte[] { 0x21, 9, 9 }, 3), "too short for its share");

            // Channels are separate: a transfer on 0x7E4 does not let consecutive frames through on 0x18DA40F1.
            b.Frame(UdsInspector.PhysicalId, false, 6 * S, WriteFirst, 8);
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId29, true, 6 * S, Consecutive(1), 8), "other channel");
            UdsBench.Verdict(UdsVerdict.Continuation, b.Frame(UdsInspector.PhysicalId, false, 6 * S, Consecutive(1), 8), "own channel");
        }

        [TestMethod]
        public void ConsecutiveFrameWithoutFirstFrameIsAnOrphan()
        {
            UdsBench b = new UdsBench();
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, 0, Consecutive(1), 8), "cold");
            Assert.AreEqual(0, b.Inspector.ResponseFrames);
            Assert.AreEqual(0, b.Audit.Count);
            Assert.AreEqual(1, b.Inspector.Count(UdsVerdict.OrphanConsecutive));
        }

        [TestMethod]
        public void ReadDataByIdentifierInAFirstFrameIsDenied()
        {
            UdsBench b = new UdsBench();
            byte[] first = new byte[] { 0x10, 9, 0x22, 0xF1, 0x89, 0xF1, 0x86, 0xF1 };
            UdsBench.Verdict(UdsVerdict.SegmentedRead, b.Frame(UdsInspector.PhysicalId, false, 0, first, 8), "four DIDs");
            Assert.AreEqual("32-00-00-CC-CC-CC-CC-CC", b.FirstResponse());
            Assert.AreEqual("03-7F-22-31-CC-CC-CC-CC", b.SecondResponse());
            UdsBench.Verdict(UdsVerdict.OrphanConsecutive, b.Frame(UdsInspector.PhysicalId, false, Ms, new byte[] { 0x21, 0x90, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA }, 8), "the hidden VIN DID");
        }

        [TestMethod]
        public void MalformedPciIsDroppedSilently()
        {
            UdsBench b = new UdsBench();
            byte[][] frames = new byte[][]
            {
                new byte[] { 0x00, 0x3E, 0, 0, 0, 0, 0, 0 },
                new byte[] { 0x07, 0x3E, 0x00, 0 },
                new byte[] { 0x10, 0x07, 0x2E, 0xF1, 0x99, 1, 2, 3 },
                new byte[] { 0x10, 0x14, 0x2E, 0xF1, 0x99, 1, 2 },
                new byte[] { 0x40, 0x3E, 0, 0, 0, 0, 0, 0 },
                new byte[] { 0xF0, 0x3E, 0, 0, 0, 0, 0, 0 },
                new byte[] { 0x30 },
            };
            int[] lengths = new int[] { 8, 4, 8, 7, 8, 8, 1 };
            for (int i = 0; i < frames.Length; i++)
            {
                UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.PhysicalId, false, 0, frames[i], lengths[i]), "frame " + i.ToString());
                Assert.AreEqual(0, b.Inspector.ResponseFrames, "frame " + i.ToString());
            }

            UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.PhysicalId, false, 0, new byte[8], 0), "no data");
            UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.PhysicalId, false, 0, new byte[12], 12), "longer than classic CAN");
            UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.FunctionalId, false, 0, WriteFirst, 8), "segmented functional request");
            Assert.AreEqual(0, b.Audit.Count);
            Assert.AreEqual(10, b.Inspector.Count(UdsVerdict.InvalidFrame));
        }

        [TestMethod]
        public void TesterFlowControlPassesOnlyInsideAnAnswer()
        {
            UdsBench b = new UdsBench();
            byte[] clear = new byte[] { 0x30, 0x00, 0x00, 0xAA, 0x11, 0x22, 0x33, 0x44 };
            UdsBench.Verdict(UdsVerdict.OrphanFlowControl, b.Frame(UdsInspector.PhysicalId, false, 0, clear, 8), "no answer in flight");
            UdsBench.Verdict(UdsVerdict.Allowed, b.Single(S, 0x19, 0x02, 0xFF), "read DTC information");
            UdsBench.Verdict(UdsVerdict.OrphanFlowControl, b.Frame(UdsInspector.PhysicalId, false, S, clear, 8), "asked, but no first frame yet");
            Assert.IsTrue(b.Answer(S + Ms, new byte[] { 0x10, 0x20, 0x59, 0x02, 0xFF, 1, 2, 3 }), "the BMS's first frame");
            UdsBench.Verdict(UdsVerdict.FlowControl, b.Frame(UdsInspector.PhysicalId, false, S + (2 * Ms), clear, 8), "clear to send");
            Assert.AreEqual("30-00-00-CC-CC-CC-CC-CC", Expect.Hex(clear), "whatever rode in the padding is gone");
            UdsBench.Verdict(UdsVerdict.FlowControl, b.Frame(UdsInspector.PhysicalId, false, S + (3 * Ms), new byte[] { 0x31, 0x00, 0x00 }, 3), "wait");
            UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.PhysicalId, false, S + (3 * Ms), new byte[] { 0x35, 0x00, 0x00 }, 3), "unknown flow status");
            UdsBench.Verdict(UdsVerdict.FlowControl, b.Frame(UdsInspector.PhysicalId, false, S + (4 * Ms), new byte[] { 0x32, 0x00, 0x00 }, 3), "overflow ends the answer");
            UdsBench.Verdict(UdsVerdict.OrphanFlowControl, b.Frame(UdsInspector.PhysicalId, false, S + (5 * Ms), new byte[] { 0x30, 0x00, 0x00 }, 3), "after the answer ended");
            UdsBench.Verdict(UdsVerdict.InvalidFrame, b.Frame(UdsInspector.FunctionalId, false, S, new byte[] { 0x30, 0x00, 0x00 }, 3), "functional flow control");
            Assert.IsTrue(UdsVerdict.Forwards(UdsVerdict.FlowControl));
            Assert.IsFalse(UdsVerdict.Forwards(UdsVerdict.OrphanFlowControl));
        }
    }
}
