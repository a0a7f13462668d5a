namespace BmsGuard.HostSim.Dbc;

/// <summary>A DBC file is malformed at a known line; the message reads "file:line: reason".</summary>
public sealed class DbcFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="source"/> at a 1-based line.</summary>
    public DbcFormatException(string source, int line, string reason)
        : base($"{source}:{line}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>File name as given by the user.</summary>
    public new string Source { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
