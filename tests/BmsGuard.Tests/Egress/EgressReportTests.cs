using BmsGuard.Core.Audit;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Egress;

/// <summary><c>bmsguard egress report</c> on an audit log and outbox written by the real uplink (<see cref="EgressBench"/>).</summary>
public sealed class EgressReportTests : IDisposable
{
    private readonly EgressBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void The_bench_published_twelve_messages_and_audited_each()
    {
        Assert.Equal(12, _bench.Published);
        Assert.Equal(12, _bench.Records);
        Assert.Equal(13, _bench.OutboxLines().Length);
        Assert.Equal(12 * EgressBench.RecordBytes, new FileInfo(_bench.Audit).Length);
    }

    [Fact]
    public void An_intact_pair_reports_exact_totals_per_destination_and_topic()
    {
        var run = _bench.Report();
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            [
                $"outbox {_bench.Outbox}: 12 publishes in range, 12 in the audit log; audit {_bench.Audit}: 12 records verified, 12 publish records in range (4 resends)",
                "range: everything",
                "DESTINATION                TOPIC                      MESSAGES  RESENT  BYTES  FIRST                        LAST",
                "127.0.0.1:1883             owner/bms-guard/events            2       0     18  2026-01-01T00:00:10.000000Z  2026-01-01T00:00:20.000000Z",
                "127.0.0.1:1883             owner/bms-guard/telemetry         6       4    108  2026-01-01T00:00:03.000000Z  2026-01-01T00:00:20.000000Z",
                "broker.owner.example:8883  owner/bms-guard/telemetry         4       0     72  2026-01-01T00:00:00.000000Z  2026-01-01T00:00:00.000000Z",
                "total                                                       12       4    198  2026-01-01T00:00:00.000000Z  2026-01-01T00:00:20.000000Z",
                "verified: every publish in range has its audit record and every audited first send in range has its outbox line",
            ],
            Lines(run.Stdout));
    }

    [Fact]
    public void A_time_range_counts_only_the_publishes_inside_it()
    {
        var run = _bench.Report("--from", "2026-01-01T00:00:05Z", "--to", "1767225620");
        Assert.Equal(0, run.ExitCode);
        string[] lines = Lines(run.Stdout);
        Assert.StartsWith($"outbox {_bench.Outbox}: 1 publishes in range, 1 in the audit log; audit {_bench.Audit}: 12 records verified, 1 publish records in range (0 resends)", lines[0], StringComparison.Ordinal);
        Assert.Equal("range: from 2026-01-01T00:00:05.000000Z to 2026-01-01T00:00:20.000000Z (excluded)", lines[1]);
        Assert.Equal("127.0.0.1:1883  owner/bms-guard/events         1       0      9  2026-01-01T00:00:10.000000Z  2026-01-01T00:00:10.000000Z", lines[3]);
        Assert.Equal(["total", "1", "0", "9", "2026-01-01T00:00:10.000000Z", "2026-01-01T00:00:10.000000Z"], Total(run.Stdout));
        Assert.Equal(6, lines.Length);

        var from = _bench.Report("--from", "1767225603.000000");
        Assert.Equal(0, from.ExitCode);
        Assert.Equal(["total", "8", "4", "126", "2026-01-01T00:00:03.000000Z", "2026-01-01T00:00:20.000000Z"], Total(from.Stdout));

        var before = _bench.Report("--to", "2026-01-01T00:00:10+00:00");
        Assert.Equal(["total", "8", "4", "144", "2026-01-01T00:00:00.000000Z", "2026-01-01T00:00:03.000000Z"], Total(before.Stdout));
    }

    [Fact]
    public void An_extra_outbox_line_is_unlogged_egress_naming_the_line()
    {
        var lines = _bench.OutboxLines().ToList();
        lines.Insert(5, "1767225601.500000 evil.example:443 owner/bms-guard/telemetry 3 DEADBE");
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"bmsguard: {_bench.Outbox}:6: unlogged egress: 3 bytes to evil.example:443 on owner/bms-guard/telemetry at 2026-01-01T00:00:01.500000Z have no publish record in {_bench.Audit}",
            run.Stderr.Trim());
        Assert.Contains("evil.example:443           owner/bms-guard/telemetry         1       0      3", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("NOT VERIFIED: 1 problem (on standard error)", run.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_a_later_line_is_unlogged_and_does_not_swallow_the_lines_between()
    {
        var lines = _bench.OutboxLines().ToList();
        lines.Insert(2, lines[10]); // m4's line (T0+20 s) again, after m0's first send
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"bmsguard: {_bench.Outbox}:3: unlogged egress: 18 bytes to 127.0.0.1:1883 on owner/bms-guard/telemetry at 2026-01-01T00:00:20.000000Z have no publish record in {_bench.Audit}",
            run.Stderr.Trim());
    }

    [Fact]
    public void A_deleted_outbox_line_is_missing_transparency_data_naming_the_record()
    {
        var lines = _bench.OutboxLines().ToList();
        lines.RemoveAt(2); // line 3: the first send of m1, publish record 2
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"bmsguard: {_bench.Audit}:{EgressBench.OffsetOf(2)}: missing transparency data: publish record seq=2 at 2026-01-01T00:00:00.000000Z (18 bytes on owner/bms-guard/telemetry) has no line in {_bench.Outbox}",
            run.Stderr.Trim());
    }

    [Fact]
    public void A_deleted_resend_line_is_allowed_the_first_send_is_in_the_outbox()
    {
        var lines = _bench.OutboxLines().ToList();
        lines.RemoveAt(6); // line 7: the resend of m1
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Contains("127.0.0.1:1883             owner/bms-guard/telemetry         5       3     90", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modified_payload_is_tampered_naming_line_and_record()
    {
        var lines = _bench.OutboxLines();
        string[] f = lines[3].Split(' ');
        f[4] = (f[4][0] == '0' ? "1" : "0") + f[4][1..];
        lines[3] = string.Join(' ', f);
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"bmsguard: {_bench.Outbox}:4: tampered: payload digest differs (publish record seq=3 at {_bench.Audit}:{EgressBench.OffsetOf(3)}, owner/bms-guard/telemetry)",
            run.Stderr.Trim());
    }

    [Fact]
    public void A_shortened_payload_is_tampered_by_size()
    {
        var lines = _bench.OutboxLines();
        string[] f = lines[10].Split(' ');
        lines[10] = string.Join(' ', f[0], f[1], f[2], "9", f[4][..18]);
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"bmsguard: {_bench.Outbox}:11: tampered: size 9 bytes, the record says 18 (publish record seq=10 at {_bench.Audit}:{EgressBench.OffsetOf(10)}, owner/bms-guard/telemetry)",
            run.Stderr.Trim());
    }

    [Fact]
    public void A_tampered_audit_log_fails_with_the_offset_of_the_edit()
    {
        byte[] bytes = File.ReadAllBytes(_bench.Audit);
        bytes[EgressBench.OffsetOf(5) + AuditRecord.HeaderSize + 9] ^= 0x01; // record 5's stated size
        File.WriteAllBytes(_bench.Audit, bytes);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        string[] errors = Lines(run.Stderr);
        Assert.Equal($"bmsguard: {_bench.Audit}:{EgressBench.OffsetOf(5)}: sequence 5: edited (tag mismatch)", errors[0]);

        // Records after the break cannot be trusted: the lines of publishes 5..12 are unlogged.
        Assert.Equal(9, errors.Length);
        Assert.All(errors[1..], e => Assert.Contains(": unlogged egress: ", e, StringComparison.Ordinal));
        Assert.StartsWith($"bmsguard: {_bench.Outbox}:6:", errors[1], StringComparison.Ordinal);
        Assert.Contains($"audit {_bench.Audit}: 4 records verified", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatches_are_reported_only_inside_the_range()
    {
        var lines = _bench.OutboxLines().ToList();
        lines.RemoveAt(2); // the first send of m1 at T0
        _bench.RewriteOutbox(lines);
        Assert.Equal(0, _bench.Report("--from", "1767225603").ExitCode);
        var run = _bench.Report("--to", "1767225603");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{_bench.Audit}:{EgressBench.OffsetOf(2)}: missing transparency data", run.Stderr, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Total(string stdout) =>
        Lines(stdout).Single(l => l.StartsWith("total ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
