namespace BmsGuard.HostSim.Capture;

/// <summary>A capture file is malformed at a known place; the message is meant for the user.</summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="source"/> at a 1-based line.</summary>
    public CaptureFormatException(string source, long line, string reason)
        : this(source, line, reason, $"{source}:{line}: {reason}")
    {
    }

    private CaptureFormatException(string source, long line, string reason, string message)
        : base(message)
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>File name (as given by the user).</summary>
    public new string Source { get; }

    /// <summary>1-based line number (text formats) or byte offset (binary formats, see <see cref="AtByteOffset"/>).</summary>
    public long Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>Creates the error for a binary <paramref name="source"/>: the reason reads "at byte offset N: ...".</summary>
    public static CaptureFormatException AtByteOffset(string source, long offset, string reason)
    {
        string where = $"at byte offset {offset}: {reason}";
        return new CaptureFormatException(source, offset, where, $"{source}: {where}");
    }
}
