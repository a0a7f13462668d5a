using BmsGuard.Core.IsoTp;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>ISO-TP reassembly: legitimate messages arrive whole; every malformed sequence is a named, fail-closed error.</summary>
    [TestClass]
    public class IsoTpReceiverTests
    {
        private const long Ms = 1000;

        [TestMethod]
        public void SingleFrameIsCompleteAtOnce()
        {
            IsoTpReceiver rx = new IsoTpReceiver(64, 1000 * Ms);
            byte[] sf = new byte[] { 0x03, 0x22, 0xF1, 0x90, 0xAA, 0xAA, 0xAA, 0xAA };
            AssertStatus(IsoTpStatus.Complete, rx.OnFrame(sf, 8, 0));
            Assert.AreEqual(3, rx.MessageLength);
            Assert.AreEqual((byte)0x22, rx.Buffer[0]);
            Assert.AreEqual((byte)0x90, rx.Buffer[2]);
        }

        [TestMethod]
        public void SegmentedMessageIsReassembledAcrossSequenceWrap()
        {
            // 6 bytes in the first frame + 16 consecutive frames of 7 = 118 bytes: sequence 1..15, 0.
            int size = 6 + (16 * 7);
            IsoTpReceiver rx = new IsoTpReceiver(200, 1000 * Ms);
            byte[] frame = new byte[8];
            frame[0] = (byte)(0x10 | (size >> 8));
            frame[1] = (byte)size;
            for (int i = 0; i < 6; i++)
            {
                frame[i + 2] = (byte)i;
            }

            AssertStatus(IsoTpStatus.SendFlowControl, rx.OnFrame(frame, 8, 0));
            int value = 6;
            for (int n = 1; n <= 16; n++)
            {
                frame[0] = (byte)(0x20 | (n & 0x0F));
                for (int i = 1; i < 8; i++)
                {
                    frame[i] = (byte)value++;
                }

                IsoTpStatus s = rx.OnFrame(frame, 8, n * Ms);
                AssertStatus(n < 16 ? IsoTpStatus.InProgress : IsoTpStatus.Complete, s);
            }

            Assert.AreEqual(size, rx.MessageLength);
            for (int i = 0; i < size; i++)
            {
                Assert.AreEqual((byte)i, rx.Buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void LastConsecutiveFrameMayBeShortOrPadded()
        {
            IsoTpReceiver rx = new IsoTpReceiver(64, 1000 * Ms);
            AssertStatus(IsoTpStatus.SendFlowControl, rx.OnFrame(new byte[] { 0x10, 0x09, 1, 2, 3, 4, 5, 6 }, 8, 0));
            AssertStatus(IsoTpStatus.Complete, rx.OnFrame(new byte[] { 0x21, 7, 8, 9 }, 4, Ms));
            Assert.AreEqual(9, rx.MessageLength);
            Assert.AreEqual((byte)9, rx.Buffer[8]);
        }

        [TestMethod]
        public void WrongSequenceNumberAbortsTheMessage()
        {
            IsoTpReceiver rx = Started(20);
            AssertStatus(IsoTpStatus.WrongSequenceNumber, rx.OnFrame(new byte[] { 0x22, 0, 0, 0, 0, 0, 0, 0 }, 8, Ms));
            Assert.IsFalse(rx.InProgress);
            AssertStatus(IsoTpStatus.UnexpectedConsecutiveFrame, rx.OnFrame(new byte[] { 0x21, 0, 0, 0, 0, 0, 0, 0 }, 8, 2 * Ms));
        }

        [TestMethod]
        public void RepeatedConsecutiveFrameIsAnError()
        {
            IsoTpReceiver rx = Started(30);
            AssertStatus(IsoTpStatus.InProgress, rx.OnFrame(new byte[] { 0x21, 0, 0, 0, 0, 0, 0, 0 }, 8, Ms));
            AssertStatus(IsoTpStatus.WrongSequenceNumber, rx.OnFrame(new byte[] { 0x21, 0, 0, 0, 0, 0, 0, 0 }, 8, 2 * Ms));
        }

        [TestMethod]
        public void ConsecutiveFrameAfterTimeoutIsRejected()
        {
            IsoTpReceiver rx = Started(20);
            AssertStatus(IsoTpStatus.Timeout, rx.OnFrame(new byte[] { 0x21, 0, 0, 0, 0, 0, 0, 0 }, 8, 1001 * Ms));
            Assert.IsFalse(rx.InProgress);
        }

        [TestMethod]
        public void FirstFrameLongerThanTheBufferIsOverflow()
        {
            IsoTpReceiver rx = new IsoTpReceiver(64, 1000 * Ms);
            AssertStatus(IsoTpStatus.Overflow, rx.OnFrame(new byte[] { 0x10, 0x41, 0, 0, 0, 0, 0, 0 }, 8, 0));
            Assert.AreEqual(65, rx.AnnouncedLength);
            AssertStatus(IsoTpStatus.Overflow, rx.OnFrame(new byte[] { 0x10, 0x00, 0, 0, 0x10, 0, 0, 0 }, 8, 0));
        }

        [TestMethod]
        public void MalformedFramesAreInvalid()
        {
            IsoTpReceiver rx = new IsoTpReceiver(64, 1000 * Ms);
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x00, 1, 2 }, 3, 0));      // SF length 0
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x08, 1, 2, 3, 4, 5, 6, 7 }, 8, 0)); // SF length 8
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x05, 1, 2 }, 3, 0));      // SF longer than DLC
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x10, 0x20, 1, 2 }, 4, 0)); // short FF
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x10, 0x05, 1, 2, 3, 4, 5, 6 }, 8, 0)); // FF that fits an SF
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x40, 0 }, 2, 0));         // PCI type 4
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[0], 0, 0));                   // empty
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(null, 8, 0));
            AssertStatus(IsoTpStatus.UnexpectedFlowControl, rx.OnFrame(new byte[] { 0x30, 0, 0 }, 3, 0));
        }

        [TestMethod]
        public void TruncatedConsecutiveFrameIsInvalid()
        {
            IsoTpReceiver rx = Started(20);
            AssertStatus(IsoTpStatus.InvalidFrame, rx.OnFrame(new byte[] { 0x21, 1, 2 }, 3, Ms));
            Assert.IsFalse(rx.InProgress);
        }

        [TestMethod]
        public void NewMessageDuringReceptionDropsBoth()
        {
            IsoTpReceiver rx = Started(20);
            AssertStatus(IsoTpStatus.InterruptedByNewMessage, rx.OnFrame(new byte[] { 0x02, 0x10, 0x03 }, 3, Ms));
            Assert.IsFalse(rx.InProgress);
            rx = Started(20);
            AssertStatus(IsoTpStatus.InterruptedByNewMessage, rx.OnFrame(new byte[] { 0x10, 0x14, 0, 0, 0, 0, 0, 0 }, 8, Ms));
            Assert.IsFalse(rx.InProgress);
        }

        [TestMethod]
        public void FlowControlFrameIsWrittenPadded()
        {
            byte[] fc = new byte[8];
            IsoTpReceiver.WriteFlowControl(fc, IsoTpReceiver.FlowClearToSend, 0, 10);
            Assert.AreEqual((byte)0x30, fc[0]);
            Assert.AreEqual((byte)0x00, fc[1]);
            Assert.AreEqual((byte)0x0A, fc[2]);
            Assert.AreEqual((byte)0xCC, fc[7]);
            IsoTpReceiver.WriteFlowControl(fc, IsoTpReceiver.FlowOverflow, 0, 0);
            Assert.AreEqual((byte)0x32, fc[0]);
        }

        [TestMethod]
        public void RandomGarbageNeverThrowsAndNeverCompletesWithoutAValidStart()
        {
            // A fuzz pass in the nanoFramework subset: every outcome is a status, never an exception.
            IsoTpReceiver rx = new IsoTpReceiver(128, 1000 * Ms);
            XorShift rng = new XorShift(77);
            byte[] frame = new byte[8];
            int completes = 0;
            for (int n = 0; n < 20000; n++)
            {
                int length = (int)(rng.Next() % 9);
                for (int i = 0; i < 8; i++)
                {
                    frame[i] = (byte)rng.Next();
                }

                IsoTpStatus s = rx.OnFrame(frame, length, n * Ms);
                if (s == IsoTpStatus.Complete)
                {
                    completes++;
                    Assert.IsTrue(rx.MessageLength >= 1 && rx.MessageLength <= 128);
                }
            }

            Assert.IsTrue(completes > 0, "random single frames do complete");
        }

        private static IsoTpReceiver Started(int size)
        {
            IsoTpReceiver rx = new IsoTpReceiver(64, 1000 * Ms);
            AssertStatus(IsoTpStatus.SendFlowControl, rx.OnFrame(new byte[] { 0x10, (byte)size, 0, 0, 0, 0, 0, 0 }, 8, 0));
            return rx;
        }

        private static void AssertStatus(IsoTpStatus expected, IsoTpStatus actual)
        {
            Assert.AreEqual((int)expected, (int)actual, "expected " + ((int)expected).ToString() + " got " + ((int)actual).ToString());
        }
    }
}
