using System.Text.RegularExpressions;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Report;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Report;

/// <summary>The collector against the replay's own counts and audit log, and the report through the CLI.</summary>
public sealed class ReportCollectorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_binned_traffic_adds_up_to_the_replays_counts_per_direction_and_reason()
    {
        var (collector, counts, _) = Replay(Captures.BundledSample, null);
        foreach (var side in new[] { GatewayPort.Bms, GatewayPort.Tcu })
        {
            Assert.Equal(counts.Forwarded(side), TrafficSection.Total(collector.Traffic, side, Verdict.Forward));
            foreach (var (reason, n) in counts.DropReasons(side))
            {
                int v = Enumerable.Range(0, VerdictNames.Count).FirstOrDefault(v => VerdictNames.Name((Verdict)v) == reason, -1);
                if (v >= 0)
                {
                    Assert.Equal(n, TrafficSection.Total(collector.Traffic, side, (Verdict)v));
                }
            }
        }

        // Nothing was audited but the boot: no attempts, and the chain verifies.
        Assert.DoesNotContain(collector.Findings!.Attempts, a => !a.Kind.StartsWith("uds", StringComparison.Ordinal));
        Assert.Null(collector.Findings.Audit.Problem);
    }

    [Fact]
    public void Each_attempt_carries_its_verdict_and_the_vehicle_state_it_was_judged_on()
    {
        string capture = ReportSample.Stage(_dir.Path);
        var (collector, _, _) = Replay(capture, Path.Combine(_dir.Path, "guard"));
        var attempts = collector.Findings!.Attempts;
        var contactors = attempts.Where(a => a.Subject == "open-contactors").ToList();
        Assert.Equal(["accepted", "below-threshold", "unsafe"], contactors.Select(a => a.Reason));
        Assert.Equal([true, false, false], contactors.Select(a => a.Allowed));
        // At 3 s the sample stands still; at 20 s it drives.
        Assert.Equal(0, contactors[0].State!.Value.Speed!.Value.Units);
        Assert.True(contactors[2].State!.Value.Speed!.Value.Units > 0);
        Assert.True(contactors[2].State!.Value.Speed!.Value.Fresh);
        Assert.Contains(attempts, a => a.Kind == "command-denied" && a.Reason == "role-mismatch" && a.Subject == "set-charge-target");
        Assert.Contains(attempts, a => a.Kind == "key-provisioned" && a.Subject == "key 2");
        Assert.Contains(attempts, a => a.Kind == "uds-denied" && a.Subject.StartsWith("UDS 7E4 10 02", StringComparison.Ordinal));
        Assert.Null(collector.Findings.Audit.Problem);
    }

    [Fact]
    public void A_tampered_audit_log_is_reported_broken()
    {
        string capture = ReportSample.Stage(_dir.Path);
        string guard = Path.Combine(_dir.Path, "guard");
        ReportSample.Cli("replay", capture, "--guard", guard, "--out", Path.Combine(_dir.Path, "out1"), "--quiet");
        byte[] log = File.ReadAllBytes(Path.Combine(guard, "audit.log"));
        log[40] ^= 1;
        File.WriteAllBytes(Path.Combine(guard, "audit.log"), log);

        string report = Path.Combine(_dir.Path, "report.html");
        ReportSample.Cli("replay", Captures.BundledSample, "--guard", guard, "--out", Path.Combine(_dir.Path, "out2"), "--report", report, "--quiet");
        string html = File.ReadAllText(report);
        Assert.Contains("data-audit=\"broken\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-audit=\"verified\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_one_file_with_no_reference_outside_it_and_an_unwritable_path_is_a_clear_error()
    {
        string report = Path.Combine(_dir.Path, "report.html");
        var run = ReportSample.Cli("replay", "--out", Path.Combine(_dir.Path, "out"), "--report", report);
        Assert.Contains("report: " + report, run.Stderr, StringComparison.Ordinal);
        string html = File.ReadAllText(report);
        // The markup refers to nothing outside the file (plotly.js's own code mentions URLs it never loads here).
        string markup = Regex.Replace(html, "<script[^>]*>.*?</script>", string.Empty, RegexOptions.Singleline);
        Assert.Equal(["#traffic", "#commands", "#telemetry", "#audit"], Regex.Matches(markup, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("no telemetry policy was active", html, StringComparison.Ordinal);
        Assert.True(html.Length < 5_000_000, $"{html.Length} bytes");

        File.WriteAllText(report, "earlier");
        var bad = CliRun.Of("replay", "--out", Path.Combine(_dir.Path, "out"), "--report", Path.Combine(_dir.Path, "no-such-dir", "r.html"));
        Assert.Equal(BmsGuard.HostSim.Cli.BadInput, bad.ExitCode);
        Assert.Contains("cannot write report", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal("earlier", File.ReadAllText(report));
    }

    private static (ReportCollector Collector, ReplayCounts Counts, RuleTable Rules) Replay(string capture, string? guardDir)
    {
        var collector = new ReportCollector();
        var rules = RuleFiles.Load(null);
        var map = ChannelMap.Parse(ChannelMap.DefaultText);
        using var reader = CaptureInput.Open(capture, Path.GetFileName(capture));
        using var recorder = new ReplayRecorder(map, rules, NucleoF767ZiBoard.BmsController, NucleoF767ZiBoard.TcuController, null, null, null, null, null);
        var counts = ReplayEngine.Run(reader, capture, rules, map, recorder, guard: new ReplayGuard
        {
            Files = guardDir == null ? null : GuardFiles.At(Path.GetFullPath(guardDir) + Path.DirectorySeparatorChar),
            Report = collector,
        });
        return (collector, counts, rules);
    }
}
