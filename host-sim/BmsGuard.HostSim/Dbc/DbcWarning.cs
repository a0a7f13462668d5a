namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// An oddity in a DBC file that the reader accepted, with what it assumed; reads
/// "file:line: warning: reason". With strict reading every warning is a <see cref="DbcFormatException"/> instead.
/// </summary>
public sealed record DbcWarning(string Source, int Line, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}:{Line}: warning: {Reason}";
}
