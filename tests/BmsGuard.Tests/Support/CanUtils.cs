using System.Diagnostics;
using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>can-utils (Debian's can-utils) for the candump cross-checks: skipped with a hint when absent, required where CI requires python-can.</summary>
public static class CanUtils
{
    private const string Log2Asc = "/usr/bin/log2asc";

    public static string? SkipReason => File.Exists(Log2Asc) || PythonModule.Required ? null : "can-utils not installed (apt-get install can-utils); CI requires it";

    /// <summary>Runs log2asc on a candump log for the given interfaces; returns its ASC text.</summary>
    public static string ToAsc(string log, params string[] interfaces)
    {
        var psi = new ProcessStartInfo(Log2Asc) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-I");
        psi.ArgumentList.Add(log);
        foreach (var i in interfaces)
        {
            psi.ArgumentList.Add(i);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "log2asc failed: " + stderr);
        return stdout.Result;
    }
}

/// <summary>A fact that needs can-utils.</summary>
public sealed class CanUtilsFactAttribute : FactAttribute
{
    public CanUtilsFactAttribute() => Skip = CanUtils.SkipReason;
}
