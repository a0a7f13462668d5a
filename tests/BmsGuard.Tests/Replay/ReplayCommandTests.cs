using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Traffic;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Replay;

/// <summary>The README's first command, end to end: the bundled sample through the firmware in the emulator.</summary>
public class ReplayCommandTests
{
    [Fact]
    public void Default_replay_keeps_commands_and_private_data_in_and_lets_allowed_telemetry_out()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("replay", "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("BMS -> TCU", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("tcu-default-deny", run.Stdout, StringComparison.Ordinal);

        var input = Captures.Read(Captures.BundledSample);
        var toTcu = Captures.Read(Path.Combine(dir.Path, "to-tcu.log"));
        var toBms = Captures.Read(Path.Combine(dir.Path, "to-bms.log"));
        var droppedFromBms = Captures.Read(Path.Combine(dir.Path, "dropped-bms-to-tcu.log"));
        var droppedFromTcu = Captures.Read(Path.Combine(dir.Path, "dropped-tcu-to-bms.log"));

        // Nothing from the TCU reaches the BMS: every TCU frame is in the dropped log.
        Assert.Empty(toBms);
        Assert.Equal(input.Count(f => f.Channel == "can1"), droppedFromTcu.Count);

        // Every BMS frame is either forwarded or dropped, never lost. The TCU also hears the guard
        // itself: a negative response to each denied physical UDS request, nothing else.
        var fromGuard = toTcu.Where(f => f.Id is 0x7EC or 0x18DAF140).ToList();
        Assert.Equal(3, fromGuard.Count);
        Assert.All(fromGuard, f => Assert.StartsWith("037F", Captures.Hex(f), StringComparison.Ordinal));
        Assert.Equal(input.Count(f => f.Channel == "can0"), toTcu.Count - fromGuard.Count + droppedFromBms.Count);

        // The debug frame never leaves; the serial number leaves blanked.
        Assert.DoesNotContain(toTcu, f => f.Id == ReferenceBms.Debug);
        var identity = toTcu.Where(f => f.Id == ReferenceBms.Identity).ToList();
        Assert.NotEmpty(identity);
        Assert.All(identity, f => Assert.Equal("00000000000000", Captures.Hex(f)[2..]));
        string leaked = Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(dir.Path, "to-tcu.log")));
        Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(ReferenceBms.SerialNumber[..7])), leaked, StringComparison.Ordinal);

        // Rate limit: pack status leaves at least 90 ms apart.
        var pack = toTcu.Where(f => f.Id == ReferenceBms.PackStatus).Select(f => f.TimestampNanos).ToList();
        Assert.True(pack.Count > 500);
        Assert.All(pack.Zip(pack.Skip(1)), p => Assert.True(p.Second - p.First >= 90_000_000, $"{p.First} -> {p.Second}"));

        // Forwarded frames go out on the TCU interface name.
        Assert.All(toTcu, f => Assert.Equal("can1", f.Channel));
    }

    [Fact]
    public void Decision_log_explains_every_input_frame()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Of("replay", "--out", dir.Path).ExitCode);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "decisions.log"));
        var input = File.ReadAllLines(Captures.BundledSample);
        Assert.Equal(input.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.StartsWith(input[i] + " -> ", lines[i], StringComparison.Ordinal);
        }

        Assert.Contains(lines, l => l.Contains("5A0#01AA000000000000 -> drop reason=tcu-default-deny", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("6B0#", StringComparison.Ordinal) && l.EndsWith("-> drop reason=not-allowed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("-> drop reason=rate-limited rule=pack_status", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("-> forward rule=serial_blank edited", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("##1", StringComparison.Ordinal) && l.EndsWith("-> drop reason=can-fd-unsupported", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("-> drop reason=error-frame", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1F0#R8", StringComparison.Ordinal) && l.EndsWith("-> drop reason=tcu-default-deny", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_counts_add_up_and_rule_counters_are_printed_back_parsable()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("replay", "--out", dir.Path);
        string summary = File.ReadAllText(Path.Combine(dir.Path, "summary.txt"));
        Assert.StartsWith(summary, run.Stdout, StringComparison.Ordinal);
        var bms = summary.Split('\n').Single(l => l.StartsWith("BMS -> TCU", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long frames = long.Parse(bms[3]), forwarded = long.Parse(bms[4]), dropped = long.Parse(bms[5]);
        Assert.Equal(frames, forwarded + dropped);
        long originated = long.Parse(summary.Split('\n').Single(l => l.StartsWith("guard -> TCU", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);
        Assert.Equal(3, originated);
        Assert.Equal(forwarded + originated, Captures.Read(Path.Combine(dir.Path, "to-tcu.log")).Count);
        Assert.Contains("guard: unprovisioned (no identity): every command is denied", summary, StringComparison.Ordinal);
        Assert.Contains("diagnostics (UDS from the TCU): denied-no-window=2, denied-did=1, denied-service=1", summary, StringComparison.Ordinal);

        // rules.txt carries the counters as comments and still parses as a rule table.
        string rules = File.ReadAllText(Path.Combine(dir.Path, "rules.txt"));
        Assert.Contains("rule pack_status id=0x1F0 mask=0x7FF every=90ms  # handled=600 dropped=2400", rules, StringComparison.Ordinal);
        Assert.NotNull(BmsGuard.Core.RuleTableText.Parse(rules, out _, out _));
    }

    [Fact]
    public void Same_input_and_rules_give_byte_identical_outputs()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        Assert.Equal(0, CliRun.Of("replay", "--out", a.Path).ExitCode);
        Assert.Equal(0, CliRun.Of("replay", "--out", b.Path).ExitCode);
        var names = Directory.GetFiles(a.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(9, names.Count);
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, name!)), File.ReadAllBytes(Path.Combine(b.Path, name!)));
        }
    }

    [Fact]
    public void The_bundled_sample_is_what_the_generator_makes()
    {
        using var dir = new TempDir();
        string path = dir.File("regen.log");
        Assert.Equal(0, CliRun.Of("sample", "--out", path).ExitCode);
        Assert.Equal(File.ReadAllBytes(Captures.BundledSample), File.ReadAllBytes(path));
    }

    [Fact]
    public void Custom_rules_and_interface_map_are_used()
    {
        using var dir = new TempDir();
        string capture = dir.File("in.log", """
            (0000000010.000000) bms 100#0102
            (0000000010.000100) bms 100#0304
            (0000000010.200000) bms 100#0506
            (0000000010.300000) tcu 200#07
            (0000000010.400000) bms 18FF0001#AABB
            """);
        string rules = dir.File("rules.txt", "rule a id=0x100 every=100ms xor=FF00000000000000\nrule b id=0x18FF0000 mask=0x1FFF0000 ext\n");
        string outDir = Path.Combine(dir.Path, "out");
        var run = CliRun.Of("replay", capture, "--rules", rules, "--map", "bms=bms,tcu=tcu", "--out", outDir, "--exact-dlc");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "(0000000010.000000) tcu 100#FE02\n(0000000010.200000) tcu 100#FA06\n(0000000010.400000) tcu 18FF0001#AABB\n",
            File.ReadAllText(Path.Combine(outDir, "to-tcu.log")));
        Assert.Equal("(0000000010.000100) bms 100#0304\n", File.ReadAllText(Path.Combine(outDir, "dropped-bms-to-tcu.log")));
        Assert.Equal("(0000000010.300000) tcu 200#07\n", File.ReadAllText(Path.Combine(outDir, "dropped-tcu-to-bms.log")));
    }

    [Fact]
    public void By_default_forwarded_frames_keep_their_length_as_the_patched_nucleo_image_makes_them()
    {
        // The NUCLEO image built with hardware/patches gives each message an array as long as the frame; the stock
        // nanoFramework STM32 GetMessage() returns 8 data bytes whatever the DLC (--stock-driver).
        using var dir = new TempDir();
        string capture = dir.File("in.log", "(0000000010.000000) can0 100#0102\n(0000000010.100000) can0 101#R2\n");
        string rules = dir.File("rules.txt", "rule a id=0x100\nrule b id=0x101 rtr\n");
        var run = CliRun.Of("replay", capture, "--rules", rules, "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "(0000000010.000000) can1 100#0102\n(0000000010.100000) can1 101#R2\n",
            File.ReadAllText(Path.Combine(dir.Path, "to-tcu.log")));
        Assert.Equal(0, CliRun.Of("replay", capture, "--rules", rules, "--out", dir.Path, "--stock-driver").ExitCode);
        Assert.Equal(
            "(0000000010.000000) can1 100#0102000000000000\n(0000000010.100000) can1 101#R8\n",
            File.ReadAllText(Path.Combine(dir.Path, "to-tcu.log")));
    }
}
