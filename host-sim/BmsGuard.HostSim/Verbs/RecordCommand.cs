using System.Globalization;
using BmsGuard.HostSim.Bench;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard record --from IFACE [--from IFACE] --out FILE [--duration D] [--rotate 100MB|1h]</c>: argument parsing only; see <see cref="RecordRun"/>.</summary>
public static class RecordCommand
{
    /// <summary>Runs the command; Ctrl-C or SIGTERM stops it with the file closed.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        using var signal = new StopSignal();
        return RecordRun.Run(Parse(cl), stderr, signal.Token);
    }

    /// <summary>Reads the options of a record command line.</summary>
    public static RecordOptions Parse(CommandLine cl)
    {
        string? from = cl.Option("--from");
        string? output = cl.Option("--out");
        string? duration = cl.Option("--duration");
        string? rotate = cl.Option("--rotate");
        bool quiet = cl.Flag("--quiet");
        string? format = cl.Option("--format");
        cl.RejectUnknown(0);
        if (output == "-" && rotate != null)
        {
            throw new UsageException("--rotate needs --out FILE: standard output cannot be split into files");
        }

        var (bytes, age) = rotate == null ? (0L, TimeSpan.Zero) : ParseRotate(rotate);
        return new RecordOptions
        {
            From = from?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? throw new UsageException("record needs --from IFACE (" + CanInterfaces.Describe() + ")"),
            Out = output ?? throw new UsageException("record needs --out FILE"),
            Duration = duration == null ? null : TimeSpan.FromTicks(Durations.ParseNanos(duration, "--duration") / 100),
            RotateBytes = bytes,
            RotateAge = age,
            Quiet = quiet,
            Format = format,
        };
    }

    // A size (500KB, 100MB, 2GB) or an age (30m, 1h).
    private static (long Bytes, TimeSpan Age) ParseRotate(string text)
    {
        foreach (var (suffix, scale) in new[] { ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30) })
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(text[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 && n < (1L << 40)
                    ? (n * scale, TimeSpan.Zero)
                    : throw new UsageException($"--rotate must be a size like 100MB or an age like 1h, not '{text}'");
            }
        }

        long nanos = Durations.ParseNanos(text, "--rotate");
        return nanos > 0 ? (0, TimeSpan.FromTicks(nanos / 100)) : throw new UsageException("--rotate must be longer than 0");
    }
}
