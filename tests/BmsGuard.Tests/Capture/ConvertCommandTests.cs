using System.IO.Compression;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture;

public class ConvertCommandTests
{
    [Fact]
    public void Candump_through_gzip_and_back_is_byte_identical()
    {
        using var dir = new TempDir();
        string gz = dir.File("sample.log.gz");
        string back = dir.File("back.log");
        Assert.Equal(0, CliRun.Of("convert", Captures.BundledSample, gz).ExitCode);
        using (var check = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress))
        {
            Assert.Equal(0x28, check.ReadByte()); // '(' : really gzip of a candump log
        }

        var run = CliRun.Of("convert", gz, back);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("converted 6549 frames", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Captures.BundledSample), File.ReadAllBytes(back));
    }

    [Fact]
    public void Replay_reads_gzip_captures_like_plain_ones()
    {
        using var dir = new TempDir();
        string gz = dir.File("sample.log.gz");
        Assert.Equal(0, CliRun.Of("convert", Captures.BundledSample, gz).ExitCode);
        var plain = CliRun.Of("replay", Captures.BundledSample, "--out", Path.Combine(dir.Path, "a"), "--quiet");
        var packed = CliRun.Of("replay", gz, "--out", Path.Combine(dir.Path, "b"), "--quiet");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, packed.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "a", "to-tcu.log")), File.ReadAllBytes(Path.Combine(dir.Path, "b", "to-tcu.log")));
    }

    [Fact]
    public void Unknown_extension_and_corrupt_gzip_are_one_line_errors()
    {
        using var dir = new TempDir();
        var unknown = CliRun.Of("convert", Captures.BundledSample, dir.File("out.xyz"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown capture format '.xyz'", unknown.Stderr, StringComparison.Ordinal);

        string bad = dir.File("bad.log.gz", "this is not gzip");
        var corrupt = CliRun.Of("replay", bad, "--out", dir.Path);
        Assert.Equal(1, corrupt.ExitCode);
        Assert.StartsWith("bmsguard: compressed input is corrupt", corrupt.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", corrupt.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbered_channels_become_can_interfaces_in_candump_and_replay_by_default()
    {
        using var dir = new TempDir();
        string asc = dir.File("sample.asc");
        string back = dir.File("back.log");
        Assert.Equal(0, CliRun.Of("convert", Captures.BundledSample, asc).ExitCode);
        Assert.Equal(0, CliRun.Of("convert", asc, back).ExitCode);
        Assert.Equal(["can0", "can1"], Captures.Read(back).Select(f => f.Channel).Distinct().Order());

        // The default interface map covers numbered channels 1 and 2 as well.
        var run = CliRun.Of("replay", asc, "--out", dir.Path, "--quiet");
        Assert.Equal(0, run.ExitCode);
        // 2583 forwarded frames + 3 negative responses the guard sends to the TCU
        Assert.Equal(2586, Captures.Read(Path.Combine(dir.Path, "to-tcu.log")).Count);
    }
}
