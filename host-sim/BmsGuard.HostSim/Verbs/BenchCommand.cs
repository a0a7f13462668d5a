using BmsGuard.HostSim.Bench;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard bench --bms IFACE --tcu IFACE ...</c>: argument parsing only; the run is <see cref="BenchRun"/>.</summary>
public static class BenchCommand
{
    /// <summary>Runs the command; Ctrl-C or SIGTERM stops it cleanly.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        using var signal = new StopSignal();
        return BenchRun.Run(Parse(cl), stdout, stderr, signal.Token);
    }

    /// <summary>Reads the options of a bench command line.</summary>
    public static BenchOptions Parse(CommandLine cl)
    {
        string? bms = cl.Option("--bms");
        string? tcu = cl.Option("--tcu");
        string? mqtt = cl.Option("--mqtt");
        string? duration = cl.Option("--duration");
        var options = new BenchOptions
        {
            Bms = bms ?? throw new UsageException("bench needs --bms IFACE (" + CanInterfaces.Describe() + ")"),
            Tcu = tcu ?? throw new UsageException("bench needs --tcu IFACE (" + CanInterfaces.Describe() + ")"),
            Rules = cl.Option("--rules"),
            GuardDir = cl.Option("--guard"),
            Policy = cl.Option("--policy"),
            Broker = mqtt == null ? null : ReplayCommand.ParseBroker(mqtt),
            OutDir = cl.Option("--out") ?? "bmsguard-bench",
            Duration = duration == null ? null : TimeSpan.FromTicks(Durations.ParseNanos(duration, "--duration") / 100),
            Decisions = !cl.Flag("--no-decisions"),
            Quiet = cl.Flag("--quiet"),
            ExactDlc = ReplayCommand.KeepsDlc(cl),
            Report = cl.Option("--report"),
        };
        cl.RejectUnknown(0);
        if (bms == tcu)
        {
            throw new UsageException("--bms and --tcu must be different interfaces");
        }

        return options;
    }
}
