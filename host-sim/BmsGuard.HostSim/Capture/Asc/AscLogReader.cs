using System.Text;

namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// Streaming reader for Vector ASC logs (CANoe/CANalyzer ASCII), in constant memory. CAN frames,
/// remote frames, error frames and CAN FD lines become frames; every other event (statistics,
/// chip status, J1939 transport, "Start of measurement") is skipped as python-can 4.1 skips it, and
/// counted (<see cref="CaptureWarnings.Skip"/>). Lines python-can reads that Vector's rules do not
/// foresee (a classic DLC above 15, a CANFD line of more than 8 bytes without the EDL flag) are read
/// as python-can reads them, with a warning. A text with no ASC header and no CAN event is an error.
/// A malformed CAN line stops the read with a <see cref="CaptureFormatException"/> naming the line.
/// </summary>
/// <remarks>
/// Header lines may appear anywhere: <c>date</c> and <c>Begin Triggerblock &lt;date&gt;</c> set the
/// measurement start (the later one wins, as in python-can), <c>base hex|dec</c> the number base of
/// ids, DLCs and data, <c>timestamps absolute|relative</c> whether an event's time is an offset from
/// the start or from the previous event (any event, skipped ones included). Times are exact
/// integer nanoseconds from the decimal text; the start's wall-clock date is converted to the
/// Unix epoch in <c>zone</c> (the machine's, like python-can). Channel numbers become "1", "2"...
/// </remarks>
public sealed class AscLogReader : ICaptureReader
{
    private readonly CaptureWarnings _warnings;
    private readonly TextLineReader _lines;
    private readonly string _source;
    private readonly TimeZoneInfo _zone;
    private readonly AscTokens _tokens = new();
    private readonly string?[] _channels = new string?[256];
    private bool _decimalBase;
    private bool _recognized;
    private bool _blankOnly = true;
    private bool _relative;
    private long _startNanos;
    private long _sinceStartNanos;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <param name="stream">The ASC text (ASCII/UTF-8).</param>
    /// <param name="source">File name for error messages.</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open on dispose.</param>
    /// <param name="zone">Zone of the header's wall-clock dates; the local zone when null.</param>
    /// <param name="warnings">Where oddities read anyway are reported; none: counted only.</param>
    public AscLogReader(Stream stream, string source, bool leaveOpen = false, TimeZoneInfo? zone = null, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _lines = new TextLineReader(stream, source, leaveOpen);
        _source = source;
        _zone = zone ?? TimeZoneInfo.Local;
    }

