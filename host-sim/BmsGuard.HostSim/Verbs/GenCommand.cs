using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard gen [--dbc FILE] --out CAPTURE [--duration 10m] [--seed N] [--scenario drive|charge|both] [--cycle MS|MESSAGE=MS ...] [--strict]</c>:
/// synthesizes traffic for a DBC (default: the reference BMS) into any capture format, by extension.
/// --cycle gives messages without GenMsgCycleTime a default cycle and overrides single messages (<see cref="CycleTimes"/>).
/// </summary>
public static class GenCommand
{
    private const long MaxDurationMillis = 7L * 24 * 3600 * 1000;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? dbcPath = cl.Option("--dbc");
        string? output = cl.Option("--out");
        string durationText = cl.Option("--duration") ?? "10m";
        string? seedText = cl.Option("--seed");
        string scenarioText = cl.Option("--scenario") ?? "both";
        string? cycleText = cl.Option("--cycle");
        bool strict = cl.Flag("--strict");
        string? format = cl.Option("--format");
        cl.RejectUnknown(0);
        if (output == null)
        {
            throw new UsageException("gen needs --out FILE (the extension picks the capture format; - for standard output)");
        }

        long durationMillis = ParseDuration(durationText);
        ulong seed = 1;
        if (seedText != null && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"--seed must be a non-negative integer, not '{seedText}'");
        }

        var scenario = scenarioText switch
        {
            "drive" => TrafficScenario.Drive,
            "charge" => TrafficScenario.Charge,
            "both" => TrafficScenario.Both,
            _ => throw new UsageException($"--scenario must be drive, charge or both, not '{scenarioText}'"),
        };

        var dbc = DbcInput.Load(dbcPath ?? ReferenceBms.DbcPath, stderr, strict);
        CycleTimes cycles;
        try
        {
            cycles = cycleText == null ? CycleTimes.FromDbc : CycleTimes.Parse(cycleText, dbc);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--cycle: {e.Message}");
        }

        TrafficGenerator generator;
        try
        {
            generator = new TrafficGenerator(dbc, scenario, durationMillis, seed, cycles);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message.Split(" (Parameter", 2)[0]);
        }

        long count;
        using (var capture = CaptureOutput.Create(output, format))
        {
            try
            {
                count = Write(generator, capture.Writer, durationMillis, durationText, stderr);
                capture.Commit();
            }
            catch (CaptureFormatException e)
            {
                throw new InputException(e.Message + capture.Unfinished());
            }

            output = capture.Name;
        }

        stderr.WriteLine($"bmsguard: wrote {count} frames ({durationText}, scenario {scenarioText}, seed {seed}) to {output}");
        return 0;
    }

    // Every frame of the generator to the writer, with a progress line by simulated time.
    private static long Write(TrafficGenerator generator, ICaptureWriter writer, long durationMillis, string durationText, TextWriter stderr)
    {
        using var progress = ProgressLine.Start("gen", stderr, 0);
        long count = 0;
        long first = long.MinValue;
        foreach (var f in generator.Frames())
        {
            writer.Write(f);
            if (first == long.MinValue)
            {
                first = f.TimestampNanos;
            }

            if ((++count & 1023) == 0)
            {
                progress.Report(count, (f.TimestampNanos - first) / 1e6 / durationMillis, durationText);
            }
        }

        return count;
    }

    /// <summary>Parses "90", "90s", "500ms", "10m", "1.5h" into milliseconds (a bare number is seconds).</summary>
    public static long ParseDuration(string text)
    {
        long millis;
        try
        {
            millis = Durations.ParseNanos(text.Trim(), "--duration") / 1_000_000;
        }
        catch (UsageException)
        {
            millis = -1;
        }

        if (millis < 1 || millis > MaxDurationMillis)
        {
            throw new UsageException($"--duration must be a time from 1ms to 7 days such as 90s, 10m or 2h, not '{text}'");
        }

        return millis;
    }
}
