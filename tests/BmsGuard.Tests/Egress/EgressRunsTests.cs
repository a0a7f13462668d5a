using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Egress;

/// <summary>
/// The README's telemetry sequence run as a user runs it, more than once into one guard directory:
/// the audit log keeps every run, the outbox holds the last one, and the report pairs the outbox's lines
/// with the records of its own run (named by its boot record), never with an earlier run's records of
/// the same payloads.
/// </summary>
public sealed class EgressRunsTests : IDisposable
{
    private const string Vin = "WVWZZZ1JZXW000001";
    private static readonly string Samples = Path.Combine(Captures.RepoRoot, "host-sim", "BmsGuard.HostSim", "samples");
    private readonly TempDir _dir = new();

    public EgressRunsTests()
    {
        Cli("keys", "new", "--role", "owner", "--id", "1", "--out", P("owner.key"));
        Cli("provision", "--vin", Vin, "--owner", P("owner.key"), "--out", P("guard"));
        Cli("policy", "compile", Path.Combine(Samples, "reference-policy.yaml"), "--dbc", Path.Combine(Samples, "reference-bms.dbc"),
            "--key", P("owner.key"), "--vin", Vin, "--version", "1", "--out", P("policy.bin"));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_readme_sequence_verifies_on_every_run_into_the_same_guard_directory()
    {
        for (int run = 1; run <= 3; run++)
        {
            Replay();
            var report = Report();
            Assert.True(report.ExitCode == 0, $"run {run}: {report.Stderr}");
            Assert.Empty(report.Stderr);
            Assert.Contains("verified: every publish in range", report.Stdout, StringComparison.Ordinal);
            Assert.Contains("outbox " + P("out/outbox.txt") + ": 61 publishes in range, 61 in the audit log", report.Stdout, StringComparison.Ordinal);
            if (run > 1)
            {
                Assert.Contains($"runs: the outbox's run only; {61 * (run - 1)} publish records of other runs", report.Stdout, StringComparison.Ordinal);
            }
        }

        // --from within the run: the same times are in every run, the records still pair with their own run.
        var ranged = Report("--from", "2026-01-01T00:00:30Z");
        Assert.True(ranged.ExitCode == 0, ranged.Stderr);
    }

    [Fact]
    public void A_line_missing_from_the_later_run_is_reported_against_that_run_only()
    {
        Replay();
        string firstBoot = BootLine();
        Replay();
        string secondBoot = BootLine();
        Assert.NotEqual(firstBoot, secondBoot);

        // Drop the 10th publish of the second run: the first run's record of the same payload must not stand in for it.
        var lines = File.ReadAllLines(P("out/outbox.txt")).ToList();
        int dropped = lines.FindIndex(l => !l.StartsWith('#')) + 9;
        lines.RemoveAt(dropped);
        File.WriteAllLines(P("out/outbox.txt"), lines);

        var report = Report();
        Assert.Equal(1, report.ExitCode);
        string[] problems = report.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(problems);
        Assert.Contains("missing transparency data: publish record seq=", problems[0], StringComparison.Ordinal);
        uint seq = uint.Parse(problems[0].Split("seq=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seq > uint.Parse(secondBoot, System.Globalization.CultureInfo.InvariantCulture), $"record {seq} is of the first run (second boot {secondBoot})");
        Assert.Contains("NOT VERIFIED: 1 problem", report.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outbox_of_a_run_the_audit_log_does_not_hold_is_a_problem()
    {
        Replay();
        var lines = File.ReadAllLines(P("out/outbox.txt"));
        File.WriteAllLines(P("out/outbox.txt"), lines.Select(l => l.StartsWith("# boot: audit record seq=", StringComparison.Ordinal) ? "# boot: audit record seq=99999" : l));
        var report = Report();
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("the outbox is of the run that booted with audit record seq=99999, which", report.Stderr, StringComparison.Ordinal);
    }

    private string BootLine() =>
        File.ReadLines(P("out/outbox.txt")).Single(l => l.StartsWith("# boot: audit record seq=", StringComparison.Ordinal))["# boot: audit record seq=".Length..];

    private void Replay() => Cli("replay", "--guard", P("guard"), "--policy", P("policy.bin"), "--out", P("out"), "--quiet");

    private CliRun Report(params string[] extra) =>
        CliRun.Of(["egress", "report", "--outbox", P("out/outbox.txt"), "--audit", P("guard/audit.log"), "--key", P("guard/audit.key"), "--policy", P("policy.bin"), .. extra]);

    private string P(string name) => Path.Combine(_dir.Path, name);

    private static void Cli(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Stderr}");
    }
}
