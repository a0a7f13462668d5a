namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// The fast path for the commonest ASC event in hex base, a classic data frame:
/// <code>
///    12.345678 1  1F0             Rx   d 8 FC 0E 30 00 A0 C2 00 63 [anything]
/// </code>
/// parsed straight from the line's bytes, without splitting it into columns. It accepts only lines
/// the general parser (<see cref="AscEventParser"/>) reads the same way, and returns false for
/// anything else (other events, headers, decimal base, raw DLC 9..F, odd tokens, every error), so
/// the general parser decides and names the errors.
/// </summary>
internal static class AscClassicLine
{
    private static readonly sbyte[] HexTable = BuildHexTable();

    /// <summary>Fills <paramref name="f"/> (all but time and channel) when the line is a plain classic data frame.</summary>
    /// <param name="line">The line without its line end.</param>
    /// <param name="f">The frame to fill; untouched when false is returned.</param>
    /// <param name="offsetNanos">The event's time column, in nanoseconds.</param>
    /// <param name="channel">The channel number.</param>
    public static bool TryParse(ReadOnlySpan<byte> line, CaptureFrame f, out long offsetNanos, out int channel)
    {
        offsetNanos = 0;
        channel = 0;
        int i = SkipSpace(line, 0);

        // Time: 1..9 integer digits '.' 1..9 fraction digits.
        int start = i;
        long seconds = 0;
        while (i < line.Length && IsDigit(line[i]) && i - start < 10)
        {
            seconds = (seconds * 10) + (line[i++] - '0');
        }

        int intDigits = i - start;
        if (intDigits == 0 || intDigits > 9 || i >= line.Length || line[i] != (byte)'.')
        {
            return false;
        }

        start = ++i;
        long fraction = 0;
        while (i < line.Length && IsDigit(line[i]) && i - start < 10)
        {
            fraction = (fraction * 10) + (line[i++] - '0');
        }

        int fractionDigits = i - start;
        if (fractionDigits == 0 || fractionDigits > 9 || !SpaceFollows(line, ref i))
        {
            return false;
        }

        for (int d = fractionDigits; d < 9; d++)
        {
            fraction *= 10;
        }

        // Channel: 1..6 decimal digits.
        start = i;
        int number = 0;
        while (i < line.Length && IsDigit(line[i]) && i - start < 7)
        {
            number = (number * 10) + (line[i++] - '0');
        }

        if (i - start == 0 || i - start > 6 || !SpaceFollows(line, ref i))
        {
            return false;
        }

        // Identifier: 1..8 hex digits, 'x' for extended.
        start = i;
        uint id = 0;
        while (i < line.Length && i - start < 9 && HexTable[line[i]] >= 0)
        {
            id = (id << 4) | (byte)HexTable[line[i++]];
        }

        int idDigits = i - start;
        bool extended = i < line.Length && (line[i] | 0x20) == (byte)'x';
        if (extended)
        {
            i++;
        }

        if (idDigits == 0 || idDigits > 8 || id > (extended ? 0x1FFFFFFFu : 0x7FFu) || !SpaceFollows(line, ref i))
        {
            return false;
        }

        // Direction Rx or Tx, then 'd' and a DLC 0..8.
        if (i + 2 > line.Length || (line[i + 1] | 0x20) != (byte)'x' || ((line[i] | 0x20) != (byte)'r' && (line[i] | 0x20) != (byte)'t'))
        {
            return false;
        }

        bool transmit = (line[i] | 0x20) == (byte)'t';
        i += 2;
        if (!SpaceFollows(line, ref i) || (line[i] | 0x20) != (byte)'d')
        {
            return false;
        }

        i++;
        if (!SpaceFollows(line, ref i) || line[i] < (byte)'0' || line[i] > (byte)'8')
        {
            return false;
        }

        int dlc = line[i++] - '0';
        if (i < line.Length && !IsSpace(line[i]))
        {
            return false;
        }

        // Data: dlc tokens of exactly two hex digits; what follows them is ignored, as the general parser does.
        ulong data = 0;
        for (int k = 0; k < dlc; k++)
        {
            if (!SpaceFollows(line, ref i) || i + 2 > line.Length)
            {
                return false;
            }

            int hi = HexTable[line[i]];
            int lo = HexTable[line[i + 1]];
            i += 2;
            if ((hi | lo) < 0 || (i < line.Length && !IsSpace(line[i])))
            {
                return false;
            }

            data |= (ulong)(uint)((hi << 4) | lo) << (k * 8);
        }

        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(f.Data, data);
        f.Id = id;
        f.Extended = extended;
        f.Remote = f.Error = f.Fd = f.BitRateSwitch = f.ErrorStateIndicator = false;
        f.Transmit = transmit;
        f.Length = dlc;
        f.Len8Dlc = 0;
        offsetNanos = (seconds * 1_000_000_000L) + fraction;
        channel = number;
        return true;
    }

    // At least one space or tab at i, then i moves past them; false at the end of the line.
    private static bool SpaceFollows(ReadOnlySpan<byte> line, ref int i)
    {
        if (i >= line.Length || !IsSpace(line[i]))
        {
            return false;
        }

        i = SkipSpace(line, i);
        return i < line.Length;
    }

    private static int SkipSpace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && IsSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static sbyte[] BuildHexTable()
    {
        var t = new sbyte[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = (sbyte)(i >= '0' && i <= '9' ? i - '0' : i >= 'a' && i <= 'f' ? i - 'a' + 10 : i >= 'A' && i <= 'F' ? i - 'A' + 10 : -1);
        }

        return t;
    }
}
