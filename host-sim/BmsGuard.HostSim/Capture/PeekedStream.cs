namespace BmsGuard.HostSim.Capture;

/// <summary>
/// A forward-only stream whose first bytes were read ahead to look at (<see cref="Head"/>) and are
/// read again from the start: a pipe cannot be rewound, so a format is told from a copy of its
/// first bytes, and the reader then gets all of them.
/// </summary>
public sealed class PeekedStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _head;
    private readonly int _headLength;
    private int _offset;
    private long _consumed;

    /// <summary>
    /// Reads up to <paramref name="peek"/> bytes of <paramref name="inner"/> ahead, fewer at its end or
    /// as soon as <paramref name="enough"/> says the bytes so far tell what is needed (a live pipe
    /// may not send more for a long time).
    /// </summary>
    public PeekedStream(Stream inner, int peek, Func<byte[], int, bool>? enough = null)
    {
        _inner = inner;
        _head = new byte[peek];
        int n = 0, read;
        while (n < peek && (read = inner.Read(_head, n, peek - n)) > 0)
        {
            n += read;
            if (enough != null && enough(_head, n))
            {
                break;
            }
        }

        _headLength = n;
        Ended = n < peek && (enough == null || !enough(_head, n));
    }

    /// <summary>The bytes read ahead.</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    /// <summary>True when the stream ended within <see cref="Head"/>.</summary>
    public bool Ended { get; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes read so far.</summary>
    public override long Position
    {
        get => _consumed;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_offset < _headLength)
        {
            n = Math.Min(buffer.Length, _headLength - _offset);
            _head.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
        }
        else
        {
            n = _inner.Read(buffer);
        }

        _consumed += n;
        return n;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
