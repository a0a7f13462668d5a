namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Splits a byte stream into lines in constant memory for the line-oriented text formats (ASC,
/// CSV, TRC): one reusable buffer, no per-line allocation. Lines end at '\n'; a trailing '\r' and a
/// leading UTF-8 byte order mark are dropped.
/// </summary>
internal sealed class TextLineReader : IDisposable
{
    // Vector writes some events (Ethernet, J1939 transport) as very long lines; the buffer grows
    // for them up to a bound, so a file without newlines still fails instead of eating memory.
    private readonly int _maxLine;
    private readonly string _kind;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _source;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    /// <summary>
    /// Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors. Lines may
    /// grow the buffer up to <paramref name="maxLine"/> bytes; a longer one is an error that asks
    /// whether the file is <paramref name="kind"/>.
    /// </summary>
    public TextLineReader(Stream stream, string source, bool leaveOpen, int bufferSize = 1 << 16, int maxLine = 4 << 20, string kind = "a text capture")
    {
        _maxLine = Math.Max(maxLine, bufferSize);
        _kind = kind;
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Number of the line last returned (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Bytes consumed so far, including line ends.</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>The next line without its line end; false at the end of the stream.</summary>
    /// <remarks>The span is valid until the next call.</remarks>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0 || (_eof && _start < _end))
            {
                int length = nl >= 0 ? nl : _end - _start;
                line = _buffer.AsSpan(_start, length);
                int consumed = nl >= 0 ? length + 1 : length;
                _start += consumed;
                BytesConsumed += consumed;
                Line++;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (_first)
                {
                    _first = false;
                    if (line.StartsWith("\uFEFF"u8))
                    {
                        line = line[3..];
                    }
                }

                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Fill()
    {
        if (_start == 0 && _end == _buffer.Length)
        {
            if (_buffer.Length >= _maxLine)
            {
                throw new CaptureFormatException(_source, Line + 1, $"line longer than {_maxLine} bytes (is this {_kind}?)");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxLine));
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }
}
