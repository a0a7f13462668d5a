namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// What the comment lines before the first message say: <c>$FILEVERSION</c> (none means 1.0),
/// <c>$STARTTIME</c>, <c>$COLUMNS</c> (2.x), and for 1.0 files PEAK's <c>Start time:</c> comment.
/// </summary>
internal sealed class TrcHeader
{
    private bool _versionSeen;
    private long? _startTime;
    private long? _commentStartTime;

    /// <summary>Major file version (1 or 2).</summary>
    public int Major { get; private set; } = 1;

    /// <summary>Minor file version (0..3 for 1.x, 0..1 for 2.x).</summary>
    public int Minor { get; private set; }

    /// <summary>The 2.x column layout.</summary>
    public TrcColumns? Columns { get; private set; }

    /// <summary>Takes one comment line (starting with ';') of the header.</summary>
    public void Comment(ReadOnlySpan<byte> line)
    {
        var text = line[1..].TrimStart((byte)' ');
        if (line.Length > 1 && line[1] == (byte)'$')
        {
            Keyword(line[2..]);
        }
        else if (_commentStartTime == null && text.StartsWith("Start time:"u8)
            && TrcTime.TryParseStartComment(text["Start time:".Length..].Trim((byte)' '), out long nanos))
        {
            _commentStartTime = nanos;
        }
    }

    /// <summary>
    /// Checks the header is complete for its version when the first message arrives and returns
    /// the start time in Unix nanoseconds. A 1.0 file has no <c>$STARTTIME</c>: its start is PEAK's
    /// <c>Start time:</c> comment, or else the Unix epoch (times are then bare offsets).
    /// </summary>
    public long Finish()
    {
        if (Major == 2 && Columns == null)
        {
            throw new TrcSyntaxException($"TRC {Major}.{Minor} needs a $COLUMNS line before the first message");
        }

        if (Major == 1 && Columns != null)
        {
            throw new TrcSyntaxException($"$COLUMNS is a TRC 2.x keyword but the file is version {Major}.{Minor}");
        }

        if (_startTime is long start)
        {
            return start;
        }

        if (Major > 1 || Minor > 0)
        {
            throw new TrcSyntaxException($"no $STARTTIME before the first message (TRC {Major}.{Minor} requires it)");
        }

        return _commentStartTime ?? 0;
    }

    private void Keyword(ReadOnlySpan<byte> keyword)
    {
        int eq = keyword.IndexOf((byte)'=');
        var name = (eq < 0 ? keyword : keyword[..eq]).TrimEnd((byte)' ');
        var value = eq < 0 ? default : keyword[(eq + 1)..].Trim((byte)' ');
        if (name.SequenceEqual("FILEVERSION"u8))
        {
            Once(_versionSeen, "$FILEVERSION", eq);
            _versionSeen = true;
            Version(value);
        }
        else if (name.SequenceEqual("STARTTIME"u8))
        {
            Once(_startTime != null, "$STARTTIME", eq);
            _startTime = TrcTime.ParseStartTime(value);
        }
        else if (name.SequenceEqual("COLUMNS"u8))
        {
            Once(Columns != null, "$COLUMNS", eq);
            Columns = TrcColumns.Parse(value);
        }

        // Other $ keywords are comments to a reader that does not know them, as PEAK's own tools treat them.
    }

    private static void Once(bool seen, string name, int eq)
    {
        if (seen)
        {
            throw new TrcSyntaxException($"second {name} line");
        }

        if (eq < 0)
        {
            throw new TrcSyntaxException($"{name} without '=' and a value");
        }
    }

    private void Version(ReadOnlySpan<byte> value)
    {
        if (value.Length == 3 && value[1] == (byte)'.')
        {
            int major = value[0] - '0';
            int minor = value[2] - '0';
            if ((major == 1 && minor is >= 0 and <= 3) || (major == 2 && minor is 0 or 1))
            {
                Major = major;
                Minor = minor;
                return;
            }
        }

        throw new TrcSyntaxException($"unsupported $FILEVERSION '{TrcFields.Text(value)}' (known: 1.0, 1.1, 1.2, 1.3, 2.0, 2.1)");
    }
}
