using System.Text;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Writes <c>candump -l</c> log lines exactly as can-utils does: <c>(%010u.%06u) iface id#data</c>,
/// upper-case hex, 3-digit standard and 8-digit extended identifiers.
/// </summary>
public sealed class CandumpLogWriter : ICaptureWriter
{
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();
    private static readonly ushort[] HexPairs = BuildHexPairs();
    private static readonly ushort[] DecimalPairs = BuildDecimalPairs();
    private const int DefaultCapacity = 1 << 16;
    private const int MaxLine = 512;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly SpooledStream? _spooled;
    private byte[] _buffer;
    private int _used;
    private int _lastLine = -1;
    private readonly Dictionary<string, byte[]> _channels = new(StringComparer.Ordinal);
    private string? _lastChannel;
    private byte[] _lastChannelBytes = [];

    /// <summary>Writes to <paramref name="stream"/> (the writer buffers itself).</summary>
    public CandumpLogWriter(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;

        // On a spool, lines are formatted straight into the spool's chunks: no second copy.
        _spooled = stream as SpooledStream;
        _buffer = _spooled?.RentChunk() ?? new byte[DefaultCapacity];
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
        if (_used > _buffer.Length - MaxLine)
        {
            Drain();
        }

        Span<byte> b = _buffer.AsSpan(_used);
        int n = 0;
        long micros = timestampNanos / 1000;
        b[n++] = (byte)'(';
        n += WriteSeconds(b[n..], micros / 1_000_000);
        b[n++] = (byte)'.';
        WriteFixed6(b.Slice(n, 6), (uint)(micros % 1_000_000));
        n += 6;
        b[n++] = (byte)')';
        b[n++] = (byte)' ';
        if (!ReferenceEquals(channel, _lastChannel))
        {
            if (!_channels.TryGetValue(channel, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(ChannelNames.ToInterfaceName(channel)); // ASC/BLF/TRC channel "1" -> can0
                _channels[channel] = bytes;
            }

            _lastChannel = channel;
            _lastChannelBytes = bytes;
        }

        _lastChannelBytes.CopyTo(b[n..]);
        n += _lastChannelBytes.Length;
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

        ushort[] pairs = HexPairs;
        for (int i = 0; i < length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(b[n..], pairs[data![i]]);
            n += 2;
        }

        if (!fd && !remote && len8Dlc > 8 && length == 8)
        {
            b[n++] = (byte)'_';
            b[n++] = Hex[len8Dlc & 0xF];
        }

        EndLine(b, n, annotation);
    }

    /// <summary>
    /// Writes the line this writer wrote last to <paramref name="other"/> too, followed by
    /// <paramref name="annotation"/>: a frame logged twice is formatted once.
    /// </summary>
    public void CopyLastLine(CandumpLogWriter other, ReadOnlySpan<byte> annotation)
    {
        if (_lastLine < 0)
        {
            throw new InvalidOperationException("no line written since the last flush");
        }

        ReadOnlySpan<byte> line = _buffer.AsSpan(_lastLine, _used - _lastLine - 1);
        if (other._used > other._buffer.Length - (line.Length + annotation.Length + 2))
        {
            other.Drain();
        }

        Span<byte> b = other._buffer.AsSpan(other._used);
        line.CopyTo(b);
        other.EndLine(b, line.Length, annotation);
    }

    // Appends " annotation" (when there is one) and the newline to the line of n bytes being
    // written at _used, and counts it.
    private void EndLine(Span<byte> b, int n, ReadOnlySpan<byte> annotation)
    {
        if (!annotation.IsEmpty)
        {
            b[n++] = (byte)' ';
            annotation.CopyTo(b[n..]);
            n += annotation.Length;
        }

        b[n++] = (byte)'\n';
        _lastLine = _used;
        _used += n;
        Count++;
    }

    /// <summary>Flushes the underlying stream.</summary>
    public void Flush()
    {
        Drain();
        _lastLine = -1;
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // Hands the buffered lines to the stream (a spool takes the buffer itself and gives another).
    private void Drain()
    {
        if (_spooled != null)
        {
            _buffer = _spooled.Exchange(_buffer, _used);
        }
        else
        {
            _stream.Write(_buffer, 0, _used);
        }

        _used = 0;
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

    // candump's %010u: ten digits (more if the value needs them), two at a time from the right.
    private static int WriteSeconds(Span<byte> into, long value)
    {
        if ((ulong)value >= 10_000_000_000UL)
        {
            return WriteDecimal(into, value, 10);
        }

        ushort[] pairs = DecimalPairs;
        ulong v = (ulong)value;
        for (int i = 8; i >= 0; i -= 2)
        {
            ulong q = v / 100;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(into[i..], pairs[v - (q * 100)]);
            v = q;
        }

        return 10;
    }

    // Exactly six digits, two at a time: the microseconds part.
    private static void WriteFixed6(Span<byte> into, uint value)
    {
        ushort[] pairs = DecimalPairs;
        uint hi = value / 10000;
        uint rest = value - (hi * 10000);
        uint mid = rest / 100;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(into, pairs[hi]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(into[2..], pairs[mid]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(into[4..], pairs[rest - (mid * 100)]);
    }

    private static ushort[] BuildHexPairs()
    {
        var t = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = (ushort)(Hex[i >> 4] | (Hex[i & 0xF] << 8));
        }

        return t;
    }

    private static ushort[] BuildDecimalPairs()
    {
        var t = new ushort[100];
        for (int i = 0; i < 100; i++)
        {
            t[i] = (ushort)(('0' + (i / 10)) | (('0' + (i % 10)) << 8));
        }

        return t;
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
