namespace BmsGuard.Core
{
    /// <summary>
    /// The bit layout of a DBC signal inside a classic CAN payload, shared by the safety taps
    /// (<see cref="Safety.SignalTap"/>) and the telemetry policy (<see cref="Telemetry.TelemetrySignal"/>)
    /// so both read exactly the same bits. Intel (@1) counts from the LSB at the start bit upwards;
    /// Motorola (@0) from the MSB in DBC's sawtooth numbering. Nothing here allocates.
    /// </summary>
    internal static class SignalBits
    {
        /// <summary>Longest signal in bits that <see cref="ReadRaw"/> reads.</summary>
        internal const int MaxLength = 32;

        private const long MaxScaleUnits = 1L << 30;
        private const long MaxOffsetUnits = 1L << 60;

        /// <summary>
        /// Index of the most significant bit in MSB-first order (byte * 8 + 7 - bit) of a Motorola signal
        /// whose DBC start bit is <paramref name="startBit"/>: bit 7 of byte 0 is 0, bit 0 of byte 1 is 15.
        /// </summary>
        internal static int MotorolaMsb(int startBit)
        {
            return ((startBit / 8) * 8) + 7 - (startBit % 8);
        }

        /// <summary>Bytes a frame must carry for the whole signal to be present.</summary>
        internal static int BytesNeeded(int startBit, int length, bool motorola)
        {
            int first = motorola ? MotorolaMsb(startBit) : startBit;
            return (first + length + 7) / 8;
        }

        /// <summary>
        /// Why a signal's id, layout and fixed-point scaling are invalid, or null: an id within 11 or 29 bits,
        /// 1..32 bits inside an 8-byte frame, a non-zero scale below 2^30 units, an offset below 2^60 units,
        /// decimals 0..9. Shared by the safety taps and the telemetry signals.
        /// </summary>
        internal static string CheckLayout(uint id, bool extended, int startBit, int length, bool motorola,
            long scaleUnits, long offsetUnits, int decimals)
        {
            if (id > (extended ? 0x1FFFFFFFu : 0x7FFu))
            {
                return extended ? "extended id above 0x1FFFFFFF" : "standard id above 0x7FF (add ext for 29-bit ids)";
            }

            if (length < 1 || length > MaxLength)
            {
                return "len must be 1..32";
            }

            if (startBit < 0 || startBit > 63)
            {
                return "start must be 0..63";
            }

            if ((motorola ? MotorolaMsb(startBit) : startBit) + length > 64)
            {
                return "the signal runs past the 8-byte frame";
            }

            if (scaleUnits == 0 || scaleUnits >= MaxScaleUnits || scaleUnits <= -MaxScaleUnits)
            {
                return "scale must be non-zero and below 2^30 units";
            }

            if (offsetUnits >= MaxOffsetUnits || offsetUnits <= -MaxOffsetUnits)
            {
                return "offset too large";
            }

            return decimals < 0 || decimals > 9 ? "at most 9 decimals" : null;
        }

        /// <summary>True when the signal lies inside an 8-byte frame (start 0..63, length 1..<see cref="MaxLength"/>).</summary>
        internal static bool Fits(int startBit, int length, bool motorola)
        {
            if (length < 1 || length > MaxLength || startBit < 0 || startBit > 63)
            {
                return false;
            }

            int first = motorola ? MotorolaMsb(startBit) : startBit;
            return first + length <= 64;
        }

        /// <summary>
        /// The raw value of the signal in <paramref name="data"/> (sign-extended when <paramref name="signed"/>).
        /// The caller has checked that the frame carries <see cref="BytesNeeded"/> bytes.
        /// </summary>
        internal static long ReadRaw(byte[] data, int startBit, int length, bool motorola, bool signed)
        {
            // The bytes the signal spans (at most 5) gathered into one word, then one shift and one mask:
            // few IL instructions per frame, which is what costs on nanoFramework's interpreter.
            ulong word = 0;
            int shift;
            if (!motorola)
            {
                // Intel: little-endian, the start bit is the LSB.
                int first = startBit >> 3;
                for (int b = (startBit + length - 1) >> 3; b >= first; b--)
                {
                    word = (word << 8) | data[b];
                }

                shift = startBit & 7;
            }
            else
            {
                // Motorola: big-endian, a straight MSB-first run from index byte * 8 + 7 - bit.
                int msb = (startBit & ~7) + 7 - (startBit & 7);
                int lsb = msb + length - 1;
                int last = lsb >> 3;
                for (int b = msb >> 3; b <= last; b++)
                {
                    word = (word << 8) | data[b];
                }

                shift = 7 - (lsb & 7);
            }

            long raw = (long)((word >> shift) & ((1UL << length) - 1));
            if (signed && ((raw >> (length - 1)) & 1) != 0)
            {
                raw -= 1L << length;
            }

            return raw;
        }

        /// <summary>
        /// The first <paramref name="count"/> bytes (at most 8) of <paramref name="data"/> as one little-endian
        /// word: payload bit i (bit i % 8 of byte i / 8) is bit i of the word, so an Intel signal is
        /// <c>(word &gt;&gt; startBit) &amp; mask</c>. Bytes past <paramref name="count"/> read as 0.
        /// </summary>
        internal static ulong IntelWord(byte[] data, int count)
        {
            ulong word = 0;
            for (int b = count - 1; b >= 0; b--)
            {
                word = (word << 8) | data[b];
            }

            return word;
        }

        /// <summary>
        /// The first <paramref name="count"/> bytes (at most 8) of <paramref name="data"/> as one big-endian
        /// word, byte 0 in the top byte: a Motorola signal is <c>(word &gt;&gt; <see cref="WordShift"/>) &amp; mask</c>.
        /// Bytes past <paramref name="count"/> read as 0.
        /// </summary>
        internal static ulong MotorolaWord(byte[] data, int count)
        {
            ulong word = 0;
            for (int b = 0; b < count; b++)
            {
                word = (word << 8) | data[b];
            }

            return count <= 0 ? 0 : word << (8 * (8 - count));
        }

        /// <summary>
        /// How far to shift <see cref="IntelWord"/> (Intel) or <see cref="MotorolaWord"/> (Motorola) right to
        /// bring the signal's least significant bit to bit 0. Same bits as <see cref="ReadRaw"/>.
        /// </summary>
        internal static int WordShift(int startBit, int length, bool motorola)
        {
            return motorola ? 63 - (MotorolaMsb(startBit) + length - 1) : startBit;
        }

        /// <summary>
        /// Sets to 1 (or to 0 when <paramref name="set"/> is false) the bits of the signal in the 8-byte
        /// mask at <paramref name="mask"/>[<paramref name="offset"/>..+8). Used when masks are built, not per frame.
        /// </summary>
        internal static void Mark(byte[] mask, int offset, int startBit, int length, bool motorola, bool set)
        {
            // Both orders walk the same physical bits; only the order of significance differs.
            int pos = motorola ? MotorolaMsb(startBit) : startBit;
            for (int i = 0; i < length; i++)
            {
                int byteIndex = pos >> 3;
                int bit = motorola ? 7 - (pos & 7) : pos & 7;
                if (set)
                {
                    mask[offset + byteIndex] = (byte)(mask[offset + byteIndex] | (1 << bit));
                }
                else
                {
                    mask[offset + byteIndex] = (byte)(mask[offset + byteIndex] & ~(1 << bit));
                }

                pos++;
            }
        }
    }
}
