using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Verbs;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Egress;

/// <summary><c>bmsguard egress report</c>: per-signal counts through a decoder, usage and input errors.</summary>
public sealed class EgressCommandTests : IDisposable
{
    private readonly EgressBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void With_a_policy_and_a_decoder_samples_are_counted_per_signal()
    {
        string bundle = Bundle();
        var (code, stdout, stderr) = Run(_ => new SampleRecordDecoder(), "--policy", bundle);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var policy = Policy(bundle);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int header = Array.FindIndex(lines, l => l.StartsWith("SIGNAL ", StringComparison.Ordinal));
        Assert.True(header > 0, stdout);
        Assert.Equal(policy.SignalCount, lines.Skip(header + 1).TakeWhile(l => !l.StartsWith("policy ", StringComparison.Ordinal)).Count());

        // Telemetry lines (10, resends included) carry signals 0 and 1, event lines (2) signal 2.
        Assert.Equal([policy.Signal(0).Name, "10", "2025-12-31T23:59:59.999000Z", "2026-01-01T00:00:19.000001Z"], Fields(lines[header + 1]));
        Assert.Equal([policy.Signal(1).Name, "10", "2025-12-31T23:59:59.999000Z", "2026-01-01T00:00:19.000006Z"], Fields(lines[header + 2]));
        Assert.Equal([policy.Signal(2).Name, "2", "2026-01-01T00:00:09.000000Z", "2026-01-01T00:00:19.000002Z"], Fields(lines[header + 3]));
        Assert.Equal([policy.Signal(3).Name, "0", "-", "-"], Fields(lines[header + 4]));
        Assert.Contains($"policy {bundle}: version 1 for {PolicyFiles.Vin}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_the_decoder_rejects_fails_naming_the_line()
    {
        var lines = _bench.OutboxLines();
        lines[9] = string.Join(' ', lines[9].Split(' ')[..3]) + " 1 00"; // line 10: e0, cut to one byte
        _bench.RewriteOutbox(lines);
        var (code, _, stderr) = Run(_ => new SampleRecordDecoder(), "--policy", Bundle());
        Assert.Equal(1, code);
        Assert.Contains($"bmsguard: {_bench.Outbox}:10: payload does not decode: 1 bytes are not whole 9-byte samples", stderr, StringComparison.Ordinal);
        Assert.Contains($"bmsguard: {_bench.Outbox}:10: tampered: size 1 bytes, the record says 9", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Payloads_that_are_not_telemetry_batches_fail_the_built_in_decoder()
    {
        // The bench's payloads use a test format; the CLI's own decoder reads only TelemetryBatch payloads.
        var run = _bench.Report("--policy", Bundle());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("payload does not decode", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Brokers_and_topics_outside_the_policy_are_warnings()
    {
        var lines = _bench.OutboxLines();
        lines[1] = lines[1].Replace("broker.owner.example:8883", "tracker.example:1883", StringComparison.Ordinal);
        _bench.RewriteOutbox(lines);
        var (code, _, stderr) = Run(_ => new SampleRecordDecoder(), "--policy", Bundle());
        Assert.Equal(0, code);
        Assert.Equal($"bmsguard: warning: {_bench.Outbox}:2: broker tracker.example is not on the policy's broker list", stderr.Trim());
    }

    [Theory]
    [InlineData(new string[] { "egress" }, "'egress' needs one of: report (try: bmsguard egress --help)")]
    [InlineData(new string[] { "egress", "show" }, "unknown command 'show' for 'egress' (try: bmsguard egress --help)")]
    [InlineData(new string[] { "egress", "report", "--audit", "a", "--key", "k" }, "egress report needs --outbox FILE (try: bmsguard egress report --help)")]
    [InlineData(new string[] { "egress", "report", "--outbox", "o", "--key", "k" }, "egress report needs --audit LOG (try: bmsguard egress report --help)")]
    [InlineData(new string[] { "egress", "report", "--outbox", "o", "--audit", "a" }, "egress report needs --key AUDITKEY (try: bmsguard egress report --help)")]
    [InlineData(new string[] { "egress", "report", "--outbox", "o", "--audit", "a", "--key", "k", "--from", "yesterday" }, "--from must be unix seconds (up to 6 decimals) or an ISO 8601 time like 2026-01-01T00:00:05Z, not 'yesterday' (try: bmsguard egress report --help)")]
    [InlineData(new string[] { "egress", "report", "--outbox", "o", "--audit", "a", "--key", "k", "--from", "20", "--to", "10" }, "--from must be before --to (try: bmsguard egress report --help)")]
    [InlineData(new string[] { "egress", "report", "--outbox", "o", "--audit", "a", "--key", "k", "--since", "1" }, "unknown option --since for 'egress report' (try: bmsguard egress report --help)")]
    public void Usage_errors_exit_2(string[] args, string message)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"bmsguard: {message}", run.Stderr.Trim());
    }

    [Fact]
    public void A_bad_outbox_line_exits_1_with_file_and_line()
    {
        var lines = _bench.OutboxLines();
        lines[4] = "not a line";
        _bench.RewriteOutbox(lines);
        var run = _bench.Report();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {_bench.Outbox}:5: expected 5 fields (TIME DESTINATION TOPIC SIZE HEX), found 3", run.Stderr.Trim());
    }

    [Fact]
    public void Missing_files_and_a_bad_bundle_exit_1()
    {
        Assert.Equal(1, CliRun.Of("egress", "report", "--outbox", _bench.File("none.txt"), "--audit", _bench.Audit, "--key", _bench.KeyFile).ExitCode);
        Assert.Equal(1, CliRun.Of("egress", "report", "--outbox", _bench.Outbox, "--audit", _bench.File("none.bin"), "--key", _bench.KeyFile).ExitCode);
        var bad = _bench.Report("--policy", _bench.File("bad.bundle", "not a bundle"));
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith($"bmsguard: {_bench.File("bad.bundle")}: not a valid policy bundle", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_command()
    {
        Assert.Contains("egress", CliRun.Of("help").Stdout, StringComparison.Ordinal);
        string help = CliRun.Of("egress", "report", "--help").Stdout;
        Assert.Contains("--outbox <FILE>", help, StringComparison.Ordinal);
        Assert.Contains("--audit <LOG>", help, StringComparison.Ordinal);
    }

    private string Bundle()
    {
        using var dir = new TempDir();
        var (keyPath, _) = PolicyFiles.NewKey(dir, "owner.key");
        var (run, bundle) = PolicyFiles.Compile(dir, PolicyFiles.ReferencePolicy, keyPath);
        Assert.Equal(0, run.ExitCode);
        string copy = _bench.File("policy.bundle");
        File.Copy(bundle, copy);
        return copy;
    }

    private static TelemetryPolicy Policy(string bundle)
    {
        byte[] data = File.ReadAllBytes(bundle);
        return TelemetryBundle.Read(data, data.Length, out _, out _)!.Policy;
    }

    private (int Code, string Stdout, string Stderr) Run(Func<TelemetryPolicy, BmsGuard.HostSim.Egress.IPayloadDecoder?> decoders, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = ["egress", "report", "--outbox", _bench.Outbox, "--audit", _bench.Audit, "--key", _bench.KeyFile, .. extra];
        int code = EgressCommand.Run(CommandLine.Parse(args), stdout, stderr, decoders);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Fields(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
