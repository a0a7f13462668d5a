using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Replay;

/// <summary>
/// Limits are checked when a file is parsed, with file:line errors, before any earlier output is touched;
/// convert writes beside its output and renames, so bad input never leaves a half-written file.
/// </summary>
public sealed class BadInputKeepsOutputsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(65)]
    [InlineData(262_100)]
    public void A_rule_name_beyond_64_characters_is_an_error_at_its_line(int length)
    {
        string rules = _dir.File("r.txt", "# rules\nrule ok id=0x100\nrule " + new string('n', length) + " id=0x101\n");
        var run = CliRun.Of("rules", rules);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{rules}:3: invalid rule name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...({length} characters)' (1 to 64 letters", run.Stderr);
        Assert.True(run.Stderr.Length < 400, "the error does not echo the whole name");
        Assert.Equal(0, CliRun.Of("rules", _dir.File("r64.txt", "rule " + new string('n', 64) + " id=0x101\n")).ExitCode);
    }

    [Fact]
    public void A_replay_with_bad_rules_leaves_every_earlier_output_as_it_was()
    {
        string outDir = _dir.File("out");
        Assert.Equal(0, CliRun.Of("replay", "--out", outDir, "--quiet").ExitCode);
        var before = Snapshot(outDir);
        Assert.Contains("audit.txt", before.Keys);
        Assert.Contains("summary.txt", before.Keys);

        string rules = _dir.File("r.txt", "rule " + new string('n', 262_100) + " id=0x101\n");
        var run = CliRun.Of("replay", "--rules", rules, "--out", outDir, "--quiet");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"bmsguard: {rules}:1: invalid rule name", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    public void Convert_of_a_bad_capture_leaves_the_earlier_output_whole()
    {
        string output = _dir.File("out.asc");
        Assert.Equal(0, CliRun.Of("convert", Captures.BundledSample, output).ExitCode);
        byte[] good = File.ReadAllBytes(output);

        string[] lines = File.ReadAllLines(Captures.BundledSample);
        lines[3000] = "(1767225600.5) can0 1F2#ABC";
        string bad = _dir.File("bad.log", string.Join('\n', lines) + "\n");
        var run = CliRun.Of("convert", bad, output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:3001: ", run.Stderr);
        Assert.Contains("not written, left as it was", run.Stderr);
        Assert.Equal(good, File.ReadAllBytes(output));
        Assert.Equal(["out.asc"], Directory.GetFiles(_dir.Path, "out.asc*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("destination:\n  a: {b: c\r, d: e}\n", 2)]
    [InlineData("signals:\n  SOC: {action: quantize, step: 1\r, every: 1s}\n", 2)]
    public void Yaml_the_reader_fails_on_without_its_own_exception_is_a_file_line_error(string body, int line)
    {
        var (keyPath, _) = PolicyFiles.NewKey(_dir, "owner.key");
        string policy = _dir.File("p.yaml", body);
        var run = PolicyFiles.Compile(_dir, policy, keyPath).Run;
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"bmsguard: {policy}:{line}: not valid YAML", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
