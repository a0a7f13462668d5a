using System.Diagnostics;
using System.Globalization;
using BmsGuard.HostSim.Bench;
using BmsGuard.Tests.Bench;

namespace BmsGuard.Benchmarks;

/// <summary>
/// <c>bmsguard bench</c> live between two emulated Lawicel adapters over socat pty pairs (the test
/// suite's emulator), both buses loaded to what 500 kbit/s carries: 4,400 8-byte standard frames/s
/// each way (111-bit frames with worst-case stuffing about 4,400/s; two buses about 9,000/s). The BMS
/// side sends an allowed id (forwarded), the TCU side an id the guard denies. Prints frames/s,
/// losses, the bench's own arrival-to-send latency and the end-to-end latency (bus to bus, through
/// both ptys and adapters).
/// </summary>
public static class LiveBenchmark
{
    /// <summary>Frames per second each way: a fully loaded 500 kbit/s bus of 8-byte standard frames.</summary>
    public const int PerBus = 4_400;

    /// <summary>Runs for <paramref name="seconds"/> and prints the table to <paramref name="o"/>.</summary>
    public static void Run(TextWriter o, int seconds)
    {
        using var bmsPty = new PtyPair();
        using var tcuPty = new PtyPair();
        var bmsBus = new EmulatedCanBus();
        var tcuBus = new EmulatedCanBus();
        using var bmsAdapter = new LawicelAdapter(bmsPty.AdapterEnd, bmsBus);
        using var tcuAdapter = new LawicelAdapter(tcuPty.AdapterEnd, tcuBus);
        var sentTicks = new long[PerBus * (seconds + 2)];
        var endToEnd = new LatencyHistogram();
        long arrived = 0;
        tcuBus.Observer = f =>
        {
            long now = Stopwatch.GetTimestamp();
            int seq = BitConverter.ToInt32(f.Data, 0);
            if (f.Id == 0x1F1 && seq >= 0 && seq < sentTicks.Length)
            {
                lock (endToEnd)
                {
                    endToEnd.Add(HostClock.TicksToNanos(now - Volatile.Read(ref sentTicks[seq])));
                    arrived++;
                }
            }
        };

        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmsguard-live-");
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var bench = new Thread(() => BenchRun.Run(
            new BenchOptions { Bms = "slcan:" + bmsPty.HostEnd, Tcu = "slcan:" + tcuPty.HostEnd, OutDir = dir.FullName, Quiet = true },
            TextWriter.Null, stderr, stop.Token));
        bench.Start();
        bmsAdapter.WaitOpen();
        tcuAdapter.WaitOpen();

        // Both buses at PerBus frames/s, paced per millisecond.
        var clock = Stopwatch.StartNew();
        int sent = 0;
        long total = (long)PerBus * seconds;
        var payload = new byte[8];
        while (sent < total)
        {
            long due = clock.ElapsedTicks * PerBus / Stopwatch.Frequency;
            for (; sent < Math.Min(due, total); sent++)
            {
                BitConverter.TryWriteBytes(payload, sent);
                Volatile.Write(ref sentTicks[sent], Stopwatch.GetTimestamp());
                bmsBus.Inject(new BusFrame(0x1F1, false, false, (byte[])payload.Clone(), 8));
                tcuBus.Inject(new BusFrame(0x6F0, false, false, (byte[])payload.Clone(), 8));
            }

            Thread.Sleep(1);
        }

        double offeredSeconds = clock.Elapsed.TotalSeconds;
        Thread.Sleep(1000); // what is still in flight
        stop.Cancel();
        bench.Join();
        string summary = File.ReadAllText(Path.Combine(dir.FullName, "summary.txt"));
        dir.Delete(recursive: true);

        var inv = CultureInfo.InvariantCulture;
        o.WriteLine("Live bench: bmsguard bench between two emulated SLCAN adapters on socat pty pairs");
        o.WriteLine(string.Create(inv, $"  offered      {2 * total / offeredSeconds,8:N0} frames/s ({total:N0} each way in {offeredSeconds:F1} s; physical limit of two 500 kbit/s buses ~ 8,800-9,000)"));
        o.WriteLine(string.Create(inv, $"  forwarded    {arrived:N0} of {total:N0} BMS -> TCU frames reached the TCU bus ({total - arrived:N0} missing)"));
        o.WriteLine(string.Create(inv, $"  end to end   p50 {endToEnd.Percentile(0.5) / 1000.0:F0} us, p99 {endToEnd.Percentile(0.99) / 1000.0:F0} us (bus -> adapter -> pty -> bench -> pty -> adapter -> bus)"));
        foreach (string line in summary.Split('\n'))
        {
            if (line.StartsWith("BMS -> TCU", StringComparison.Ordinal) || line.StartsWith("TCU -> BMS", StringComparison.Ordinal)
                || line.StartsWith("direction", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith("bench:", StringComparison.Ordinal))
            {
                o.WriteLine("  | " + line.TrimEnd());
            }
        }

        o.WriteLine(string.Create(inv, $"  load average at end {MachineInfo.LoadAverage()}"));
    }
}
