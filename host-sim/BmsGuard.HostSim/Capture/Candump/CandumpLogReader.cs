using System.Text;

namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// Streaming reader for <c>candump -l</c> log files, in constant memory, without per-frame
/// allocation. Every malformed line stops the read with a <see cref="CaptureFormatException"/>
/// naming the file, the line and the reason.
/// </summary>
/// <remarks>
/// Accepted lines (can-utils lib.c syntax):
/// <code>
/// (1436509052.249713) can0 123#11223344          classic, standard id
/// (1436509052.249713) can0 12345678#1122         classic, extended id (8 hex digits)
/// (1436509052.249713) can0 123#R                 remote frame (also 123#R4 with a length)
/// (1436509052.249713) can0 123#1122334455667788_E classic 8 bytes with raw DLC 9..15
/// (1436509052.249713) can0 123##1112233          CAN FD: flags digit (1 BRS, 2 ESI) then data
/// (1436509052.249713) can0 20000080#0000000000000000  error frame (CAN_ERR_FLAG in the id)
/// </code>
/// Blank lines are skipped. A trailing " T" or " R" direction mark is accepted.
/// </remarks>
public sealed partial class CandumpLogReader : ICaptureReader
{
    private readonly CaptureWarnings _warnings;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _source;
    private readonly byte[] _buffer;
    private readonly List<(byte[] Bytes, string Text, bool Verbatim)> _channels = new();
    private bool _canonical;
    private int _lineStart;
    private int _lineEnd;
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public CandumpLogReader(Stream stream, string source, bool leaveOpen = false, int bufferSize = 1 << 16, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Number of the line last read (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesConsumed => _consumed;

    /// <summary>
    /// The last frame's line as it stood in the file, without surrounding blanks, when it is exactly
    /// what <see cref="CandumpLogWriter"/> writes for the frame (as candump writes it: upper-case hex,
    /// an interface name, a classic data frame); else empty. Valid until the next read.
    /// </summary>
    public ReadOnlySpan<byte> VerbatimLine
    {
        get
        {
            if (!_canonical || !_lastChannel.Verbatim)
            {
                return default;
            }

            // The fast path takes either case of hex; the writer's is upper. Checked here, not per
            // read, so a reader nobody asks for lines pays nothing for it.
            var line = new ReadOnlySpan<byte>(_buffer, _lineStart, _lineEnd - _lineStart);
            return line[(CanonicalNameStart + _lastChannel.Bytes.Length)..].IndexOfAnyInRange((byte)'a', (byte)'f') >= 0 ? default : line;
        }
    }

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at end of file.</summary>
    public bool Read(CaptureFrame frame)
    {
        while (NextLine(out int start, out int end))
        {
            Line++;
            while (end > start && IsSpace(_buffer[end - 1]))
            {
                end--;
            }

            while (start < end && IsSpace(_buffer[start]))
            {
                start++;
            }

            if (start == end)
            {
                continue;
            }

            var line = new ReadOnlySpan<byte>(_buffer, start, end - start);
            _lineStart = start;
            _lineEnd = end;
            if (!TryParseCanonical(line, frame))
            {
                _canonical = false;
                ParseLine(line, frame);
            }

            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool NextLine(out int start, out int end)
    {
        while (true)
        {
            int nl = new ReadOnlySpan<byte>(_buffer, _start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                start = _start;
                end = _start + nl;
                _start = end + 1;
                _consumed += nl + 1;
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    start = _start;
                    end = _end;
                    _consumed += _end - _start;
                    _start = _end;
                    return true;
                }

                start = end = 0;
                return false;
            }

            if (_start == 0 && _end == _buffer.Length)
            {
                throw Error($"line longer than {_buffer.Length} bytes (is this a candump -l log?)", Line + 1);
            }

            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
            int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
        }
    }

    private void ParseLine(ReadOnlySpan<byte> line, CaptureFrame f)
    {
        int i = 0;
        f.TimestampNanos = ParseTimestamp(line, ref i);
        SkipSpaces(line, ref i, "expected an interface name after the timestamp");
        int channelStart = i;
        while (i < line.Length && !IsSpace(line[i]))
        {
            i++;
        }

        f.Channel = Channel(line[channelStart..i]);
        SkipSpaces(line, ref i, "expected a frame (id#data) after the interface name");
        int frameStart = i;
        while (i < line.Length && !IsSpace(line[i]))
        {
            i++;
        }

        ParseFrame(line[frameStart..i], f);
        if (i < line.Length)
        {
            int rest = i;
            while (rest < line.Length && IsSpace(line[rest]))
            {
                rest++;
            }

            var tail = line[rest..];
            if (!(tail.Length == 1 && (tail[0] == (byte)'T' || tail[0] == (byte)'R')))
            {
                throw Error($"unexpected text after the frame: '{Encoding.ASCII.GetString(tail)}'");
            }

            // python-can's writer marks each frame's direction so (can-utils writes none).
            f.Transmit = tail[0] == (byte)'T';
        }
    }

    private static bool AllDigits8(ulong v) =>
        ((v & 0xF0F0F0F0F0F0F0F0UL) | ((v + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL)) == 0x3030303030303030UL;

    private static bool AllDigits6(ulong v) => AllDigits8((v & 0x0000FFFFFFFFFFFFUL) | 0x3030000000000000UL);

    // Eight ASCII digits (first digit in the low byte) to their value, in three multiply steps.
    private static ulong Digits8(ulong v)
    {
        v -= 0x3030303030303030UL;
        v = ((v * 10) + (v >> 8)) & 0x00FF00FF00FF00FFUL;
        v = ((v * 100) + (v >> 16)) & 0x0000FFFF0000FFFFUL;
        return ((v * 10000) + (v >> 32)) & 0xFFFFFFFFUL;
    }

    // Six ASCII digits in the low bytes: pad two leading zeros and reuse Digits8.
    private static ulong Digits6(ulong v) => Digits8(((v & 0x0000FFFFFFFFFFFFUL) << 16) | 0x3030UL);

    private long ParseTimestamp(ReadOnlySpan<byte> line, ref int i)
    {
        if (line.Length == 0 || line[0] != (byte)'(')
        {
            throw Error("expected '(seconds.microseconds)' at the start of the line");
        }

        // candump -l always writes (%010u.%06u): parse that shape without a digit-by-digit chain.
        if (line.Length > 18 && line[11] == (byte)'.' && line[18] == (byte)')')
        {
            ulong hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(line[3..11]);
            ulong lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(line[11..19]) >> 8; // ".uuuuuu)" -> 6 digits + ')'
            int s0 = line[1] - '0';
            int s1 = line[2] - '0';
            if (AllDigits8(hi) && (uint)s0 <= 9 && (uint)s1 <= 9 && AllDigits6(lo))
            {
                i = 19;
                long secs = (((s0 * 10) + s1) * 100_000_000L) + (long)Digits8(hi);
                return (secs * 1_000_000_000L) + ((long)Digits6(lo) * 1000);
            }
        }

        i = 1;
        long seconds = 0;
        int digits = 0;
        while (i < line.Length && IsDigit(line[i]))
        {
            if (++digits > 11)
            {
                throw Error("timestamp seconds out of range");
            }

            seconds = (seconds * 10) + (line[i++] - '0');
        }

        if (digits == 0 || i >= line.Length || line[i] != (byte)'.')
        {
            throw Error("malformed timestamp: expected '(seconds.microseconds)'");
        }

        i++;
        long fraction = 0;
        int fractionDigits = 0;
        while (i < line.Length && IsDigit(line[i]))
        {
            if (++fractionDigits > 9)
            {
                throw Error("timestamp has more than 9 fractional digits");
            }

            fraction = (fraction * 10) + (line[i++] - '0');
        }

        if (fractionDigits == 0 || i >= line.Length || line[i] != (byte)')')
        {
            throw Error("malformed timestamp: expected '(seconds.microseconds)'");
        }

        i++;
        for (int d = fractionDigits; d < 9; d++)
        {
            fraction *= 10;
        }

        return (seconds * 1_000_000_000L) + fraction;
    }

    private string Channel(ReadOnlySpan<byte> name)
    {
        foreach (var channel in _channels)
        {
            if (name.SequenceEqual(channel.Bytes))
            {
                _lastChannel = channel;
                return channel.Text;
            }
        }

        if (name.Length > CandumpLineFormatter.MaxInterfaceName)
        {
            // Linux names have at most 15; the bound keeps every output line within CandumpLineFormatter.MaxLine.
            throw Error($"interface name longer than {CandumpLineFormatter.MaxInterfaceName} bytes");
        }

        string s = Encoding.UTF8.GetString(name);
        _channels.Add((name.ToArray(), s, ChannelNames.ToInterfaceName(s) == s)); // "1" would be written as can0
        _lastChannel = _channels[^1];
        return s;
    }

    private void SkipSpaces(ReadOnlySpan<byte> line, ref int i, string missing)
    {
        int before = i;
        while (i < line.Length && IsSpace(line[i]))
        {
            i++;
        }

        if (i == before || i == line.Length)
        {
            throw Error(missing);
        }
    }

    private CaptureFormatException Error(string reason, long? line = null) => new(_source, line ?? Line, reason);

    private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r';

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    // Table lookup, not a switch: payload hex mixes digits and letters at random, so a switch's
    // branches mispredict about once per nibble.
    private static readonly sbyte[] HexTable = BuildHexTable();

    private static int HexValue(byte b) => HexTable[b];

    private static sbyte[] BuildHexTable()
    {
        var t = new sbyte[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = (sbyte)(i >= '0' && i <= '9' ? i - '0' : i >= 'a' && i <= 'f' ? i - 'a' + 10 : i >= 'A' && i <= 'F' ? i - 'A' + 10 : -1);
        }

        return t;
    }
}
