using System.Globalization;
using BmsGuard.HostSim.Bench;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard play CAPTURE --to IFACE [--map CH,...] [--speed 1.0|max] [--loop N]</c>: argument parsing only; see <see cref="PlayRun"/>.</summary>
public static class PlayCommand
{
    /// <summary>Runs the command; Ctrl-C or SIGTERM stops it cleanly.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        using var signal = new StopSignal();
        return PlayRun.Run(Parse(cl), stderr, signal.Token);
    }

    /// <summary>Reads the options of a play command line.</summary>
    public static PlayOptions Parse(CommandLine cl)
    {
        string? to = cl.Option("--to");
        string? map = cl.Option("--map");
        string speed = cl.Option("--speed") ?? "1";
        int loops = cl.IntOption("--loop", 1, 0, int.MaxValue);
        string? format = cl.Option("--input-format");
        cl.RejectUnknown(1);
        if (cl.Positional.Count != 1)
        {
            throw new UsageException("play needs a capture file (- for standard input)");
        }

        if (cl.Positional[0] == "-" && loops != 1)
        {
            throw new UsageException("--loop needs a capture file: standard input can be read only once");
        }

        double factor = 0;
        if (speed != "max" && (!double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out factor) || !(factor > 0) || double.IsInfinity(factor)))
        {
            throw new UsageException($"--speed must be a positive number (1.0 = original timing) or max, not '{speed}'");
        }

        return new PlayOptions
        {
            Capture = cl.Positional[0],
            To = to ?? throw new UsageException("play needs --to IFACE (" + CanInterfaces.Describe() + ")"),
            Channels = map?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
            Speed = factor,
            Loops = loops,
            Format = format,
        };
    }
}
