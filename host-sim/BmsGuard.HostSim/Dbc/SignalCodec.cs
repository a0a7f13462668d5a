namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Moves a signal's raw bits between a frame payload and an unsigned 64-bit value, byte-wise.
/// Intel (@1) counts from the start bit (the LSB) upwards through the bytes; Motorola (@0)
/// starts at the MSB in DBC's sawtooth numbering (bit 7 of byte 0 is 7, bit 0 of byte 1 is 8)
/// and continues into the following bytes, which is the same as a straight MSB-first run from
/// index byte * 8 + 7 - bit.
/// </summary>
public static class SignalCodec
{
    /// <summary>True when <paramref name="length"/> bytes carry every bit of <paramref name="signal"/>.</summary>
    public static bool Fits(DbcSignal signal, int length) => signal.BytesNeeded <= length;

    /// <summary>The signal's raw bits, zero-extended.</summary>
    /// <exception cref="ArgumentException">The payload is too short for the signal.</exception>
    public static ulong Read(DbcSignal signal, ReadOnlySpan<byte> data)
    {
        CheckFits(signal, data.Length);
        ulong value = 0;
        int length = signal.Length;
        if (signal.ByteOrder == DbcByteOrder.Intel)
        {
            int pos = signal.StartBit;
            for (int done = 0; done < length;)
            {
                int offset = pos & 7;
                int take = Math.Min(8 - offset, length - done);
                ulong chunk = (ulong)((data[pos >> 3] >> offset) & ((1 << take) - 1));
                value |= chunk << done;
                done += take;
                pos += take;
            }
        }
        else
        {
            int pos = signal.MotorolaMsb;
            for (int left = length; left > 0;)
            {
                int avail = 8 - (pos & 7);
                int take = Math.Min(avail, left);
                ulong chunk = (ulong)((data[pos >> 3] >> (avail - take)) & ((1 << take) - 1));
                value = (value << take) | chunk;
                left -= take;
                pos += take;
            }
        }

        return value;
    }

    /// <summary>Writes the low <see cref="DbcSignal.Length"/> bits of <paramref name="raw"/>, leaving every other bit of the payload as it was.</summary>
    /// <exception cref="ArgumentException">The payload is too short for the signal.</exception>
    public static void Write(DbcSignal signal, Span<byte> data, ulong raw)
    {
        CheckFits(signal, data.Length);
        int length = signal.Length;
        if (signal.ByteOrder == DbcByteOrder.Intel)
        {
            int pos = signal.StartBit;
            for (int done = 0; done < length;)
            {
                int offset = pos & 7;
                int take = Math.Min(8 - offset, length - done);
                int mask = ((1 << take) - 1) << offset;
                int bits = (int)((raw >> done) << offset) & mask;
                data[pos >> 3] = (byte)((data[pos >> 3] & ~mask) | bits);
                done += take;
                pos += take;
            }
        }
        else
        {
            int pos = signal.MotorolaMsb;
            for (int left = length; left > 0;)
            {
                int avail = 8 - (pos & 7);
                int take = Math.Min(avail, left);
                int shift = avail - take;
                int mask = ((1 << take) - 1) << shift;
                int bits = (int)((raw >> (left - take)) << shift) & mask;
                data[pos >> 3] = (byte)((data[pos >> 3] & ~mask) | bits);
                left -= take;
                pos += take;
            }
        }
    }

    /// <summary>Sets every bit the signal occupies in <paramref name="mask"/>.</summary>
    public static void Mark(DbcSignal signal, Span<byte> mask) => Write(signal, mask, ulong.MaxValue);

    /// <summary>The low <paramref name="bits"/> bits of <paramref name="raw"/> as a two's complement number.</summary>
    public static long SignExtend(ulong raw, int bits) => bits >= 64 ? (long)raw : (long)(raw << (64 - bits)) >> (64 - bits);

    private static void CheckFits(DbcSignal signal, int length)
    {
        if (!Fits(signal, length))
        {
            throw new ArgumentException($"signal {signal.Name} needs {signal.BytesNeeded} bytes, the payload has {length}");
        }
    }
}
