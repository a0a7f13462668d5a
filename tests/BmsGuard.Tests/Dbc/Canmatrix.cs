using System.Diagnostics;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// Runs canmatrix (Debian's python3-canmatrix, in the system interpreter) for DBC cross-checks.
/// CI installs it and sets BMSGUARD_REQUIRE_PYTHON_CAN=1, so there a missing canmatrix fails;
/// elsewhere the tests are skipped with the install hint, never silently passed.
/// </summary>
public static class Canmatrix
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    public static string? Python => Interpreter.Value;

    public static bool Required => Environment.GetEnvironmentVariable("BMSGUARD_REQUIRE_PYTHON_CAN") == "1";

    /// <summary>Runs a script with canmatrix importable; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        string python = Python ?? throw new InvalidOperationException("python3 with canmatrix not found (apt-get install python3-canmatrix)");
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"canmatrix script failed: {stderr}");
        return stdout.Result;
    }

    private static string? Find()
    {
        // Debian's python3-canmatrix lives in the system interpreter, which a pyenv shim may hide.
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate, "-c \"import canmatrix.formats\"") { RedirectStandardError = true, RedirectStandardOutput = true };
                using var p = Process.Start(psi);
                if (p != null && p.WaitForExit(20_000) && p.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed at this path; try the next.
            }
        }

        return null;
    }
}

/// <summary>A fact that needs canmatrix: skipped with a hint when absent, unless CI requires it.</summary>
public sealed class CanmatrixFactAttribute : FactAttribute
{
    public CanmatrixFactAttribute()
    {
        if (Canmatrix.Python == null && !Canmatrix.Required)
        {
            Skip = "python3-canmatrix not installed (apt-get install python3-canmatrix); CI requires it";
        }
    }
}
