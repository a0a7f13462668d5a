namespace BmsGuard.Mcp2515
{
    /// <summary>One classic CAN frame as read from a receive buffer; reused for every read (no allocation per frame).</summary>
    public sealed class Mcp2515Frame
    {
        /// <summary>11- or 29-bit identifier.</summary>
        public uint Id;

        /// <summary>True for a 29-bit identifier.</summary>
        public bool Extended;

        /// <summary>True for a remote (RTR) frame; <see cref="Length"/> is then the requested length.</summary>
        public bool Remote;

        /// <summary>Data length, 0 to 8 (a DLC of 9 to 15 on the bus reads as 8 bytes).</summary>
        public int Length;

        /// <summary>Eight data bytes; the first <see cref="Length"/> are the frame's.</summary>
        public readonly byte[] Data = new byte[8];

        /// <summary>Which receive buffer the frame came from (0 or 1).</summary>
        public int Buffer;
    }
}
