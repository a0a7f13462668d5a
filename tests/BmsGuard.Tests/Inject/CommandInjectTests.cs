using BmsGuard.Core.IsoTp;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Inject;

/// <summary><c>bmsguard command inject</c>: the envelope lands whole, in time order, on the TCU channel, and nothing else changes.</summary>
public class CommandInjectTests
{
    [Theory]
    [InlineData("out.log", -1)]
    [InlineData("out.asc", 40)]
    [InlineData("out.blf", -1)]
    public void The_injected_frames_reassemble_to_the_envelope_among_the_untouched_capture(string outName, int tamper)
    {
        using var dir = new TempDir();
        byte[] envelope = new byte[190];
        new Random(3).NextBytes(envelope);
        string envPath = dir.File("cmd.env");
        File.WriteAllBytes(envPath, envelope);
        string output = Path.Combine(dir.Path, outName);
        var args = new List<string> { "command", "inject", Captures.BundledSample, output, "--envelope", envPath, "--at", "3.25s", "--gap", "2ms" };
        if (tamper >= 0)
        {
            args.AddRange(["--tamper", tamper.ToString()]);
            envelope[tamper] ^= 0xFF;
        }

        var run = CliRun.Of([.. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);

        var original = Captures.Read(Captures.BundledSample);
        var merged = ReadAny(output);
        Assert.DoesNotContain(original, f => f.Id == 0x6A0);
        var injected = merged.Where(f => f.Id == 0x6A0).ToList();
        Assert.Equal(IsoTpSegmenter.FrameCount(envelope.Length), injected.Count);
        Assert.Equal(original.Count + injected.Count, merged.Count);
        Assert.True(merged.Zip(merged.Skip(1)).All(p => p.First.TimestampNanos <= p.Second.TimestampNanos), "time order");
        Assert.Equal(original[0].TimestampNanos + 3_250_000_000L, injected[0].TimestampNanos);
        Assert.Equal(2_000_000L, injected[1].TimestampNanos - injected[0].TimestampNanos);

        var rx = new IsoTpReceiver(4095, 1_000_000);
        IsoTpStatus status = IsoTpStatus.InProgress;
        foreach (var f in injected)
        {
            status = rx.OnFrame(f.Data, f.Length, 0);
        }

        Assert.Equal(IsoTpStatus.Complete, status);
        Assert.Equal(envelope, rx.Buffer[..rx.MessageLength]);
    }

    private static List<BmsGuard.HostSim.Capture.CaptureFrame> ReadAny(string path)
    {
        var frames = new List<BmsGuard.HostSim.Capture.CaptureFrame>();
        using var reader = BmsGuard.HostSim.Capture.CaptureFormats.OpenReader(path, path);
        var f = new BmsGuard.HostSim.Capture.CaptureFrame();
        while (reader.Read(f))
        {
            var copy = new BmsGuard.HostSim.Capture.CaptureFrame();
            copy.CopyFrom(f);
            frames.Add(copy);
        }

        return frames;
    }

    [Theory]
    [InlineData("--at 1s", "needs --envelope")]
    [InlineData("--envelope ENV", "needs --at")]
    [InlineData("--envelope ENV --at soon", "--at must be a duration")]
    [InlineData("--envelope ENV --at 1s --id 0x800", "--id must be an 11-bit hex id")]
    [InlineData("--envelope ENV --at 1s --tamper 50", "past the envelope's 10 bytes")]
    public void Usage_errors_say_what_is_wrong(string options, string expected)
    {
        using var dir = new TempDir();
        string env = dir.File("cmd.env");
        File.WriteAllBytes(env, new byte[10]);
        var args = new List<string> { "command", "inject", Captures.BundledSample, Path.Combine(dir.Path, "o.log") };
        args.AddRange(options.Replace("ENV", env).Split(' '));
        var run = CliRun.Of([.. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
    }
}
