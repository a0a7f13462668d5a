using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>BLF through the bmsguard CLI: convert and replay pick it by extension.</summary>
public class BlfCliTests
{
    [Fact]
    public void Replaying_the_sample_as_BLF_forwards_the_same_frames_as_the_candump_log()
    {
        using var dir = new TempDir();
        string blf = dir.File("x.blf");
        var convert = CliRun.Of("convert", Captures.BundledSample, blf);
        Assert.Equal(0, convert.ExitCode);
        Assert.Contains("converted 6549 frames", convert.Stderr, StringComparison.Ordinal);

        string fromLog = Path.Combine(dir.Path, "log");
        string fromBlf = Path.Combine(dir.Path, "blf");
        Assert.Equal(0, CliRun.Of("replay", Captures.BundledSample, "--out", fromLog, "--quiet").ExitCode);
        var replay = CliRun.Of("replay", blf, "--map", "1=bms,2=tcu", "--out", fromBlf, "--quiet");
        Assert.Equal(0, replay.ExitCode);

        // The BLF replay names interfaces by channel number ("2" for can1); all else is identical.
        foreach (string output in new[] { "to-tcu.log", "to-bms.log", "dropped-bms-to-tcu.log", "dropped-tcu-to-bms.log" })
        {
            var expected = Captures.Read(Path.Combine(fromLog, output)).Select(BlfFrames.Exact).ToList();
            var actual = Captures.Read(Path.Combine(fromBlf, output)).Select(f =>
            {
                f.Channel = ChannelNames.ToInterfaceName(f.Channel);
                return BlfFrames.Exact(f);
            }).ToList();
            Assert.Equal(expected, actual);
            Assert.True(output != "to-tcu.log" || actual.Count > 1000, "the sample should forward frames to the TCU");
        }

        // And back: the BLF converts to the original log byte for byte.
        string back = dir.File("back.log");
        Assert.Equal(0, CliRun.Of("convert", blf, back).ExitCode);
        Assert.Equal(
            File.ReadAllLines(Captures.BundledSample),
            File.ReadAllLines(back).Select(l => l.Replace(") 1 ", ") can0 ", StringComparison.Ordinal).Replace(") 2 ", ") can1 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_damaged_BLF_is_a_one_line_error_with_the_offset()
    {
        using var dir = new TempDir();
        string blf = dir.File("x.blf");
        Assert.Equal(0, CliRun.Of("convert", Captures.BundledSample, blf).ExitCode);
        byte[] bytes = File.ReadAllBytes(blf);
        File.WriteAllBytes(blf, bytes[..(bytes.Length - 10)]);

        var run = CliRun.Of("replay", blf, "--map", "1=bms,2=tcu", "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"bmsguard: {blf}: at byte offset {bytes.Length - 10}: file ends inside the LOG_CONTAINER at byte offset ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("(truncated file)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
