using System.Text;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Writes <c>candump -l</c> log lines exactly as can-utils does: <c>(%010u.%06u) iface id#data</c>,
/// upper-case hex, 3-digit standard and 8-digit extended identifiers.
/// </summary>
public sealed class CandumpLogWriter : IDisposable
{
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _line = new byte[512];
    private readonly Dictionary<string, byte[]> _channels = new(StringComparer.Ordinal);

    /// <summary>Writes to <paramref name="stream"/> (wrap files in a buffered stream).</summary>
    public CandumpLogWriter(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Frames written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one frame (sub-microsecond time is truncated, as candump's format has 6 decimals).</summary>
    public void Write(CaptureFrame f) =>
        Write(f.TimestampNanos, f.Channel, f.Id, f.Extended, f.Remote, f.Error, f.Fd, f.BitRateSwitch, f.ErrorStateIndicator, f.Data, f.Length, f.Len8Dlc);

    /// <summary>Writes one classic frame.</summary>
    public void Write(long timestampNanos, string channel, uint id, bool extended, bool remote, byte[]? data, int length) =>
        Write(timestampNanos, channel, id, extended, remote, false, false, false, false, data, length, 0);

    /// <summary>Writes any frame kind; a non-empty <paramref name="annotation"/> follows the frame after a space (not candump syntax: for decision logs only).</summary>
    public void Write(
        long timestampNanos,
        string channel,
        uint id,
        bool extended,
        bool remote,
        bool error,
        bool fd,
        bool brs,
        bool esi,
        byte[]? data,
        int length,
        int len8Dlc,
        ReadOnlySpan<byte> annotation = default)
    {
        Span<byte> b = _line;
        int n = 0;
        long micros = timestampNanos / 1000;
        b[n++] = (byte)'(';
        n += WriteDecimal(b[n..], micros / 1_000_000, 10);
        b[n++] = (byte)'.';
        n += WriteDecimal(b[n..], micros % 1_000_000, 6);
        b[n++] = (byte)')';
        b[n++] = (byte)' ';
        if (!_channels.TryGetValue(channel, out var name))
        {
            name = Encoding.UTF8.GetBytes(channel);
            _channels[channel] = name;
        }

        name.CopyTo(b[n..]);
        n += name.Length;
        b[n++] = (byte)' ';
        if (error)
        {
            n += WriteHex(b[n..], id | 0x20000000, 8);
        }
        else
        {
            n += WriteHex(b[n..], id, extended ? 8 : 3);
        }

        b[n++] = (byte)'#';
        if (fd)
        {
            b[n++] = (byte)'#';
            b[n++] = Hex[(brs ? 1 : 0) | (esi ? 2 : 0)];
        }
        else if (remote)
        {
            b[n++] = (byte)'R';
            if (length > 0 && length <= 8)
            {
                b[n++] = Hex[length];
            }

            length = 0;
        }

        for (int i = 0; i < length; i++)
        {
            byte v = data![i];
            b[n++] = Hex[v >> 4];
            b[n++] = Hex[v & 0xF];
        }

        if (!fd && !remote && len8Dlc > 8 && length == 8)
        {
            b[n++] = (byte)'_';
            b[n++] = Hex[len8Dlc & 0xF];
        }

        if (!annotation.IsEmpty)
        {
            b[n++] = (byte)' ';
            annotation.CopyTo(b[n..]);
            n += annotation.Length;
        }

        b[n++] = (byte)'\n';
        _stream.Write(_line, 0, n);
        Count++;
    }

    /// <summary>Flushes the underlying stream.</summary>
    public void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static int WriteDecimal(Span<byte> into, long value, int minDigits)
    {
        Span<byte> tmp = stackalloc byte[20];
        int len = 0;
        do
        {
            tmp[len++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);
        while (len < minDigits)
        {
            tmp[len++] = (byte)'0';
        }

        for (int i = 0; i < len; i++)
        {
            into[i] = tmp[len - 1 - i];
        }

        return len;
    }

    private static int WriteHex(Span<byte> into, uint value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            into[i] = Hex[(int)(value & 0xF)];
            value >>= 4;
        }

        return digits;
    }
}
