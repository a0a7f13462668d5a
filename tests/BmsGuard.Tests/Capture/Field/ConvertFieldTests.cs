using BmsGuard.HostSim;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>The convert verb on field captures: warnings on standard error, --strict, what each output keeps.</summary>
public class ConvertFieldTests
{
    private const string TwoChannels = """
        (1767225600.000000) can0 1F0#0102
        (1767225600.001000) can1 6A0#AA
        (1767225600.002000) can0 1F1##1112233
        """;

    private const string Directions = """
        date Thu Jan 01 12:00:00.000 am 2026
        base hex  timestamps absolute
           0.001000 1  1F0             Rx   d 2 01 02
           0.002000 2  6A0             Tx   d 1 AA
           0.003000 1  123x            TxRq r 4
           0.004000 CANFD   2 Tx        300                                   1 0 9 12 01 02 03 04 05 06 07 08 09 0A 0B 0C 0 0 3000 0 0 0 0 0
           0.005000 CANFD   1 Rx        301                                   0 0 2 2 01 02 0 0 1000 0 0 0 0 0

        """;

    [Fact]
    public void CSV_output_warns_that_channels_direction_and_FD_flags_are_lost_and_strict_refuses()
    {
        using var dir = new TempDir();
        string input = dir.File("two.log", TwoChannels);
        var run = CliRun.Of("convert", input, Path.Combine(dir.Path, "out.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CSV output:3: python-can's CSV has no channel column: frames of channel can1 and of channel can0 are written alike", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("convert to .log, .asc, .blf or .trc to keep channels", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("CSV output:4: python-can's CSV has no FD flag columns: BRS and ESI are not kept", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("converted 3 frames from " + input + " to " + Path.Combine(dir.Path, "out.csv") + " (2 warnings)", run.Stderr, StringComparison.Ordinal);

        var strict = CliRun.Of("convert", input, Path.Combine(dir.Path, "strict.csv"), "--strict");
        Assert.Equal(BmsGuard.HostSim.Cli.BadInput, strict.ExitCode);
        Assert.Contains("CSV output:3: python-can's CSV has no channel column", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("refused by --strict", strict.Stderr, StringComparison.Ordinal);

        // One channel, no FD: nothing to warn about.
        string single = dir.File("one.log", "(1767225600.000000) can0 1F0#0102\n");
        Assert.DoesNotContain("warning", CliRun.Of("convert", single, Path.Combine(dir.Path, "one.csv")).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_going_backwards_is_warned_about_once_with_its_line()
    {
        using var dir = new TempDir();
        string input = dir.File("cat.log", "(10.000000) can0 001#01\n(11.000000) can0 002#02\n(1.500000) can0 003#03\n(2.000000) can0 004#04\n(0.500000) can0 005#05\n");
        var run = CliRun.Of("convert", input, Path.Combine(dir.Path, "out.log"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(input + ":3: time goes back 9.5 s here (concatenated logs?)", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("time goes back", StringComparison.Ordinal));
        Assert.Equal(BmsGuard.HostSim.Cli.BadInput, CliRun.Of("convert", input, Path.Combine(dir.Path, "s.log"), "--strict").ExitCode);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("blf")]
    [InlineData("trc")]
    public void Tx_and_Rx_survive_every_format_that_records_them(string format)
    {
        using var dir = new TempDir();
        string input = dir.File("dir.asc", Directions);
        string output = Path.Combine(dir.Path, "out." + format);
        Assert.Equal(0, CliRun.Of("convert", input, output).ExitCode);
        var back = FieldReads.Read(output).Frames;
        Assert.Equal([false, true, true, true, false], back.Select(f => f.Transmit));
        Assert.Equal(0, CliRun.Of("convert", output, Path.Combine(dir.Path, "again.asc")).ExitCode);
        Assert.Equal([false, true, true, true, false], FieldReads.Read(Path.Combine(dir.Path, "again.asc")).Frames.Select(f => f.Transmit));
    }

    [PythonCanFact]
    public void Python_can_reads_our_ASC_output_with_its_directions()
    {
        using var dir = new TempDir();
        string input = dir.File("dir.asc", Directions);
        string output = Path.Combine(dir.Path, "out.asc");
        Assert.Equal(0, CliRun.Of("convert", input, output).ExitCode);
        var theirs = FieldReads.Lines(PythonCan.Run(FieldReads.PythonDump, output));
        Assert.Equal(FieldReads.Read(input).Frames.Select(FieldReads.Line), theirs);
        Assert.Equal(["0", "1", "1", "1", "0"], theirs.Select(l => l.Split(' ')[6]));
    }

    [Theory]
    [InlineData("empty.log", "", "empty.log: the file is empty")]
    [InlineData("blank.trc", "\n  \r\n\t\n", "blank.trc: the file holds only blank lines")]
    [InlineData("empty.asc", "", "empty.asc: the file is empty")]
    public void Empty_and_blank_inputs_say_so(string name, string content, string message)
    {
        using var dir = new TempDir();
        string input = dir.File(name, content);
        var run = CliRun.Of("convert", input, Path.Combine(dir.Path, "out.blf"));
        Assert.Equal(BmsGuard.HostSim.Cli.BadInput, run.ExitCode);
        Assert.Contains(message.Replace(name, input, StringComparison.Ordinal), run.Stderr, StringComparison.Ordinal);
    }
}
