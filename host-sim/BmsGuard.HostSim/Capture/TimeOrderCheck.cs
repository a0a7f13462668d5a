namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Warns once when a capture's time goes backwards (concatenated logs, a clock set back), naming
/// the line (text formats) or byte offset (BLF) of the first such frame and how far back it went.
/// Frames are kept in file order either way: a replay or conversion does not reorder them.
/// </summary>
public sealed class TimeOrderCheck
{
    private readonly string _source;
    private readonly ICaptureReader _reader;
    private readonly CaptureWarnings _warnings;
    private long _last = long.MinValue;
    private bool _warned;

    /// <summary>Checks the frames <paramref name="reader"/> returns, reporting to <paramref name="warnings"/>.</summary>
    public TimeOrderCheck(string source, ICaptureReader reader, CaptureWarnings warnings)
    {
        _source = source;
        _reader = reader;
        _warnings = warnings;
    }

    /// <summary>Frames whose time was before the previous frame's.</summary>
    public long Backwards { get; private set; }

    /// <summary>Checks one frame just read.</summary>
    public void Check(CaptureFrame frame)
    {
        if (frame.TimestampNanos < _last)
        {
            Backwards++;
            if (!_warned)
            {
                _warned = true;
                string message = $"time goes back {(_last - frame.TimestampNanos) / 1e9:0.######} s here (concatenated logs?); frames are kept in file order (warned once)";
                if (_reader is Blf.BlfReader)
                {
                    _warnings.AtByteOffset(_source, _reader.Line, "time goes backwards", message);
                }
                else
                {
                    _warnings.AtLine(_source, _reader.Line, "time goes backwards", message);
                }
            }
        }

        _last = frame.TimestampNanos;
    }
}
