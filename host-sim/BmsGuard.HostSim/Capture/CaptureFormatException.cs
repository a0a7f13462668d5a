namespace BmsGuard.HostSim.Capture;

/// <summary>A capture file is malformed at a known place; the message is meant for the user.</summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="source"/> at a 1-based line.</summary>
    public CaptureFormatException(string source, long line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>File name (as given by the user).</summary>
    public new string Source { get; }

    /// <summary>1-based line number.</summary>
    public long Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
