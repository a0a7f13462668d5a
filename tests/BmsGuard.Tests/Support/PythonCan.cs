using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>python-can (Debian's python3-can) for the capture cross-checks.</summary>
public static class PythonCan
{
    private static readonly PythonModule Module = new("can", "python3-can");

    public static string? Python => Module.Python;

    public static bool Required => PythonModule.Required;

    public static string? SkipReason => Module.SkipReason;

    /// <summary>Runs a script with python-can; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args) => Module.Run(script, args);
}

/// <summary>A fact that needs python-can: skipped with a hint when absent, unless CI requires it.</summary>
public sealed class PythonCanFactAttribute : FactAttribute
{
    public PythonCanFactAttribute() => Skip = PythonCan.SkipReason;
}
