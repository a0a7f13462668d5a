using BmsGuard.HostSim.Bench;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>bmsguard bench on in-process buses: logs flushed while it runs, a failing interface ends it with its logs kept, a duration ends it.</summary>
public sealed class BenchVirtualTests
{
    [Fact]
    public void LogsAreOnDiskWhileRunningAndAFailedInterfaceKeepsThem()
    {
        using var dir = new TempDir();
        string id = Guid.NewGuid().ToString("N")[..8];
        using var bms = new VirtualInterface("virtual:bms-node", "bms" + id);
        using var tcu = new VirtualInterface("virtual:tcu-node", "tcu" + id);
        bms.Open();
        tcu.Open();
        var err = new StringWriter();
        var stderr = TextWriter.Synchronized(err); // the status line is written while the test reads it
        var stdout = new StringWriter();
        int exit = -1;
        string outDir = dir.File("out");
        string Err()
        {
            lock (stderr)
            {
                return err.ToString();
            }
        }

        var bench = new Thread(() => exit = BenchRun.Run(
            new BenchOptions { Bms = "virtual:bms" + id, Tcu = "virtual:tcu" + id, OutDir = outDir },
            stdout, stderr, CancellationToken.None));
        bench.Start();
        Assert.True(BenchTraffic.WaitFor(() => VirtualInterface.Joined("bms" + id) == 2 && VirtualInterface.Joined("tcu" + id) == 2, 10000), "the bench joins the buses");
        var pack = SlcanInterfaceTests.Frame(0x1F1, false, false, 1, 2, 3, 4, 5, 6, 7, 8);
        var unknown = SlcanInterfaceTests.Frame(0x555, false, false, 9);
        bms.Send(pack);
        bms.Send(unknown);
        var got = new CaptureFrame();
        Assert.True(tcu.Receive(got, 5000));
        Assert.Equal((0x1F1u, "0102030405060708"), (got.Id, Convert.ToHexString(got.Data, 0, got.Length)));

        // Within about a second the logs hold it, while the bench still runs (read as tail -f would:
        // the running bench holds the replay's exclusive lock on its logs).
        string toTcu = Path.Combine(outDir, "to-tcu.log");
        // The forward and the drop may straddle a flush, so wait for both files.
        string dropped = Path.Combine(outDir, "dropped-bms-to-tcu.log");
        Assert.True(BenchTraffic.WaitFor(() => HasContent(toTcu) && HasContent(dropped), 5000), "both logs are flushed while the bench runs");
        Assert.Single(Captures.Parse(Cat(toTcu)));
        Assert.Single(Captures.Parse(Cat(dropped)));
        Assert.True(bench.IsAlive);
        BenchTraffic.WaitFor(() => Err().Contains("drops not-allowed=1"), 3000);
        Assert.Matches(@"bench +\d+\.\d s \| bms->tcu +\d+ f/s, 1 fwd \| tcu->bms +\d+ f/s, 0 fwd \| drops not-allowed=1 \| latency p50 \d+ us p99 \d+ us", Err());

        VirtualInterface.Fail("tcu" + id, "the adapter went away (unplugged?)");
        bench.Join();
        Assert.Equal(BenchRun.InterfaceFailed, exit);
        Assert.EndsWith($"bmsguard: virtual:tcu{id}: the adapter went away (unplugged?) (the logs in {outDir}/ hold everything until then){Environment.NewLine}", Err());
        Assert.Single(Captures.Read(toTcu));
        Assert.Contains("ended by failed", File.ReadAllText(Path.Combine(outDir, "summary.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "rules.txt")));
    }

    [Fact]
    public void ADurationEndsTheRunWithASummary()
    {
        using var dir = new TempDir();
        string id = Guid.NewGuid().ToString("N")[..8];
        var run = CliRun.Of("bench", "--bms", "virtual:a" + id, "--tcu", "virtual:b" + id, "--duration", "1.5s", "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ended by duration", run.Stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "summary.txt")));
    }

    [Theory]
    [InlineData("bench --bms virtual:a", "bench needs --tcu IFACE")]
    [InlineData("bench --bms virtual:a --tcu virtual:a", "--bms and --tcu must be different interfaces")]
    [InlineData("bench --bms can0 --tcu virtual:b", "'can0' is not an interface name")]
    [InlineData("bench --bms slcan:/dev/x@400 --tcu virtual:b", "slcan:/dev/x@400: the bit rate after '@' must be one of")]
    [InlineData("play x.log", "play needs --to IFACE")]
    [InlineData("play x.log --to virtual:a --speed 0", "--speed must be a positive number")]
    [InlineData("record --out x.log", "record needs --from IFACE")]
    [InlineData("record --from virtual:a --out x.log --rotate 10XB", "--rotate must be a duration")]
    public void BadCommandLinesAreOneLine(string args, string message)
    {
        var run = CliRun.Of(args.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void AMissingAdapterIsOneLineAndExitOne()
    {
        var run = CliRun.Of("bench", "--bms", "slcan:/dev/ttyNOPE7", "--tcu", "virtual:x");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("bmsguard: slcan:/dev/ttyNOPE7: no such serial port (is the adapter plugged in?)", run.Stderr.Trim());
    }

    [Fact]
    public void RotationNumbersThePartsBeforeTheExtension()
    {
        Assert.Equal("/r/rec.0001.log", RotatingCaptureWriter.PartName("/r/rec.log", 1));
        Assert.Equal("rec.0012.asc.gz", RotatingCaptureWriter.PartName("rec.asc.gz", 12));
    }

    [Fact]
    public void RecordRotatesBySize()
    {
        using var dir = new TempDir();
        string id = Guid.NewGuid().ToString("N")[..8];
        using var node = new VirtualInterface("virtual:node", "r" + id);
        node.Open();
        using var stop = new CancellationTokenSource();
        var err = new StringWriter();
        int exit = -1;
        string output = Path.Combine(dir.Path, "rec.log");
        // Any size on disk is full: a part ends at the first check after its writer's buffer spilled.
        var record = new Thread(() => exit = RecordRun.Run(new RecordOptions { From = ["virtual:r" + id], Out = output, RotateBytes = 1, Quiet = true }, err, stop.Token));
        record.Start();
        Assert.True(BenchTraffic.WaitFor(() => VirtualInterface.Joined("r" + id) == 2, 10000), "the recorder joins the bus");
        var frame = SlcanInterfaceTests.Frame(0x123, false, false, 1, 2, 3, 4, 5, 6, 7, 8);
        for (int i = 0; i < 6000; i++)
        {
            node.Send(frame);
            if (i % 2000 == 1999)
            {
                Thread.Sleep(1100); // a rotation check between batches
            }
        }

        Thread.Sleep(300);
        stop.Cancel();
        record.Join();
        Assert.Equal(0, exit);
        var parts = Directory.GetFiles(dir.Path, "rec.*.log").Order().ToList();
        Assert.True(parts.Count >= 2, string.Join(", ", parts));
        Assert.Equal(6000, parts.Sum(p => Captures.Read(p).Count));
        Assert.False(File.Exists(output));
    }

    private static bool HasContent(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    private static string Cat(string path)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cat", path) { RedirectStandardOutput = true })!;
        string text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
