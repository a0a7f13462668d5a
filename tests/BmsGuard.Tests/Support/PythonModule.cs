using System.Diagnostics;
using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>
/// A Python package the cross-checks run against (Debian's python3-can, python3-canmatrix). CI
/// installs them and sets BMSGUARD_REQUIRE_PYTHON_CAN=1, so there a missing package fails; elsewhere
/// the tests are skipped with the install hint, never silently passed.
/// </summary>
public sealed class PythonModule
{
    private readonly string _import;
    private readonly Lazy<string?> _interpreter;

    public PythonModule(string import, string debianPackage)
    {
        _import = import;
        DebianPackage = debianPackage;
        _interpreter = new(Find);
    }

    public static bool Required => Environment.GetEnvironmentVariable("BMSGUARD_REQUIRE_PYTHON_CAN") == "1";

    public string DebianPackage { get; }

    /// <summary>An interpreter that imports the package, or null.</summary>
    public string? Python => _interpreter.Value;

    /// <summary>Why a test needing this package is skipped, or null when it runs.</summary>
    public string? SkipReason => Python == null && !Required
        ? $"{DebianPackage} not installed (apt-get install {DebianPackage}); CI requires it"
        : null;

    /// <summary>Runs a script with the package importable; returns stdout, fails the test on a non-zero exit.</summary>
    public string Run(string script, params string[] args)
    {
        string python = Python ?? throw new InvalidOperationException($"python3 with {_import} not found (apt-get install {DebianPackage})");
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
        Assert.True(p.ExitCode == 0, $"{_import} script failed: {stderr}");
        return stdout.Result;
    }

    private string? Find()
    {
        // Debian's python3-* packages live in the system interpreter, which a pyenv shim may hide.
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate) { RedirectStandardError = true, RedirectStandardOutput = true };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add("import " + _import);
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
