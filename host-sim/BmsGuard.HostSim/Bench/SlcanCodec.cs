using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// The Lawicel serial-line (SLCAN) frame lines: <c>tiiildd..</c> (standard), <c>Tiiiiiiiildd..</c>
/// (extended), <c>riiil</c> / <c>Riiiiiiiil</c> (remote), each optionally followed by a 4-digit hex
/// millisecond timestamp (0..59999, after the adapter's Z1), terminated by CR. Classic CAN only.
/// </summary>
public static class SlcanCodec
{
    /// <summary>Longest line this codec writes or reads, without the CR: T + 8 + 1 + 16 + 4.</summary>
    public const int MaxLine = 30;

    /// <summary>The adapter's timestamp wraps after this many milliseconds.</summary>
    public const int TimestampWrap = 60_000;

    /// <summary>Writes the transmit command for <paramref name="frame"/> with its CR; returns its length.</summary>
    /// <exception cref="ArgumentException">An FD or error frame, or more than 8 bytes: SLCAN carries classic frames only.</exception>
    public static int Encode(CaptureFrame frame, Span<byte> line)
    {
        if (frame.Fd || frame.Error || frame.Length > 8)
        {
            throw new ArgumentException("SLCAN carries classic CAN data and remote frames only", nameof(frame));
        }

        int n = 0;
        line[n++] = (byte)(frame.Remote ? (frame.Extended ? 'R' : 'r') : (frame.Extended ? 'T' : 't'));
        n = Hex(frame.Id, frame.Extended ? 8 : 3, line, n);
        line[n++] = (byte)('0' + frame.Length);
        if (!frame.Remote)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                n = Hex(frame.Data[i], 2, line, n);
            }
        }

        line[n++] = (byte)'\r';
        return n;
    }

    /// <summary>
    /// Reads a frame line (without its CR) into <paramref name="frame"/>: id, flags, length and data.
    /// <paramref name="millis"/> is the adapter's timestamp, or -1 when the line has none.
    /// Returns null, or why the line is not a frame.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> line, CaptureFrame frame, out int millis)
    {
        millis = -1;
        if (line.IsEmpty)
        {
            return "empty line";
        }

        byte kind = line[0];
        bool extended = kind is (byte)'T' or (byte)'R';
        bool remote = kind is (byte)'r' or (byte)'R';
        if (!extended && !remote && kind != 't')
        {
            return $"'{(char)kind}' does not start a frame";
        }

        int idDigits = extended ? 8 : 3;
        if (line.Length < 1 + idDigits + 1 || !TryHex(line.Slice(1, idDigits), out uint id))
        {
            return "bad identifier";
        }

        if (id > (extended ? 0x1FFFFFFFu : 0x7FFu))
        {
            return $"identifier 0x{id:X} out of range";
        }

        int dlc = line[1 + idDigits] - '0';
        if (dlc is < 0 or > 8)
        {
            return "bad length digit";
        }

        int at = 2 + idDigits;
        int dataDigits = remote ? 0 : dlc * 2;
        int rest = line.Length - at - dataDigits;
        if (rest != 0 && rest != 4)
        {
            return $"{line.Length} characters do not fit length {dlc}";
        }

        for (int i = 0; i < dataDigits / 2; i++)
        {
            if (!TryHex(line.Slice(at + (i * 2), 2), out uint b))
            {
                return "bad data byte";
            }

            frame.Data[i] = (byte)b;
        }

        if (rest == 4)
        {
            if (!TryHex(line.Slice(at + dataDigits, 4), out uint ms) || ms >= TimestampWrap)
            {
                return "bad timestamp";
            }

            millis = (int)ms;
        }

        frame.Id = id;
        frame.Extended = extended;
        frame.Remote = remote;
        frame.Error = frame.Fd = frame.BitRateSwitch = frame.ErrorStateIndicator = false;
        frame.Length = dlc;
        frame.Len8Dlc = 0;
        return null;
    }

    private static int Hex(uint value, int digits, Span<byte> to, int at)
    {
        for (int d = digits - 1; d >= 0; d--)
        {
            uint nibble = (value >> (d * 4)) & 0xF;
            to[at++] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }

        return at;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        foreach (byte c in digits)
        {
            uint v = c switch
            {
                >= (byte)'0' and <= (byte)'9' => (uint)(c - '0'),
                >= (byte)'A' and <= (byte)'F' => (uint)(c - 'A' + 10),
                >= (byte)'a' and <= (byte)'f' => (uint)(c - 'a' + 10),
                _ => 16,
            };
            if (v == 16)
            {
                return false;
            }

            value = (value << 4) | v;
        }

        return true;
    }
}
