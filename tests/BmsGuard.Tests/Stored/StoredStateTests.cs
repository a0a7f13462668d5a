using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Device;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>
/// What the guard keeps outside its own files' reach says at boot why it refuses: a rollback anchor above
/// the stored state is audited with both values, and a deleted or shortened audit log is told from a new one.
/// </summary>
public sealed class StoredStateTests : IDisposable
{
    private readonly GuardBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void An_anchor_written_to_all_ones_is_audited_with_the_generation_it_denies()
    {
        _bench.Boot(); // first boot installs the owner key: state generation 1
        uint generation = StoredGeneration();
        Assert.True(generation > 0);
        File.WriteAllBytes(_bench.File(GuardFiles.AnchorName), [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);

        var guard = _bench.Boot();
        Assert.Equal(StateLoad.RollbackDetected, guard.Commands.LoadResult);
        var rollback = Assert.Single(_bench.Audit(guard), r => r.Kind == AuditKind.RollbackDetected);
        Assert.Equal([.. Be(generation), 0xFF, 0xFF, 0xFF, 0xFF], rollback.Detail);
    }

    [Fact]
    public void A_deleted_audit_log_is_found_at_boot_and_verify_reports_the_loss()
    {
        var guard = _bench.Boot();
        for (int i = 0; i < 40; i++)
        {
            guard.Audit.Record(GuardBench.Now + i, AuditKind.UdsAllowed, 1, null, 0);
        }

        uint before = guard.Audit.LastSequence;
        File.Delete(_bench.File(GuardFiles.AuditName));

        var rebooted = _bench.Boot(GuardBench.Now + 1_000_000);
        Assert.True(rebooted.Audit.MissingRecords > 0);
        Assert.True(rebooted.Audit.LastSequence > before - AuditLog.CheckpointEvery, "numbering goes on past the checkpoint, not from 1");
        var marker = _bench.Audit(rebooted)[0];
        Assert.Equal((AuditKind.LogRecovered, AuditProblem.Truncated), (marker.Kind, marker.Reason));

        var verify = CliRun.Of("audit", "verify", _bench.File(GuardFiles.AuditName), "--key", _bench.File("audit.key"));
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("log ends at sequence 0, expected at least", verify.Stderr);
    }

    [Fact]
    public void An_audit_log_cut_at_a_record_boundary_is_found_at_boot()
    {
        var guard = _bench.Boot();
        for (int i = 0; i < 40; i++)
        {
            guard.Audit.Record(GuardBench.Now + i, AuditKind.UdsAllowed, 1, null, 0);
        }

        // Keep the first records only: a chain that verifies on its own.
        long cut = RecordEnd(guard, 5);
        using (var f = new FileStream(_bench.File(GuardFiles.AuditName), FileMode.Open))
        {
            f.SetLength(cut);
        }

        var rebooted = _bench.Boot(GuardBench.Now + 1_000_000);
        Assert.True(rebooted.Audit.MissingRecords >= 40 - AuditLog.CheckpointEvery);
        var verify = CliRun.Of("audit", "verify", _bench.File(GuardFiles.AuditName), "--key", _bench.File("audit.key"));
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("log ends at sequence 5, expected at least", verify.Stderr);
    }

    [Fact]
    public void A_new_guard_with_an_empty_log_reports_nothing_missing()
    {
        var guard = _bench.Boot();
        Assert.Equal(0, guard.Audit.MissingRecords);
        var verify = CliRun.Of("audit", "verify", _bench.File(GuardFiles.AuditName), "--key", _bench.File("audit.key"));
        Assert.True(verify.ExitCode == 0, verify.Stderr);
    }

    private long RecordEnd(BmsGuard.Device.Guard guard, int records)
    {
        var scanner = new AuditScanner(guard.Identity!.DeriveKey("audit"));
        scanner.Start(new FlashStorageFile(_bench.File(GuardFiles.AuditName)));
        long end = 0;
        for (int i = 0; i < records && scanner.Next() == AuditScanner.Record; i++)
        {
            end = scanner.Offset + scanner.RecordLength;
        }

        return end;
    }

    private uint StoredGeneration()
    {
        byte[] a = File.Exists(_bench.File(GuardFiles.StateAName)) ? File.ReadAllBytes(_bench.File(GuardFiles.StateAName)) : new byte[8];
        byte[] b = File.Exists(_bench.File(GuardFiles.StateBName)) ? File.ReadAllBytes(_bench.File(GuardFiles.StateBName)) : new byte[8];
        return Math.Max(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(a.AsSpan(4)), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(4)));
    }

    private static byte[] Be(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
