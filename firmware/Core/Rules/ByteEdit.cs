namespace BmsGuard.Core
{
    /// <summary>
    /// Byte edits applied to a forwarded frame's data, in the fixed order AND, OR, XOR, SET
    /// (the order Linux cangw uses). Each operand is 8 bytes; a null operand is skipped.
    /// Used to blank fields that must not leave the vehicle.
    /// </summary>
    public sealed class ByteEdit
    {
        /// <summary>Length of every operand: one classic CAN payload.</summary>
        public const int OperandLength = 8;

        /// <summary>AND mask, or null.</summary>
        public readonly byte[] And;

        /// <summary>OR mask, or null.</summary>
        public readonly byte[] Or;

        /// <summary>XOR mask, or null.</summary>
        public readonly byte[] Xor;

        /// <summary>Replacement data, or null. Applied last, replaces the payload bytes.</summary>
        public readonly byte[] Set;

        /// <summary>Creates an edit; any operand may be null, non-null operands must be 8 bytes.</summary>
        public ByteEdit(byte[] and, byte[] or, byte[] xor, byte[] set)
        {
            And = and;
            Or = or;
            Xor = xor;
            Set = set;

            // Every AND/OR/XOR/SET chain maps each bit to itself, 0, 1 or its inverse, which is
            // (b & keep) ^ flip: fold the four operands once so Apply does two operations per byte.
            for (int i = OperandLength - 1; i >= 0; i--)
            {
                int keep = 0xFF;
                int flip = 0;
                if (and != null)
                {
                    keep &= and[i];
                    flip &= and[i];
                }

                if (or != null)
                {
                    keep &= ~or[i];
                    flip |= or[i];
                }

                if (xor != null)
                {
                    flip ^= xor[i];
                }

                if (set != null)
                {
                    keep = 0;
                    flip = set[i];
                }

                // Byte i in bits 8i..8i+7, so Apply shifts one byte out per payload byte.
                _keep = (_keep << 8) | (byte)keep;
                _flip = (_flip << 8) | (byte)flip;
            }
        }

        private readonly ulong _keep;
        private readonly ulong _flip;

        /// <summary>True when no operand is present (the edit changes nothing).</summary>
        public bool IsEmpty
        {
            get { return And == null && Or == null && Xor == null && Set == null; }
        }

        /// <summary>Applies the edit in place to the first <paramref name="length"/> bytes.</summary>
        public void Apply(byte[] data, int length)
        {
            if (data == null)
            {
                return;
            }

            if (length > OperandLength)
            {
                length = OperandLength;
            }

            Apply(data, length, _keep, _flip);
        }

        /// <summary>Bits of each byte the edit keeps (byte i in bits 8i..8i+7); all ones for no edit.</summary>
        internal ulong Keep
        {
            get { return _keep; }
        }

        /// <summary>Bits of each byte the edit inverts or sets after masking (byte i in bits 8i..8i+7).</summary>
        internal ulong Flip
        {
            get { return _flip; }
        }

        /// <summary>Applies a folded edit (<see cref="Keep"/>, <see cref="Flip"/>) to the first <paramref name="length"/> (at most 8) bytes.</summary>
        internal static void Apply(byte[] data, int length, ulong keep, ulong flip)
        {
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)((data[i] & (byte)keep) ^ (byte)flip);
                keep >>= 8;
                flip >>= 8;
            }
        }
    }
}
