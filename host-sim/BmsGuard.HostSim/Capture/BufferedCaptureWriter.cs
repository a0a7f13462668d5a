using System.Runtime.CompilerServices;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// The part every text capture writer shares (as python-can's FileIOMessageWriter): a 64 KiB buffer
/// the format writes its lines into (<see cref="Reserve"/>, <see cref="Advance"/>), handed to the
/// stream when full, on <see cref="Flush"/> and on <see cref="Dispose"/>, which first lets the format
/// end the file (<see cref="WriteTrailer"/>) and then closes the stream unless
/// <see cref="CaptureWriterOptions.LeaveOpen"/>. On an <see cref="SpooledStream"/> the lines are
/// formatted straight into the spool's chunks, which are handed over without a copy.
/// </summary>
public abstract class BufferedCaptureWriter : ICaptureWriter
{
    /// <summary>Bytes buffered before they go to a plain stream.</summary>
    public const int BufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly SpooledStream? _spooled;
    private byte[] _buffer;
    private int _used;
    private bool _disposed;

    /// <summary>Writes to <paramref name="stream"/> as <paramref name="options"/> say (null: <see cref="CaptureWriterOptions.Default"/>).</summary>
    protected BufferedCaptureWriter(Stream stream, CaptureWriterOptions? options)
    {
        _stream = stream;
        _spooled = stream as SpooledStream;
        _buffer = _spooled?.RentChunk() ?? new byte[BufferSize];
        Options = options ?? CaptureWriterOptions.Default;
    }

    /// <summary>Frames (or lines) written.</summary>
    public long Count { get; protected set; }

    /// <summary>The options the writer was made with.</summary>
    protected CaptureWriterOptions Options { get; }

    /// <summary>Writes one frame.</summary>
    public abstract void Write(CaptureFrame frame);

    /// <summary>Hands everything buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        Drain();
        _stream.Flush();
    }

    /// <summary>Ends the file (<see cref="WriteTrailer"/>), flushes, and closes the stream unless left open; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            WriteTrailer();
            Flush();
        }
        finally
        {
            if (!Options.LeaveOpen)
            {
                _stream.Dispose();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>What the format writes at the end of the file (ASC's End TriggerBlock, an empty file's header); nothing by default.</summary>
    protected virtual void WriteTrailer()
    {
    }

    /// <summary>
    /// Room for <paramref name="bytes"/> at the end of the buffer (handing the buffer to the stream
    /// first when it has less): the span to write into; <see cref="Advance"/> then counts what was written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected Span<byte> Reserve(int bytes)
    {
        if (_used > _buffer.Length - bytes)
        {
            MakeRoom(bytes);
        }

        return _buffer.AsSpan(_used);
    }

    /// <summary>Adds <paramref name="bytes"/> written into the span <see cref="Reserve"/> gave to the buffered output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Advance(int bytes) => _used += bytes;

    /// <summary>Buffers ASCII text (a header).</summary>
    protected void WriteAscii(string text) => Advance(System.Text.Encoding.ASCII.GetBytes(text, Reserve(text.Length)));

    private void MakeRoom(int bytes)
    {
        Drain();
        if (bytes > _buffer.Length)
        {
            throw new ArgumentException($"a {bytes}-byte line does not fit the writer's {_buffer.Length}-byte buffer");
        }
    }

    // Hands the buffered bytes to the stream (a spool takes the buffer itself and gives another).
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
