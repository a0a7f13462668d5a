using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// Writes <c>candump -l</c> logs exactly as can-utils does (see <see cref="CandumpLineFormatter"/>),
/// buffering itself; on an <see cref="SpooledStream"/> lines are formatted straight into its chunks.
/// </summary>
public sealed class CandumpLogWriter : ICaptureWriter
{
    private const int DefaultCapacity = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly SpooledStream? _spooled;
    private readonly CandumpLineFormatter _format = new();
    private byte[] _buffer;
    private int _used;

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

    /// <summary>Writes any frame kind.</summary>
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
        int len8Dlc)
    {
        Reserve(CandumpLineFormatter.MaxLine);
        Span<byte> b = _buffer.AsSpan(_used);
        int n = _format.Format(b, timestampNanos, channel, id, extended, remote, error, fd, brs, esi, data, length, len8Dlc);
        EndLine(b, n, default);
    }

    /// <summary>
    /// Writes <paramref name="line"/>, a line formatted by a <see cref="CandumpLineFormatter"/> (no
    /// newline), followed after a space by <paramref name="annotation"/> when there is one: not
    /// candump syntax, for decision logs only. A frame logged twice is formatted once.
    /// </summary>
    public void WriteLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> annotation)
    {
        Reserve(line.Length + annotation.Length + 2);
        Span<byte> b = _buffer.AsSpan(_used);
        line.CopyTo(b);
        EndLine(b, line.Length, annotation);
    }

    /// <summary>
    /// Writes <paramref name="line"/> (as for <see cref="WriteLine"/>) with the interface name that
    /// stands in it from <paramref name="nameStart"/> to <paramref name="nameEnd"/> replaced by
    /// <paramref name="name"/>: the same frame, logged as it left on another interface.
    /// </summary>
    public void WriteLineOnInterface(ReadOnlySpan<byte> line, int nameStart, int nameEnd, ReadOnlySpan<byte> name)
    {
        int length = line.Length - (nameEnd - nameStart) + name.Length;
        Reserve(length + 1);
        Span<byte> b = _buffer.AsSpan(_used);
        line[..nameStart].CopyTo(b);
        name.CopyTo(b[nameStart..]);
        line[nameEnd..].CopyTo(b[(nameStart + name.Length)..]);
        EndLine(b, length, default);
    }

    /// <summary>Flushes the underlying stream.</summary>
    public void Flush()
    {
        Drain();
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

    // Makes room for a line of up to `bytes` at _used.
    private void Reserve(int bytes)
    {
        if (_used > _buffer.Length - bytes)
        {
            Drain();
            if (bytes > _buffer.Length)
            {
                throw new ArgumentException($"a {bytes}-byte line does not fit the writer's {_buffer.Length}-byte buffer");
            }
        }
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
        _used += n;
        Count++;
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
}
