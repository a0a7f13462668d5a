using System.Diagnostics;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Tests.Bench;

/// <summary>Test traffic for the bench: the BMS side of a short generated drive, rules whose rate limits have wide margins, and feeding with original timing.</summary>
public static class BenchTraffic
{
    /// <summary>
    /// The reference rules without rate limits: what the guard forwards then depends on the frames
    /// alone, not on when they arrive, so a live run on a loaded machine must match a replay exactly.
    /// (Rate-limited decisions follow the wall clock on the bench; a replay follows the capture's.)
    /// </summary>
    public const string Untimed = """
        rule pack_status id=0x1F0 mask=0x7FF
        rule cell_extremes id=0x1F1 mask=0x7FF
        rule temperatures id=0x1F2 mask=0x7FF
        rule contactors id=0x1F3 mask=0x7FF
        rule limits id=0x1F4 mask=0x7FF
        rule serial_blank id=0x3F0 mask=0x7FF and=FF00000000000000
        rule charger_j1939 id=0x18FF50E5 mask=0x1FFFFFFF ext
        """;

    /// <summary>Writes the BMS side (can0) of a generated <paramref name="seconds"/>-second drive to <paramref name="path"/>.</summary>
    public static List<CaptureFrame> BmsCapture(TempDir dir, string path, int seconds)
    {
        string all = dir.File("all.log");
        var run = CliRun.Of("sample", "--seconds", seconds.ToString(), "--out", all);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.Stderr);
        }

        var frames = Captures.Read(all).Where(f => f.Channel == "can0").ToList();
        using (var w = new CandumpLogWriter(File.Create(path)))
        {
            foreach (var f in frames)
            {
                w.Write(f);
            }
        }

        return frames;
    }

    /// <summary>Puts <paramref name="frames"/> on <paramref name="bus"/> with their original spacing.</summary>
    public static void Feed(EmulatedCanBus bus, IReadOnlyList<CaptureFrame> frames)
    {
        var clock = Stopwatch.StartNew();
        long first = frames[0].TimestampNanos;
        foreach (var f in frames)
        {
            long due = (f.TimestampNanos - first) / 1_000_000;
            while (clock.ElapsedMilliseconds < due)
            {
                Thread.Sleep(1);
            }

            bus.Inject(AsBus(f));
        }
    }

    public static BusFrame AsBus(CaptureFrame f) =>
        new(f.Id, f.Extended, f.Remote, f.Remote ? [] : f.Data.AsSpan(0, f.Length).ToArray(), f.Length);

    /// <summary>Waits until <paramref name="done"/> holds, at most <paramref name="timeoutMs"/>; whether it held.</summary>
    public static bool WaitFor(Func<bool> done, int timeoutMs)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.ElapsedMilliseconds >= timeoutMs)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
