using BmsGuard.Core.IsoTp;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>ISO-TP segmentation: every length the protocol allows survives segmenter then receiver unchanged.</summary>
    [TestClass]
    public class IsoTpSegmenterTests
    {
        [TestMethod]
        public void FrameCountsFollowTheFirstAndConsecutiveFramePayloads()
        {
            Assert.AreEqual(1, IsoTpSegmenter.FrameCount(1));
            Assert.AreEqual(1, IsoTpSegmenter.FrameCount(7));
            Assert.AreEqual(2, IsoTpSegmenter.FrameCount(8));
            Assert.AreEqual(2, IsoTpSegmenter.FrameCount(13));
            Assert.AreEqual(3, IsoTpSegmenter.FrameCount(14));
            Assert.AreEqual(586, IsoTpSegmenter.FrameCount(4095));
        }

        [TestMethod]
        public void SegmentedMessagesReassembleForEveryLength()
        {
            IsoTpReceiver rx = new IsoTpReceiver(4095, 1000000);
            byte[] message = new byte[4095];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)((i * 7) + 3);
            }

            byte[] frame = new byte[8];
            for (int length = 1; length <= 4095; length += length < 40 ? 1 : 97)
            {
                int count = IsoTpSegmenter.FrameCount(length);
                IsoTpStatus last = IsoTpStatus.InProgress;
                for (int f = 0; f < count; f++)
                {
                    IsoTpSegmenter.WriteFrame(message, length, f, frame);
                    last = rx.OnFrame(frame, 8, f);
                    if (f == 0 && count > 1)
                    {
                        Assert.IsTrue(last == IsoTpStatus.SendFlowControl, "first frame of " + length.ToString());
                    }
                }

                Assert.IsTrue(last == IsoTpStatus.Complete, "length " + length.ToString());
                Assert.AreEqual(length, rx.MessageLength);
                for (int i = 0; i < length; i++)
                {
                    Assert.AreEqual(message[i], rx.Buffer[i]);
                }
            }
        }

        [TestMethod]
        public void UnusedBytesArePadded()
        {
            byte[] frame = new byte[8];
            IsoTpSegmenter.WriteFrame(new byte[] { 0x3E, 0x00 }, 2, 0, frame);
            Assert.AreEqual((byte)0x02, frame[0]);
            Assert.AreEqual((byte)0x3E, frame[1]);
            for (int i = 3; i < 8; i++)
            {
                Assert.AreEqual(IsoTpSegmenter.Padding, frame[i]);
            }
        }
    }
}
