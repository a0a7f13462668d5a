namespace BmsGuard.Core.IsoTp
{
    /// <summary>
    /// Splits a message into ISO 15765-2 frames (normal addressing, 8-byte frames padded with 0xCC):
    /// a single frame up to 7 bytes, otherwise a first frame and consecutive frames with sequence
    /// numbers 1..15, 0, 1, ... The counterpart of <see cref="IsoTpReceiver"/>; flow control pacing is
    /// the caller's business (it only decides when each frame goes out).
    /// </summary>
    public static class IsoTpSegmenter
    {
        /// <summary>Padding byte for unused frame bytes.</summary>
        public const byte Padding = 0xCC;

        /// <summary>Number of frames a message of <paramref name="length"/> bytes takes (1..4095 bytes).</summary>
        public static int FrameCount(int length)
        {
            if (length < 1 || length > 4095)
            {
                throw new System.ArgumentOutOfRangeException();
            }

            if (length <= 7)
            {
                return 1;
            }

            // The first frame carries 6 bytes, each consecutive frame 7.
            return 1 + ((length - 6 + 6) / 7);
        }

        /// <summary>Writes frame number <paramref name="index"/> (0 = first) of the message into an 8-byte <paramref name="frame"/>.</summary>
        public static void WriteFrame(byte[] message, int length, int index, byte[] frame)
        {
            int count = FrameCount(length);
            if (index < 0 || index >= count || frame == null || frame.Length < 8)
            {
                throw new System.ArgumentOutOfRangeException();
            }

            for (int i = 0; i < 8; i++)
            {
                frame[i] = Padding;
            }

            if (count == 1)
            {
                frame[0] = (byte)length;
                System.Array.Copy(message, 0, frame, 1, length);
                return;
            }

            if (index == 0)
            {
                frame[0] = (byte)(0x10 | (length >> 8));
                frame[1] = (byte)length;
                System.Array.Copy(message, 0, frame, 2, 6);
                return;
            }

            int offset = 6 + ((index - 1) * 7);
            int n = length - offset;
            if (n > 7)
            {
                n = 7;
            }

            frame[0] = (byte)(0x20 | (index & 0x0F));
            System.Array.Copy(message, offset, frame, 1, n);
        }
    }
}
