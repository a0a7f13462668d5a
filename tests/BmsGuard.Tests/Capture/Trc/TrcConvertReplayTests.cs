using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>The CLI picks TRC by extension: a converted capture replays like the original.</summary>
public class TrcConvertReplayTests
{
    [Fact]
    public void Replaying_the_sample_converted_to_trc_forwards_the_same_frames()
    {
        using var dir = new TempDir();
        string trc = dir.File("x.trc");
        var convert = CliRun.Of("convert", Captures.BundledSample, trc);
        Assert.Equal(0, convert.ExitCode);
        Assert.Contains("converted 6549 frames", convert.Stderr, StringComparison.Ordinal);
        Assert.StartsWith(";$FILEVERSION=2.1\r\n", File.ReadAllText(trc), StringComparison.Ordinal);

        // can0 is bus 1 and can1 bus 2 in the trace (ChannelNames), so the map names the buses.
        var fromLog = CliRun.Of("replay", Captures.BundledSample, "--out", Path.Combine(dir.Path, "log"), "--quiet");
        var fromTrc = CliRun.Of("replay", trc, "--map", "1=bms,2=tcu", "--out", Path.Combine(dir.Path, "trc"), "--quiet");
        Assert.Equal((0, ""), (fromLog.ExitCode, fromLog.Stderr));
        Assert.Equal((0, ""), (fromTrc.ExitCode, fromTrc.Stderr));

        var expected = Captures.Read(Path.Combine(dir.Path, "log", "to-tcu.log"));
        var actual = Captures.Read(Path.Combine(dir.Path, "trc", "to-tcu.log"));
        // 2583 forwarded frames + 3 negative responses the guard sends to the TCU
        Assert.Equal(2586, expected.Count);
        Assert.All(expected, f => Assert.Equal("can1", f.Channel));
        Assert.All(actual, f => Assert.Equal("can1", f.Channel)); // TRC bus 2 is written to candump as can1 (ChannelNames)
        Assert.Equal(expected.Select(WithoutChannel), actual.Select(WithoutChannel));

        // Nothing reaches the BMS in the sample; what was dropped is the same count of frames
        // (the sample's controller error frame reads back as a PEAK "other" error: see TrcWriterTests).
        foreach (string output in new[] { "to-bms.log", "dropped-bms-to-tcu.log", "dropped-tcu-to-bms.log" })
        {
            Assert.Equal(
                File.ReadAllLines(Path.Combine(dir.Path, "log", output)).Length,
                File.ReadAllLines(Path.Combine(dir.Path, "trc", output)).Length);
        }
    }

    private static string WithoutChannel(CaptureFrame f)
    {
        f.Channel = "-";
        return TrcTestSupport.Describe(f);
    }
}
