using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Replay;

/// <summary>Bad input: one clear line naming file, line and reason; a non-zero exit; never a stack trace.</summary>
public class ReplayErrorTests
{
    [Fact]
    public void Malformed_capture_exits_1_with_file_line_and_reason()
    {
        using var dir = new TempDir();
        string capture = dir.File("bad.log", "(1.000000) can0 123#11\n(1.000001) can0 123#1\n");
        var run = CliRun.Of("replay", capture, "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {capture}:2: odd number of hex digits in the data (outputs in {Path.Combine(dir.Path, "out")} are incomplete)", run.Stderr.Trim());
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Unmapped_interface_is_an_error_that_says_how_to_map_it()
    {
        using var dir = new TempDir();
        string capture = dir.File("in.log", "(1.000000) can0 123#11\n(1.000001) vcan7 123#11\n");
        var run = CliRun.Of("replay", capture, "--out", dir.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(":2: interface 'vcan7' is not mapped to a side (replay with --map can0=bms,can1=tcu,1=bms,2=tcu,vcan7=bms, =tcu or =none)", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);

        // The map the hint names works as given, and none skips the interface with a count.
        var mapped = CliRun.Of("replay", capture, "--out", dir.Path, "--map", "can0=bms,can1=tcu,1=bms,2=tcu,vcan7=tcu");
        Assert.Equal(0, mapped.ExitCode);
        Assert.Contains("TCU -> BMS           1", mapped.Stdout, StringComparison.Ordinal);
        var ignored = CliRun.Of("replay", capture, "--out", dir.Path, "--map", "can0=bms,can1=tcu,vcan7=none");
        Assert.Equal(0, ignored.ExitCode);
        Assert.Contains("ignored: 1 frames on interfaces mapped to none", ignored.Stdout, StringComparison.Ordinal);
        Assert.Contains("TCU -> BMS           0", ignored.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Of("replay", capture, "--out", dir.Path, "--map", "can0=bms,can1=tcu,vcan7=none,vcan7=bms").ExitCode);
    }

    [Fact]
    public void Missing_capture_and_bad_rules_exit_1()
    {
        using var dir = new TempDir();
        var missing = CliRun.Of("replay", Path.Combine(dir.Path, "nope.log"), "--out", dir.Path);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot open capture", missing.Stderr, StringComparison.Ordinal);

        string rules = dir.File("rules.txt", "rule ok id=0x100\nrule bad id=0x101 colour=blue\n");
        var bad = CliRun.Of("replay", "--rules", rules, "--out", dir.Path);
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal($"bmsguard: {rules}:2: unknown option 'colour=blue'", bad.Stderr.Trim());
        AssertNoStackTrace(missing);
        AssertNoStackTrace(bad);
    }

    [Theory]
    [InlineData("--map", "can0=bms")]
    [InlineData("--map", "can0=engine,can1=tcu")]
    [InlineData("--map", "can0=bms,an_interface_name_of_sixty_five_bytes_is_longer_than_any_real_one=tcu")]
    [InlineData("--frobnicate", "1")]
    public void Bad_command_lines_exit_2(string option, string value)
    {
        using var dir = new TempDir();
        var run = CliRun.Of("replay", option, value, "--out", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("bmsguard: ", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Rules_command_prints_canonical_text_that_parses_to_the_same_print()
    {
        var first = CliRun.Of("rules");
        Assert.Equal(0, first.ExitCode);
        using var dir = new TempDir();
        var second = CliRun.Of("rules", dir.File("r.txt", first.Stdout));
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("rule serial_blank id=0x3F0 mask=0x7FF and=FF00000000000000", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwritable_output_directory_exits_1_without_a_stack_trace()
    {
        using var dir = new TempDir();
        string blocker = dir.File("not-a-dir", "x");
        var run = CliRun.Of("replay", "--out", Path.Combine(blocker, "out"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("bmsguard: cannot create output directory", run.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }
}
