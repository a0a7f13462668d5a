using BmsGuard.HostSim;

namespace BmsGuard.Tests.Support;

/// <summary>Runs the bmsguard CLI in-process and captures its output.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = BmsGuard.HostSim.Cli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
