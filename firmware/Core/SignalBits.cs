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
            long raw = 0;
            if (!motorola)
            {
                // Intel: from the LSB at the start bit upwards through the bytes.
                int pos = startBit;
                for (int done = 0; done < length;)
                {
                    int offset = pos & 7;
                    int take = 8 - offset;
                    if (take > length - done)
                    {
                        take = length - done;
                    }

                    long chunk = (data[pos >> 3] >> offset) & ((1 << take) - 1);
                    raw |= chunk << done;
                    done += take;
                    pos += take;
                }
            }
            else
            {
                // Motorola: from the MSB, as a straight MSB-first run from index byte * 8 + 7 - bit.
                int pos = MotorolaMsb(startBit);
                for (int left = length; left > 0;)
                {
                    int avail = 8 - (pos & 7);
                    int take = avail < left ? avail : left;
                    long chunk = (data[pos >> 3] >> (avail - take)) & ((1 << take) - 1);
                    raw = (raw << take) | chunk;
                    left -= take;
                    pos += take;
                }
            }

            if (signed && ((raw >> (length - 1)) & 1) != 0)
            {
                raw -= 1L << length;
            }

            return raw;
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
