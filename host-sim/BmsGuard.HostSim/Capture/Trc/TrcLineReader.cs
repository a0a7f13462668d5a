namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Hands out the lines of a stream as spans into one reused buffer: constant memory, no
/// allocation per line. Line ends are LF; a CR before it and surrounding blanks are trimmed.
/// </summary>
internal sealed class TrcLineReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public TrcLineReader(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Physical lines handed out so far (1-based number of the current line).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream consumed so far.</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>The next line, trimmed of blanks and CR; false at the end of the stream.</summary>
    /// <exception cref="TrcSyntaxException">A line does not fit the buffer.</exception>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0 || (_eof && _start < _end))
            {
                int length = nl >= 0 ? nl : _end - _start;
                line = Trim(_buffer.AsSpan(_start, length));
                int used = nl >= 0 ? length + 1 : length;
                _start += used;
                BytesConsumed += used;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                LineNumber++;
                throw new TrcSyntaxException($"line longer than {_buffer.Length} bytes (is this a PEAK .trc file?)");
            }

            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = n == 0;
            _end += n;
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0;
        int b = s.Length;
        while (a < b && TrcFields.IsBlank(s[a]))
        {
            a++;
        }

        while (b > a && TrcFields.IsBlank(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }
}
