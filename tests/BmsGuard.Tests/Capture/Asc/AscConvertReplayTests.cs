using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Asc;

public class AscConvertReplayTests
{
    [Fact]
    public void Replaying_the_sample_converted_to_asc_sends_the_same_frames()
    {
        using var dir = new TempDir();
        string asc = Path.Combine(dir.Path, "x.asc");
        var convert = CliRun.Of("convert", Captures.BundledSample, asc);
        Assert.Equal(0, convert.ExitCode);
        Assert.Contains("converted 6549 frames", convert.Stderr, StringComparison.Ordinal);

        var fromLog = CliRun.Of("replay", Captures.BundledSample, "--out", Path.Combine(dir.Path, "log"), "--quiet");
        var fromAsc = CliRun.Of("replay", asc, "--map", "1=bms,2=tcu", "--out", Path.Combine(dir.Path, "asc"), "--quiet");
        Assert.Equal(0, fromLog.ExitCode);
        Assert.Equal(0, fromAsc.ExitCode);

        // The output interface is named after the map ("can1" vs "2"); everything else must match.
        var expected = Captures.Read(Path.Combine(dir.Path, "log", "to-tcu.log")).Select(Key).ToList();
        var actual = Captures.Read(Path.Combine(dir.Path, "asc", "to-tcu.log")).Select(Key).ToList();
        // 2583 forwarded frames + 3 negative responses the guard sends to the TCU
        Assert.Equal(2586, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "log", "to-bms.log")), File.ReadAllText(Path.Combine(dir.Path, "asc", "to-bms.log")));

        // Same counts per direction and drop reason (the summary's first two lines name file and map).
        Assert.Equal(Counts(Path.Combine(dir.Path, "log")), Counts(Path.Combine(dir.Path, "asc")));
    }

    private static string[] Counts(string outDir) => File.ReadAllLines(Path.Combine(outDir, "summary.txt")).Skip(2).ToArray();

    private static (long, uint, bool, bool, int, string) Key(HostSim.Capture.CaptureFrame f) =>
        (f.TimestampNanos, f.Id, f.Extended, f.Remote, f.Length, Captures.Hex(f));
}
