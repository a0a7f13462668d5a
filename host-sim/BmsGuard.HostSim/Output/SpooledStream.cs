namespace BmsGuard.HostSim.Output;

/// <summary>
/// The producer's side of an <see cref="OutputSpool"/> file: writes fill a chunk, full chunks go to
/// the spool's thread. <see cref="Flush"/> and closing wait until the file has everything.
/// </summary>
public sealed class SpooledStream : Stream
{
    private readonly OutputSpool _spool;
    private readonly Stream _inner;
    private byte[] _chunk;
    private int _used;
    private long _length;
    private volatile Exception? _failure;
    private bool _closed;

    internal SpooledStream(OutputSpool spool, Stream inner)
    {
        _spool = spool;
        _inner = inner;
        _chunk = [];
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !_closed;

    /// <summary>Bytes written so far.</summary>
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfFailed();
        ObjectDisposedException.ThrowIf(_closed, this);
        _length += buffer.Length;
        while (!buffer.IsEmpty)
        {
            if (_chunk.Length == 0)
            {
                _chunk = _spool.Rent(); // only streams written byte-wise need a staging chunk
            }

            int n = Math.Min(buffer.Length, _chunk.Length - _used);
            buffer[..n].CopyTo(_chunk.AsSpan(_used));
            _used += n;
            buffer = buffer[n..];
            if (_used == _chunk.Length)
            {
                PostStaged();
            }
        }
    }

    /// <summary>An empty chunk for <see cref="Exchange"/>: a writer that formats into it saves a copy.</summary>
    public byte[] RentChunk() => _spool.Rent();

    /// <summary>
    /// Hands <paramref name="chunk"/>'s first <paramref name="count"/> bytes over without copying
    /// (after anything written before) and returns an empty chunk; <paramref name="chunk"/> must
    /// come from <see cref="RentChunk"/> or an earlier exchange and not be touched afterwards.
    /// </summary>
    public byte[] Exchange(byte[] chunk, int count)
    {
        ThrowIfFailed();
        ObjectDisposedException.ThrowIf(_closed, this);
        if (count == 0)
        {
            return chunk;
        }

        PostStaged();

        _length += count;
        _spool.Post(new SpoolWork(this, chunk, count, SpoolWork.Kinds.Write));
        return _spool.Rent();
    }

    /// <summary>Hands over what is buffered and waits until the file has it.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        Finish(SpoolWork.Kinds.Flush);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Runs on the spool's thread; a failure stops this file's writes and is rethrown to the producer.</summary>
    internal void Execute(SpoolWork.Kinds kind, byte[]? chunk, int count)
    {
        try
        {
            if (kind == SpoolWork.Kinds.Close)
            {
                if (_failure == null)
                {
                    _inner.Flush();
                }

                _inner.Dispose();
                return;
            }

            if (_failure != null)
            {
                return;
            }

            if (kind == SpoolWork.Kinds.Write)
            {
                _inner.Write(chunk!, 0, count);
            }
            else
            {
                _inner.Flush();
            }
        }
        catch (Exception e)
        {
            // Whatever the file throws ends up with the producer, which reports it; the spool's
            // thread must survive it (an unhandled exception there would end the process).
            _failure ??= e;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            Finish(SpoolWork.Kinds.Close);
        }

        base.Dispose(disposing);
    }

    private void Finish(SpoolWork.Kinds kind)
    {
        PostStaged();

        var work = new SpoolWork(this, null, 0, kind);
        _spool.Post(work);
        work.Done!.Wait();
        work.Done.Dispose();
        ThrowIfFailed();
    }

    // Hands the staged bytes written through Write (if any) to the spool's thread.
    private void PostStaged()
    {
        if (_used > 0)
        {
            _spool.Post(new SpoolWork(this, _chunk, _used, SpoolWork.Kinds.Write));
            _chunk = [];
            _used = 0;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } e)
        {
            throw new IOException(e.Message, e);
        }
    }
}
