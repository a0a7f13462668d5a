using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Traffic;

/// <summary>The generator's schedule, determinism and handling of DBCs other than the reference.</summary>
public class TrafficGeneratorTests
{
    [Fact]
    public void Same_seed_gives_byte_identical_captures_another_seed_another_capture()
    {
        using var dir = new TempDir();
        string a = dir.File("a.blf"), b = dir.File("b.blf"), c = dir.File("c.blf");
        Assert.Equal(0, CliRun.Of("gen", "--out", a, "--duration", "90s", "--seed", "9").ExitCode);
        Assert.Equal(0, CliRun.Of("gen", "--out", b, "--duration", "90s", "--seed", "9").ExitCode);
        Assert.Equal(0, CliRun.Of("gen", "--out", c, "--duration", "90s", "--seed", "10").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
    }

    [Fact]
    public void Every_cyclic_message_repeats_at_its_dbc_cycle_time_within_the_jitter()
    {
        var db = ReferenceTrafficGenerator.Dbc;
        var frames = ReferenceTrafficGenerator.Generate(150, seed: 2, TrafficScenario.Both).Where(f => !f.Remote && !f.Error).ToList();
        var cyclic = db.Messages.Where(m => m.CycleTime is > 0).ToList();
        Assert.Equal(10, cyclic.Count);
        long slack = 2 * TrafficGenerator.JitterMicros * 1000L;
        foreach (var m in cyclic)
        {
            var t = frames.Where(f => f.Id == m.Id && f.Extended == m.IsExtended).Select(f => f.TimestampNanos).ToList();
            long cycle = m.CycleTime!.Value * 1_000_000L;
            Assert.InRange(t.Count, (150_000 / m.CycleTime.Value) - 1, 150_000 / m.CycleTime.Value);
            Assert.All(t.Zip(t.Skip(1)), p => Assert.InRange(p.Second - p.First, cycle - slack, cycle + slack));
        }

        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First.TimestampNanos <= p.Second.TimestampNanos), "frames out of time order");
        Assert.All(frames.Where(f => f.Channel == "can1"), f => Assert.Equal("TCU", db.Find(f.Id, f.Extended)!.Sender));
    }

    [Fact]
    public void Identity_pages_cycle_and_carry_the_serial_number()
    {
        var db = ReferenceTrafficGenerator.Dbc;
        var identity = db.Message("Identity")!;
        var pages = ReferenceTrafficGenerator.Generate(6, seed: 1)
            .Where(f => f.Id == ReferenceBms.Identity)
            .Select(f => MessageCodec.Decode(identity, f.Data.AsSpan(0, 8)))
            .Select(v => (Page: v[0].Label!, Text: string.Concat(v.Skip(1).Select(x => (char)(int)x.Physical.Value))))
            .ToList();
        Assert.Equal(["SerialNumber1", "SerialNumber2", "VinFragment", "SerialNumber1", "SerialNumber2", "VinFragment"], pages.Select(p => p.Page));
        Assert.Equal(ReferenceBms.SerialNumber, pages[0].Text + pages[1].Text);
        Assert.Equal(ReferenceBms.VinFragment, pages[2].Text);
    }

    [Fact]
    public void A_users_dbc_gets_model_values_by_name_defaults_counters_and_checksums_otherwise()
    {
        using var dir = new TempDir();
        string dbc = dir.File("user.dbc", """
            VERSION ""
            BU_: ECU GW
            BO_ 256 Status: 8 ECU
             SG_ SOC : 0|8@1+ (0.5,0) [0|100] "%"  GW
             SG_ Mystery : 8|8@1+ (1,0) [0|255] ""  GW
             SG_ Plain : 16|8@1+ (1,0) [0|255] ""  GW
             SG_ AliveCounter : 48|4@1+ (1,0) [0|15] ""  GW
             SG_ FrameChecksum : 56|8@1+ (1,0) [0|255] ""  GW
            BO_ 257 EventOnly: 2 GW
             SG_ Other : 0|8@1+ (1,0) [0|255] ""  ECU
            BA_DEF_ BO_  "GenMsgCycleTime" INT 0 65535;
            BA_DEF_ SG_  "GenSigStartValue" INT 0 255;
            BA_DEF_DEF_  "GenMsgCycleTime" 0;
            BA_ "GenMsgCycleTime" BO_ 256 50;
            BA_ "GenSigStartValue" SG_ 256 Mystery 77;
            """);
        string output = dir.File("user.log");
        var run = CliRun.Of("gen", "--dbc", dbc, "--out", output, "--duration", "2s", "--scenario", "drive");
        Assert.Equal(0, run.ExitCode);
        var frames = Captures.Read(output);
        Assert.Equal(40, frames.Count(f => f.Id == 0x100));
        Assert.DoesNotContain(frames, f => f.Id == 0x101);
        var status = frames.Where(f => f.Id == 0x100).ToList();
        for (int i = 0; i < status.Count; i++)
        {
            var d = status[i].Data;
            Assert.Equal(160, d[0]);       // SOC 80 % from the model
            Assert.Equal(77, d[1]);        // GenSigStartValue
            Assert.Equal(0, d[2]);         // unknown, no start value
            Assert.Equal(i % 16, d[6]);    // counter
            Assert.Equal((d.Take(7).Sum(b => b) ^ 0xFF) & 0xFF, d[7]);
        }

        // The TCU script names the reference's messages, which this DBC lacks: only its own message is sent.
        Assert.All(frames, f => Assert.Equal(0x100u, f.Id));
    }

    [Theory]
    [InlineData(new[] { "gen" }, 2, "gen needs --out")]
    [InlineData(new[] { "gen", "--out", "x.log", "--scenario", "park" }, 2, "--scenario must be drive, charge or both")]
    [InlineData(new[] { "gen", "--out", "x.log", "--duration", "ten" }, 2, "--duration must be a time")]
    [InlineData(new[] { "gen", "--out", "x.log", "--seed", "-1" }, 2, "--seed must be")]
    [InlineData(new[] { "gen", "--out", "x.log", "--dbc", "missing.dbc" }, 1, "cannot read DBC file 'missing.dbc'")]
    [InlineData(new[] { "gen", "--out", "x.xyz", "--duration", "1s" }, 1, "unknown capture format '.xyz'")]
    public void Bad_arguments_and_inputs_exit_with_a_clear_message(string[] args, int code, string message)
    {
        var run = CliRun.Of(args);
        Assert.Equal(code, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dbc_without_cycle_times_is_an_error_that_says_so()
    {
        using var dir = new TempDir();
        string dbc = dir.File("event.dbc", "VERSION \"\"\nBU_: A\nBO_ 256 Event: 1 A\n SG_ X : 0|8@1+ (1,0) [0|255] \"\"  A\n");
        var run = CliRun.Of("gen", "--dbc", dbc, "--out", dir.File("x.log"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no message has a GenMsgCycleTime", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", 90_000)]
    [InlineData("250ms", 250)]
    [InlineData("10m", 600_000)]
    [InlineData("1.5h", 5_400_000)]
    public void Durations_parse_with_units(string text, long millis) =>
        Assert.Equal(millis, BmsGuard.HostSim.Verbs.GenCommand.ParseDuration(text));
}
