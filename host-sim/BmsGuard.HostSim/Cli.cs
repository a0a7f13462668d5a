namespace BmsGuard.HostSim;

/// <summary>Command dispatch for the bmsguard CLI (placeholder until replay lands).</summary>
public static class Cli
{
    /// <summary>Runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("usage: bmsguard replay [capture]");
        return 2;
    }
}
