using System.Security.Cryptography;
using BmsGuard.Core.Audit;
using BmsGuard.HostSim.Audit;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Audit;

/// <summary><c>bmsguard audit verify|show</c> end to end, on logs written through <see cref="FileStorageFile"/>.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _keyFile;
    private readonly string _log;
    private readonly List<long> _offsets = [];

    public AuditCommandTests()
    {
        _keyFile = _dir.File("audit.key", Convert.ToHexString(_key).ToLowerInvariant() + "\n");
        _log = _dir.File("audit.bin");
        using var file = FileStorageFile.Open(_log);
        var log = new AuditLog(file, _key);
        log.Open(0);
        for (int i = 1; i <= 5; i++)
        {
            _offsets.Add(file.Length);
            log.Record(i * 1_000_001L, i % 2 == 0 ? AuditKind.UdsDenied : AuditKind.UdsAllowed, i, [0x22, 0xF1, (byte)i], 3);
        }

        _offsets.Add(file.Length);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Verify_an_intact_log_exits_0_with_the_count_and_head()
    {
        var run = CliRun.Of("audit", "verify", _log, "--key", _keyFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches($"^{Regex(_log)}: 5 records verified, last sequence 5, head tag [0-9A-F]{{32}}$", run.Stdout.Trim());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Show_prints_one_line_per_record()
    {
        var run = CliRun.Of("audit", "show", _log, "--key", _keyFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "1.000001 seq=1 kind=uds-allowed reason=1:continuation detail=22F101",
                "2.000002 seq=2 kind=uds-denied reason=2:flow-control detail=22F102",
                "3.000003 seq=3 kind=uds-allowed reason=3:denied-no-window detail=22F103",
                "4.000004 seq=4 kind=uds-denied reason=4:denied-did detail=22F104",
                "5.000005 seq=5 kind=uds-allowed reason=5:denied-service detail=22F105",
            ],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Show_names_a_loop_faults_step()
    {
        string log = _dir.File("faults.bin");
        using (var file = FileStorageFile.Open(log))
        {
            var audit = new AuditLog(file, _key);
            audit.Open(0);
            var faults = new BmsGuard.Core.Faults.LoopFaults();
            faults.Fault(BmsGuard.Core.Faults.LoopStep.Receive, new InvalidOperationException(), 2_000_000);
            byte[] detail = new byte[BmsGuard.Core.Faults.LoopFaults.DetailLength];
            faults.WriteDetail(detail, false);
            audit.Record(2_000_000, AuditKind.LoopFault, faults.LastStep, detail, detail.Length);
        }

        var run = CliRun.Of("audit", "show", log, "--key", _keyFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2.000000 seq=1 kind=loop-fault reason=4:receive detail=04000000000100000000", run.Stdout.Trim());
    }

    [Fact]
    public void Edited_record_exits_1_with_offset_sequence_and_reason()
    {
        byte[] bytes = File.ReadAllBytes(_log);
        bytes[_offsets[2] + AuditRecord.ReasonOffset + 1] ^= 0x80;
        File.WriteAllBytes(_log, bytes);
        var run = CliRun.Of("audit", "verify", _log, "--key", _keyFile);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {_log}:{_offsets[2]}: sequence 3: edited (tag mismatch)", run.Stderr.Trim());
        Assert.StartsWith($"{_log}: 2 records verified, last sequence 2,", run.Stdout, StringComparison.Ordinal);

        var show = CliRun.Of("audit", "show", _log, "--key", _keyFile);
        Assert.Equal(1, show.ExitCode);
        Assert.Equal(2, show.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal($"bmsguard: {_log}:{_offsets[2]}: sequence 3: edited (tag mismatch)", show.Stderr.Trim());
    }

    [Fact]
    public void Deleted_record_names_the_gap()
    {
        byte[] bytes = File.ReadAllBytes(_log);
        File.WriteAllBytes(_log, [.. bytes[..(int)_offsets[1]], .. bytes[(int)_offsets[2]..]]);
        var run = CliRun.Of("audit", "verify", _log, "--key", _keyFile);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {_log}:{_offsets[1]}: expected sequence 2, found 3: deleted (sequence gap)", run.Stderr.Trim());
    }

    [Fact]
    public void Wrong_key_says_the_key_may_be_wrong()
    {
        string other = _dir.File("other.key", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var run = CliRun.Of("audit", "verify", _log, "--key", other);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {_log}:0: sequence 1: edited (tag mismatch), or the key is wrong", run.Stderr.Trim());
    }

    [Fact]
    public void Torn_tail_is_a_warning_and_expect_seq_catches_lost_records()
    {
        using (var s = new FileStream(_log, FileMode.Open))
        {
            s.SetLength(_offsets[4] + 7);
        }

        var run = CliRun.Of("audit", "verify", _log, "--key", _keyFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"bmsguard: warning: {_log}:{_offsets[4]}: torn tail of 7 bytes (incomplete last record, power cut during an append); the device cuts it when it next opens the log",
            run.Stderr.Trim());

        var expect = CliRun.Of("audit", "verify", _log, "--key", _keyFile, "--expect-seq", "5");
        Assert.Equal(1, expect.ExitCode);
        Assert.EndsWith($"bmsguard: {_log}:{_offsets[4]}: log ends at sequence 4, expected at least 5: truncated (records missing at the end)", expect.Stderr.Trim(), StringComparison.Ordinal);

        // The device's recovery on the next boot, through the host file: the tail is cut and marked.
        using (var file = FileStorageFile.Open(_log))
        {
            Assert.Equal(AuditProblem.TornTail, new AuditLog(file, _key).Open(9_000_000));
        }

        var after = CliRun.Of("audit", "show", _log, "--key", _keyFile);
        Assert.Equal(0, after.ExitCode);
        Assert.EndsWith($"9.000000 seq=5 kind=log-recovered reason=1:torn-tail detail={_offsets[4]:X8}{_offsets[4]:X8}00000007", after.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "audit" }, "'audit' needs one of: verify, show (try: bmsguard audit --help)")]
    [InlineData(new[] { "audit", "check", "x" }, "unknown command 'check' for 'audit' (try: bmsguard audit --help)")]
    [InlineData(new[] { "audit", "verfy", "x" }, "unknown command 'verfy' for 'audit' (did you mean verify?) (try: bmsguard audit --help)")]
    [InlineData(new[] { "audit", "verify", "x" }, "audit verify needs --key KEYFILE (try: bmsguard audit verify --help)")]
    [InlineData(new[] { "audit", "verify", "--key", "k" }, "'audit verify' is missing its arguments <log>: audit.log (try: bmsguard audit verify --help)")]
    [InlineData(new[] { "audit", "verify", "x", "--key", "k", "--expect-seq", "zero" }, "--expect-seq must be a sequence number from 1 to 4294967295, not 'zero' (try: bmsguard audit verify --help)")]
    [InlineData(new[] { "audit", "show", "x", "--key", "k", "--expect-seq", "3" }, "unknown option --expect-seq for 'audit show' (try: bmsguard audit show --help)")]
    [InlineData(new[] { "audit", "verify", "x", "--kye", "k" }, "unknown option --kye for 'audit verify' (did you mean --key?) (try: bmsguard audit verify --help)")]
    public void Bad_command_lines_exit_2(string[] args, string message)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"bmsguard: {message}", run.Stderr.Trim());
    }

    [Fact]
    public void Bad_key_file_and_missing_log_exit_1()
    {
        string shortKey = _dir.File("short.key", "00112233");
        var run = CliRun.Of("audit", "verify", _log, "--key", shortKey);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"bmsguard: {shortKey}: an audit key file holds 64 hex digits (a 32-byte key), not 8 hex digits", run.Stderr.Trim());

        string missing = Path.Combine(_dir.Path, "missing.bin");
        var none = CliRun.Of("audit", "show", missing, "--key", _keyFile);
        Assert.Equal(1, none.ExitCode);
        Assert.StartsWith($"bmsguard: cannot read audit log '{missing}':", none.Stderr, StringComparison.Ordinal);
    }

    private static string Regex(string s) => System.Text.RegularExpressions.Regex.Escape(s);
}
