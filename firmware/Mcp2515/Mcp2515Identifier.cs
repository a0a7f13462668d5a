namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// The four identifier registers (SIDH, SIDL, EID8, EID0) shared by buffers, filters and masks
    /// (DS20001801 registers 3-3 to 3-7, 4-4 to 4-7, 4-8 to 4-11).
    /// </summary>
    public static class Mcp2515Identifier
    {
        /// <summary>
        /// Writes <paramref name="id"/> into <paramref name="target"/> at <paramref name="offset"/>:
        /// standard ids in SID10:0, extended ids as SID10:0 = id bits 28:18 and EID17:0 = bits 17:0,
        /// with IDE (EXIDE in a filter) set when <paramref name="extended"/>.
        /// </summary>
        public static void Encode(uint id, bool extended, byte[] target, int offset)
        {
            if (extended)
            {
                uint sid = (id >> 18) & 0x7FF;
                target[offset] = (byte)(sid >> 3);
                target[offset + 1] = (byte)(((sid & 7) << 5) | Mcp2515Register.Ide | ((id >> 16) & 3));
                target[offset + 2] = (byte)(id >> 8);
                target[offset + 3] = (byte)id;
                return;
            }

            target[offset] = (byte)((id >> 3) & 0xFF);
            target[offset + 1] = (byte)((id & 7) << 5);
            target[offset + 2] = 0;
            target[offset + 3] = 0;
        }

        /// <summary>Reads the identifier at <paramref name="offset"/> (IDE selects 11 or 29 bits).</summary>
        public static uint Decode(byte[] source, int offset, out bool extended)
        {
            uint sidh = source[offset];
            uint sidl = source[offset + 1];
            uint sid = (sidh << 3) | (sidl >> 5);
            extended = (sidl & Mcp2515Register.Ide) != 0;
            if (!extended)
            {
                return sid;
            }

            return (sid << 18) | ((sidl & 3) << 16) | ((uint)source[offset + 2] << 8) | source[offset + 3];
        }
    }
}
