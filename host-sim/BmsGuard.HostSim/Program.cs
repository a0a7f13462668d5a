namespace BmsGuard.HostSim;

/// <summary>Entry point of the bmsguard CLI.</summary>
public static class Program
{
    /// <summary>Runs a command; returns the process exit code.</summary>
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}
