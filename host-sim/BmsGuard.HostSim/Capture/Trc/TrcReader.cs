using System.Globalization;

namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Streaming reader for PEAK-System trace files (.trc, file versions 1.0, 1.1, 1.2, 1.3, 2.0 and
/// 2.1), line by line in constant memory without allocating per frame. Every malformed line stops
/// the read with a <see cref="CaptureFormatException"/> naming the file, the line and the reason.
/// </summary>
/// <remarks>
/// Times are <c>$STARTTIME</c> plus each message's offset, in integer nanoseconds (see
/// <see cref="StartTimeNanos"/>). The channel is the bus number as a string ("1", "2") from the bus
/// column of 1.2, 1.3 and 2.x files with one, else "1". Classic, remote, CAN FD (FD/FB/FE/BI with
/// the DLC mapped to the length) and error frames (ER, or Error/ERROR in 1.x, as SocketCAN
/// protocol errors) are frames; status, error counter, event and warning lines are not and are
/// counted in <see cref="SkippedNonFrames"/>. An unknown message type is an error.
/// </remarks>
public sealed class TrcReader : ICaptureReader
{
    private readonly CaptureWarnings _warnings;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _source;
    private readonly TextLineReader _lines;
    private readonly TrcHeader _header = new();
    private readonly TrcFields _fields = new();
    private readonly TrcBusNames _buses = new();
    private bool _started;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public TrcReader(Stream stream, string source, bool leaveOpen = false, int bufferSize = 1 << 16, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
        _lines = new TextLineReader(stream, source, leaveOpen: true, bufferSize, maxLine: bufferSize, kind: "a PEAK .trc file");
    }

    /// <summary>Number of the line last read (1-based).</summary>
    public long Line => _lines.Line;

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>The file version, e.g. "2.1" ("1.0" when the file names none); final once a frame was read.</summary>
    public string Version => string.Create(CultureInfo.InvariantCulture, $"{_header.Major}.{_header.Minor}");

    /// <summary>
    /// Unix nanoseconds of the trace start, from <c>$STARTTIME</c> (for 1.0 files, which have none:
    /// PEAK's <c>Start time:</c> comment, else 0 and times are the bare offsets). Known once a
    /// frame was read.
    /// </summary>
    public long StartTimeNanos { get; private set; }

    /// <summary>Lines skipped because they carry no frame: ST, EC and EV lines, 1.x warnings.</summary>
    public long SkippedNonFrames { get; private set; }

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at end of file.</summary>
    public bool Read(CaptureFrame frame)
    {
        try
        {
            while (_lines.Next(out var raw))
            {
                var line = TrcFields.Trim(raw);
                if (line.IsEmpty)
                {
                    continue;
                }

                if (line[0] == (byte)';')
                {
                    if (!_started)
                    {
                        _header.Comment(line);
                    }
                    else if (line.Length > 1 && line[1] == (byte)'$')
                    {
                        throw new TrcSyntaxException($"header keyword '{TrcFields.Text(line)}' after the first message");
                    }

                    continue;
                }

                if (!_started)
                {
                    StartTimeNanos = _header.Finish();
                    _started = true;
                }

                bool isFrame = _header.Major == 2
                    ? TrcV2Lines.Parse(line, _fields, _header.Columns!, _header.Minor, _buses, frame)
                    : TrcV1Lines.Parse(line, _fields, _header.Minor, _buses, frame);
                if (isFrame)
                {
                    // Cannot overflow: $STARTTIME is at most 120000 days and offsets have at most 12 digits of ms.
                    frame.TimestampNanos += StartTimeNanos;
                    return true;
                }

                SkippedNonFrames++;
                _warnings.Skip("TRC status/event line");
            }

            return false;
        }
        catch (TrcSyntaxException e)
        {
            throw new CaptureFormatException(_source, _lines.Line, e.Message);
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
}
