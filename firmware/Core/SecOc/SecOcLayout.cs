namespace BmsGuard.Core.SecOc
{
    /// <summary>
    /// The SecOC-style single-frame profile (like AUTOSAR SecOC's 24-bit MAC / 8-bit freshness profile), one
    /// classic 8-byte CAN frame:
    /// <code>
    /// byte  0      1..3        4                    5..7
    ///       type   params      freshness bits 7..0  MAC bytes 0..2 (leftmost 24 bits of AES-128-CMAC)
    /// </code>
    /// The MAC is computed over exactly one AES block (16 bytes), in this order:
    /// <code>
    /// bytes 0..3   data id, u32 big-endian (configured per protected frame; by convention its CAN id)
    /// bytes 4..7   the 4 payload bytes as sent (unused parameter bytes are 0)
    /// bytes 8..15  the full freshness value, u64 big-endian (a counter, 1 for the first frame)
    /// </code>
    /// Only the low 8 bits of the freshness travel; the receiver rebuilds the rest from the latest value it
    /// accepted (<see cref="SecOcReceiver"/>).
    /// </summary>
    public static class SecOcLayout
    {
        /// <summary>Frame length (DLC); shorter or longer frames are malformed.</summary>
        public const int FrameLength = 8;

        /// <summary>Payload bytes: command type and up to 3 parameter bytes.</summary>
        public const int PayloadLength = 4;

        /// <summary>Offset of the truncated freshness byte.</summary>
        public const int FreshnessOffset = 4;

        /// <summary>Offset of the truncated MAC.</summary>
        public const int MacOffset = 5;

        /// <summary>Truncated MAC length in bytes (24 bits).</summary>
        public const int MacLength = 3;

        /// <summary>Length of the MAC input.</summary>
        public const int MacInputLength = 16;

        /// <summary>Writes the 16-byte MAC input for <paramref name="freshness"/> into <paramref name="input"/>.</summary>
        public static void WriteMacInput(byte[] input, uint dataId, byte[] payload, int payloadOffset, long freshness)
        {
            input[0] = (byte)(dataId >> 24);
            input[1] = (byte)(dataId >> 16);
            input[2] = (byte)(dataId >> 8);
            input[3] = (byte)dataId;
            for (int i = 0; i < PayloadLength; i++)
            {
                input[4 + i] = payload[payloadOffset + i];
            }

            for (int i = 0; i < 8; i++)
            {
                input[8 + i] = (byte)(freshness >> (56 - (8 * i)));
            }
        }
    }
}
