using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim.Bench;

/// <summary>What <c>bmsguard record</c> writes: which interfaces, to which file, how long, when to rotate.</summary>
public sealed record RecordOptions
{
    /// <summary>The interfaces; the first is written as can0, the second as can1, and so on.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The capture file; its extension picks the format.</summary>
    public required string Out { get; init; }

    /// <summary>How long to record; null until Ctrl-C.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Start a new file at this size (0: no size limit).</summary>
    public long RotateBytes { get; init; }

    /// <summary>Start a new file at this age (zero: no age limit).</summary>
    public TimeSpan RotateAge { get; init; }

    /// <summary>No status line.</summary>
    public bool Quiet { get; init; }

    /// <summary>The capture format (a <c>--format</c> value), or null: by extension (candump -l for standard output).</summary>
    public string? Format { get; init; }
}

/// <summary>
/// <c>bmsguard record</c>: writes what live interfaces receive, in arrival order, with the adapter's
/// or kernel's timestamps where they offer them. Interfaces are named can0, can1, ... in the file,
/// so a recording of the BMS and TCU buses replays with the default map.
/// </summary>
public static class RecordRun
{
    /// <summary>Records until the duration passes, <paramref name="stop"/> is cancelled or an interface fails.</summary>
    public static int Run(RecordOptions o, TextWriter stderr, CancellationToken stop)
    {
        var interfaces = o.From.Select(BenchRun.Make).ToArray();
        try
        {
            foreach (var iface in interfaces)
            {
                BenchRun.Open(iface);
            }

            RotatingCaptureWriter writer;
            try
            {
                writer = new RotatingCaptureWriter(o.Out, o.RotateBytes, o.RotateAge, o.Format);
            }
            catch (NotSupportedException e)
            {
                throw new InputException(e.Message);
            }

            string[] channels = Enumerable.Range(0, interfaces.Length).Select(i => "can" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            using var buses = new LiveBuses(interfaces, channels, hostTime: false, stop);
            if (o.Duration is { } d)
            {
                buses.DeadlineTicks = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            }

            long last = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (writer)
            {
                buses.EverySecond = () =>
                {
                    writer.RotateIfDue();
                    if (!o.Quiet)
                    {
                        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"record {clock.Elapsed.TotalSeconds,6:F1} s | {writer.Count - last} f/s | {writer.Count} frames in {writer.Files[^1]}"));
                    }

                    last = writer.Count;
                };
                buses.Start();
                var frame = new CaptureFrame();
                while (buses.Read(frame))
                {
                    writer.Write(frame);
                }
            }

            long overruns = Enumerable.Range(0, interfaces.Length).Sum(buses.Overruns);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"record: {writer.Count} frames in {string.Join(", ", writer.Files)} ({clock.Elapsed.TotalSeconds:F1} s, ended by {buses.EndReason}; host queue overruns {overruns})"));
            if (buses.Failure is { } failure)
            {
                stderr.WriteLine($"bmsguard: {failure.Message} (the recording holds everything until then)");
                return BenchRun.InterfaceFailed;
            }

            return 0;
        }
        finally
        {
            foreach (var iface in interfaces)
            {
                iface.Dispose();
            }
        }
    }
}
