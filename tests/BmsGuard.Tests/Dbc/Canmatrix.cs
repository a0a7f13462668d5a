using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>canmatrix (Debian's python3-canmatrix) for the DBC cross-checks.</summary>
public static class Canmatrix
{
    private static readonly PythonModule Module = new("canmatrix.formats", "python3-canmatrix");

    public static string? Python => Module.Python;

    public static bool Required => PythonModule.Required;

    /// <summary>Runs a script with canmatrix importable; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args) => Module.Run(script, args);

    internal static string? SkipReason => Module.SkipReason;
}

/// <summary>A fact that needs canmatrix: skipped with a hint when absent, unless CI requires it.</summary>
public sealed class CanmatrixFactAttribute : FactAttribute
{
    public CanmatrixFactAttribute() => Skip = Canmatrix.SkipReason;
}
