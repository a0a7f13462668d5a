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
        return ReadBits(signal, data, signal.Length);
    }

    /// <summary>How many of the signal's bits <paramref name="length"/> bytes carry, counted from where it starts (Intel: the LSB; Motorola: the MSB).</summary>
    public static int CarriedBits(DbcSignal signal, int length)
    {
        int first = signal.ByteOrder == DbcByteOrder.Intel ? signal.StartBit : signal.MotorolaMsb;
        return Math.Clamp((length * 8) - first, 0, signal.Length);
    }

    /// <summary>
    /// For a signal that reaches past the end of <paramref name="data"/>: the bits the payload
    /// carries (<see cref="CarriedBits"/>) read as a number of that width, as canmatrix reads them;
    /// sign-extended to the signal's length when signed, so scaling and value tables see the same number.
    /// </summary>
    public static ulong ReadCarried(DbcSignal signal, ReadOnlySpan<byte> data)
    {
        int bits = CarriedBits(signal, data.Length);
        ulong raw = ReadBits(signal, data, bits);
        if (signal.IsSigned && bits > 0 && bits < signal.Length)
        {
            raw = (ulong)SignExtend(raw, bits);
            raw = signal.Length >= 64 ? raw : raw & ((1UL << signal.Length) - 1);
        }

        return raw;
    }

    private static ulong ReadBits(DbcSignal signal, ReadOnlySpan<byte> data, int length)
    {
        ulong value = 0;
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
