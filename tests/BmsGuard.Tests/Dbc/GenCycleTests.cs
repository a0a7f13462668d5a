using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary><c>bmsguard gen --cycle</c>: traffic for a DBC without GenMsgCycleTime, with per-message overrides.</summary>
public class GenCycleTests
{
    // Two messages, no cycle attributes at all (as most files from the field).
    private const string NoCycles = """
        VERSION ""
        BU_: BMS TCU
        BO_ 256 Status: 8 BMS
         SG_ Voltage : 0|16@1+ (0.1,0) [0|6553.5] "V" TCU
        BO_ 257 Temps: 8 BMS
         SG_ Temp : 0|8@1- (1,0) [-128|127] "degC" TCU
        BO_ 258 Rare: 8 BMS
         SG_ Flag : 0|1@1+ (1,0) [0|1] "" TCU

        """;

    [Fact]
    public void Without_cycles_gen_says_how_to_give_one()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("gen", "--dbc", dir.File("n.dbc", NoCycles), "--out", dir.File("o.log"), "--duration", "1s");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no message has a GenMsgCycleTime, so there is nothing cyclic to generate (give a default cycle, e.g. --cycle 100ms)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_cycle_and_overrides_set_how_often_each_message_goes_out()
    {
        using var dir = new TempDir();
        string output = dir.File("o.log");
        var run = CliRun.Of("gen", "--dbc", dir.File("n.dbc", NoCycles), "--out", output, "--duration", "2s", "--cycle", "100ms", "--cycle", "Temps=20", "--cycle", "Rare=off");
        Assert.Equal(0, run.ExitCode);
        var frames = Captures.Read(output);
        Assert.Equal(20, frames.Count(f => f.Id == 0x100));
        Assert.Equal(100, frames.Count(f => f.Id == 0x101));
        Assert.DoesNotContain(frames, f => f.Id == 0x102);
    }

    [Fact]
    public void An_override_wins_over_GenMsgCycleTime()
    {
        using var dir = new TempDir();
        string dbc = dir.File("c.dbc", NoCycles + "BA_DEF_ BO_ \"GenMsgCycleTime\" INT 0 10000;\nBA_ \"GenMsgCycleTime\" BO_ 256 50;\n");
        string output = dir.File("o.log");
        Assert.Equal(0, CliRun.Of("gen", "--dbc", dbc, "--out", output, "--duration", "1s", "--cycle", "Status=1s").ExitCode);
        var frames = Captures.Read(output);
        Assert.Equal(1, frames.Count(f => f.Id == 0x100));
        Assert.DoesNotContain(frames, f => f.Id == 0x101);

        Assert.Equal(0, CliRun.Of("gen", "--dbc", dbc, "--out", output, "--duration", "1s").ExitCode);
        Assert.Equal(20, Captures.Read(output).Count(f => f.Id == 0x100));
    }

    [Theory]
    [InlineData("Nope=20", "--cycle: ")]
    [InlineData("100,200", "--cycle: two default cycles given")]
    [InlineData("Status=20,Status=30", "--cycle: message Status is given two cycles")]
    [InlineData("0", "--cycle: a cycle must be a whole number of milliseconds")]
    [InlineData("fast", "--cycle: a cycle must be a whole number of milliseconds from 1 to 3600000 (20, 20ms, 1s), not 'fast'")]
    public void Bad_cycles_are_usage_errors(string cycle, string message)
    {
        using var dir = new TempDir();
        var run = CliRun.Of("gen", "--dbc", dir.File("n.dbc", NoCycles), "--out", dir.File("o.log"), "--duration", "1s", "--cycle", cycle);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_tables_print_as_the_option_reads_them()
    {
        var db = DbcDatabase.Parse(NoCycles, "n.dbc");
        var table = CycleTimes.Parse("Temps=20, 100ms, Rare=off", db);
        Assert.Equal("100,Rare=0,Temps=20", table.ToString());
        Assert.Equal(table.ToString(), CycleTimes.Parse(table.ToString(), db).ToString());
        Assert.Equal(100, table.Of(db.Message("Status")!));
        Assert.Equal(20, table.Of(db.Message("Temps")!));
        Assert.Null(table.Of(db.Message("Rare")!));
    }
}
