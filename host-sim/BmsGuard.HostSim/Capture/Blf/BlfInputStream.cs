namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// The BLF file as read so far, forward only: counts the file offset, and while a LOG_CONTAINER is
/// being read ends at the container's last byte, so a decompressor on top of it cannot read into the
/// next object and a file cut short inside the container is reported, not taken as its end.
/// </summary>
internal sealed class BlfInputStream : Stream
{
    private readonly Stream _inner;
    private readonly Func<long, string, CaptureFormatException> _error;
    private long _limit = -1;
    private long _containerAt;

    public BlfInputStream(Stream inner, Func<long, string, CaptureFormatException> error)
    {
        _inner = inner;
        _error = error;
    }

    /// <summary>File offset of the next byte.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// True once the underlying stream threw <see cref="InvalidDataException"/> or an <see cref="IOException"/>
    /// (a corrupt .gz around the .blf, a read error), so that is not mistaken for corrupt zlib data inside a container.
    /// </summary>
    public bool InnerCorrupt { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Offset;
        set => throw new NotSupportedException();
    }

    /// <summary>Ends reads at file offset <paramref name="end"/>, the end of the container at <paramref name="containerAt"/>.</summary>
    public void LimitTo(long end, long containerAt)
    {
        _limit = end;
        _containerAt = containerAt;
    }

    /// <summary>Lifts the container limit.</summary>
    public void Unlimit() => _limit = -1;

    /// <summary>Bytes left before the limit.</summary>
    public long Remaining => _limit < 0 ? long.MaxValue : _limit - Offset;

    public override int Read(Span<byte> buffer)
    {
        if (_limit >= 0)
        {
            long left = _limit - Offset;
            if (left <= 0)
            {
                return 0;
            }

            if (buffer.Length > left)
            {
                buffer = buffer[..(int)left];
            }
        }

        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            InnerCorrupt = true;
            throw;
        }

        if (n == 0 && _limit >= 0 && buffer.Length > 0)
        {
            throw _error(Offset, $"file ends inside the LOG_CONTAINER at byte offset {_containerAt}, which claims {_limit - _containerAt} bytes (truncated file)");
        }

        Offset += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads until <paramref name="into"/> is full or the stream ends; returns the bytes read.</summary>
    public int ReadFull(Span<byte> into)
    {
        int total = 0;
        while (total < into.Length)
        {
            int n = Read(into[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Discards up to <paramref name="count"/> bytes; returns how many there were.</summary>
    public long Skip(long count, Span<byte> scratch)
    {
        long done = 0;
        while (done < count)
        {
            int n = Read(scratch[..(int)Math.Min(scratch.Length, count - done)]);
            if (n == 0)
            {
                break;
            }

            done += n;
        }

        return done;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