    /// <summary>Number of the line last read (1-based).</summary>
    public long Line => _lines.Line;

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at end of file.</summary>
    public bool Read(CaptureFrame frame)
    {
        while (_lines.Next(out var line))
        {
            if (!_decimalBase && AscClassicLine.TryParse(line, frame, out long offset, out int number))
            {
                frame.TimestampNanos = EventTime(offset);
                frame.Channel = Channel(number);
                _recognized = true;
                return true;
            }

            _tokens.Split(line);
            if (_tokens.Count == 0)
            {
                continue;
            }

            _blankOnly = false;

            var first = _tokens.Get(line, 0);
            if (!AscTokens.IsTimestamp(first))
            {
                Header(line);
                continue;
            }

            long time = EventTime(first);
            if (!AscEventParser.IsCanEvent(line, _tokens))
            {
                _warnings.Skip(SkippedKind(line));
                continue;
            }

            string? error = AscEventParser.Parse(line, _tokens, _decimalBase, frame, out int channel, out string? warning);
            if (error != null)
            {
                throw Error(error);
            }

            if (warning != null)
            {
                _warnings.AtLine(_source, _lines.Line, "ASC frame read as python-can reads it", warning);
            }

            _recognized = true;
            frame.TimestampNanos = time;
            frame.Channel = Channel(channel);
            return true;
        }

        // An empty stream is an empty capture here (the CLI names empty files before reading).
        if (!_recognized && !_blankOnly)
        {
            throw new CaptureFormatException(_source, _lines.Line, $"not a Vector ASC file: none of its {_lines.Line} lines is an ASC header (date, base, Begin Triggerblock) or a CAN event");
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private long EventTime(ReadOnlySpan<byte> text)
    {
        string? error = DecimalNanos.TryParse(text, python: false, out long offset);
        if (error != null)
        {
            throw Error($"{error}: '{Encoding.Latin1.GetString(text)}'");
        }

        return EventTime(offset);
    }

    // The offset is from the start (absolute) or from the previous event (relative).
    private long EventTime(long offset)
    {
        try
        {
            _sinceStartNanos = checked(_relative ? _sinceStartNanos + offset : offset);
            return checked(_startNanos + _sinceStartNanos);
        }
        catch (OverflowException)
        {
            throw Error("timestamp out of range");
        }
    }

    // The event's name for the skipped-lines count: "Statistic:", "J1939TP", "CAN" (chip status)...
    private string SkippedKind(ReadOnlySpan<byte> line)
    {
        var word = _tokens.Get(line, AscTokens.IsDigits(_tokens.Get(line, 1)) ? 2 : 1);
        return word.IsEmpty ? "(time only)" : Encoding.Latin1.GetString(word[..Math.Min(word.Length, 24)]);
    }

    private void Header(ReadOnlySpan<byte> line)
    {
        var keyword = _tokens.Get(line, 0);
        _recognized |= AscTokens.IsIgnoreCase(keyword, "date"u8) || AscTokens.IsIgnoreCase(keyword, "base"u8) || AscTokens.IsIgnoreCase(keyword, "begin"u8);
        if (AscTokens.IsIgnoreCase(keyword, "date"u8))
        {
            _startNanos = ParseDate(line, 1, "date");
            _sinceStartNanos = 0;
        }
        else if (AscTokens.IsIgnoreCase(keyword, "base"u8))
        {
            Base(line);
        }
        else if (AscTokens.IsIgnoreCase(keyword, "begin"u8) && AscTokens.IsIgnoreCase(_tokens.Get(line, 1), "triggerblock"u8) && _tokens.Count > 2)
        {
            _startNanos = ParseDate(line, 2, "Begin Triggerblock date");
            _sinceStartNanos = 0;
        }

        // Anything else ("// version", "internal events logged", "End TriggerBlock") says nothing
        // about the frames.
    }

    private void Base(ReadOnlySpan<byte> line)
    {
        var numbers = _tokens.Get(line, 1);
        if (!AscTokens.IsIgnoreCase(numbers, "hex"u8) && !AscTokens.IsIgnoreCase(numbers, "dec"u8))
        {
            throw Error($"base must be hex or dec, found '{Encoding.Latin1.GetString(numbers)}'");
        }

        _decimalBase = AscTokens.IsIgnoreCase(numbers, "dec"u8);
        if (_tokens.Count == 2)
        {
            return;
        }

        var mode = _tokens.Get(line, 3);
        if (_tokens.Count != 4 || !AscTokens.IsIgnoreCase(_tokens.Get(line, 2), "timestamps"u8)
            || !(AscTokens.IsIgnoreCase(mode, "absolute"u8) || AscTokens.IsIgnoreCase(mode, "relative"u8)))
        {
            throw Error("expected 'base hex|dec  timestamps absolute|relative'");
        }

        _relative = AscTokens.IsIgnoreCase(mode, "relative"u8);
    }

    private long ParseDate(ReadOnlySpan<byte> line, int firstColumn, string what)
    {
        if (_tokens.Count <= firstColumn)
        {
            throw Error("date line without a date");
        }

        var bytes = line[_tokens.StartOf(firstColumn)..];
        string text = Utf8OrLatin1(bytes);
        if (!AscDate.TryParse(text, _zone, out long nanos))
        {
            throw Error($"unrecognised {what} '{text}' (expected e.g. 'Thu Jan 01 12:00:00.000 am 2026')");
        }

        return nanos;
    }

    // German month names ("Mär") come as UTF-8 or, from older Windows tools, as Latin-1.
    private static string Utf8OrLatin1(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).Trim();
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes).Trim();
        }
    }

    private string Channel(int number)
    {
        if (number >= _channels.Length)
        {
            return ChannelNames.FromNumber(number);
        }

        return _channels[number] ??= ChannelNames.FromNumber(number);
    }

    private CaptureFormatException Error(string reason) => new(_source, _lines.Line, reason);
}
