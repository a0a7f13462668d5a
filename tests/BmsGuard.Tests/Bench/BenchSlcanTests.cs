using BmsGuard.HostSim.Bench;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>
/// bmsguard bench, play and record on emulated Lawicel adapters over real pty pairs: what the BMS side
/// sends reaches the TCU side exactly as 'bmsguard replay' of the same capture forwards it, and a
/// played capture is recorded frame for frame.
/// </summary>
public sealed class BenchSlcanTests
{
    [PtyFact]
    public void FramesFedOnTheBmsSideArriveOnTheTcuSideAsTheReplayForwardsThem()
    {
        using var dir = new TempDir();
        string capture = dir.File("bms.log");
        string rules = dir.File("rules.txt", BenchTraffic.Untimed);
        var frames = BenchTraffic.BmsCapture(dir, capture, 2);
        var replay = CliRun.Of("replay", capture, "--rules", rules, "--out", dir.File("replay"));
        Assert.Equal(0, replay.ExitCode);
        var expected = Captures.Read(Path.Combine(dir.Path, "replay", "to-tcu.log")).Select(f => BenchTraffic.AsBus(f).ToString()).ToList();
        Assert.InRange(expected.Count, 20, frames.Count - 1); // some forwarded, some dropped: both paths are exercised

        using var bmsPty = new PtyPair();
        using var tcuPty = new PtyPair();
        var bmsBus = new EmulatedCanBus();
        var tcuBus = new EmulatedCanBus();
        using var bmsAdapter = new LawicelAdapter(bmsPty.AdapterEnd, bmsBus);
        using var tcuAdapter = new LawicelAdapter(tcuPty.AdapterEnd, tcuBus);
        using var stop = new CancellationTokenSource();
        var stderr = new StringWriter();
        int exit = -1;
        var bench = new Thread(() => exit = BenchRun.Run(
            new BenchOptions { Bms = "slcan:" + bmsPty.HostEnd, Tcu = "slcan:" + tcuPty.HostEnd, Rules = rules, OutDir = dir.File("bench") },
            TextWriter.Null, stderr, stop.Token));
        bench.Start();
        bmsAdapter.WaitOpen();
        tcuAdapter.WaitOpen();
        BenchTraffic.Feed(bmsBus, frames);
        BenchTraffic.WaitFor(() => tcuBus.Transmitted.Count >= expected.Count, 5000);
        Thread.Sleep(200); // nothing more may come
        stop.Cancel();
        bench.Join();

        Assert.Equal(0, exit);
        Assert.Equal(expected, tcuBus.Transmitted.Select(f => f.ToString()));
        Assert.Empty(bmsBus.Transmitted); // nothing reached the BMS
        var logged = Captures.Read(Path.Combine(dir.Path, "bench", "to-tcu.log")).Select(f => BenchTraffic.AsBus(f).ToString());
        Assert.Equal(expected, logged);
        string summary = File.ReadAllText(Path.Combine(dir.Path, "bench", "summary.txt"));
        Assert.Contains($"{"BMS -> TCU",-12}{frames.Count,10} {expected.Count,10}", summary);
        Assert.Contains("ended by stopped", summary);
        Assert.Equal(frames.Count, File.ReadAllLines(Path.Combine(dir.Path, "bench", "decisions.log")).Length);
    }

    [PtyFact]
    public void APlayedCaptureIsRecordedFrameForFrameAndReplaysAlike()
    {
        using var dir = new TempDir();
        string capture = dir.File("bms.log");
        var frames = BenchTraffic.BmsCapture(dir, capture, 2);
        using var playPty = new PtyPair();
        using var recordPty = new PtyPair();
        var bus = new EmulatedCanBus();
        using var playAdapter = new LawicelAdapter(playPty.AdapterEnd, bus);
        using var recordAdapter = new LawicelAdapter(recordPty.AdapterEnd, bus);
        string recording = dir.File("rec.asc");
        using var stop = new CancellationTokenSource();
        var recordErr = new StringWriter();
        int recordExit = -1;
        var record = new Thread(() => recordExit = RecordRun.Run(
            new RecordOptions { From = ["slcan:" + recordPty.HostEnd], Out = recording, Quiet = true }, recordErr, stop.Token));
        record.Start();
        recordAdapter.WaitOpen();

        var playErr = new StringWriter();
        int playExit = PlayRun.Run(new PlayOptions { Capture = capture, To = "slcan:" + playPty.HostEnd }, playErr, CancellationToken.None);
        Thread.Sleep(300);
        stop.Cancel();
        record.Join();

        Assert.Equal(0, playExit);
        Assert.Equal(0, recordExit);
        Assert.Contains($"play: sent {frames.Count} frames", playErr.ToString());
        Assert.Contains($"record: {frames.Count} frames in {recording}", recordErr.ToString());
        using var reader = HostSim.Capture.CaptureFormats.OpenReader(recording, recording);
        var got = new List<HostSim.Capture.CaptureFrame>();
        var frame = new HostSim.Capture.CaptureFrame();
        while (reader.Read(frame))
        {
            var copy = new HostSim.Capture.CaptureFrame();
            copy.CopyFrom(frame);
            got.Add(copy);
        }

        Assert.Equal(frames.Select(f => BenchTraffic.AsBus(f).ToString()), got.Select(f => BenchTraffic.AsBus(f).ToString()));
        // Recorded times keep the adapter's spacing (to its millisecond) however late the host read
        // them, except where a quicker read than any before moved the anchor back (a few times a run).
        var onBus = bus.TransmittedTicks;
        int moved = Enumerable.Range(1, got.Count - 1).Count(i =>
            Math.Abs(((got[i].TimestampNanos - got[i - 1].TimestampNanos) / 1e6) - ((onBus[i] - onBus[i - 1]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency)) > 2);
        Assert.True(moved <= got.Count / 10, $"{moved} of {got.Count} recorded spacings differ from the adapter's by more than 2 ms");
        // Play keeps the original timing: at full speed these frames would be on the bus in a few
        // milliseconds, not over the capture's two seconds (how late each one is depends on the machine).
        double span = (frames[^1].TimestampNanos - frames[0].TimestampNanos) / 1e6;
        double busSpan = (onBus[^1] - onBus[0]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        Assert.True(busSpan >= 0.9 * span, $"play took {busSpan:F0} ms for a {span:F0} ms capture");

        // The recording is a capture like any other: replayed, it forwards what the original does
        // (rules without rate limits: the comparison is of frames and decisions, not of the host's jitter).
        string rules = dir.File("rules.txt", BenchTraffic.Untimed);
        Assert.Equal(0, CliRun.Of("replay", capture, "--rules", rules, "--out", dir.File("a")).ExitCode);
        Assert.Equal(0, CliRun.Of("replay", recording, "--rules", rules, "--out", dir.File("b")).ExitCode);
        Assert.Equal(
            Captures.Read(Path.Combine(dir.Path, "a", "to-tcu.log")).Select(f => BenchTraffic.AsBus(f).ToString()),
            Captures.Read(Path.Combine(dir.Path, "b", "to-tcu.log")).Select(f => BenchTraffic.AsBus(f).ToString()));
    }
}
