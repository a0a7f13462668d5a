using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>
/// A signed policy bundle the guard cannot run never gets stored, and one already stored is skipped at
/// boot with an audit record while the last good one stays active: no stored bundle makes the guard throw.
/// </summary>
public sealed class StoredPolicyTests : IDisposable
{
    // Body offset of the i64 egress budget (TelemetryPolicyCodec: four u8 counts and flags first).
    private const int EgressAt = 4;

    private readonly GuardBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData("100")]
    [InlineData("511")]
    [InlineData("2000000001")]
    public void Policy_compile_refuses_a_budget_the_uplink_cannot_run_at_its_line(string budget)
    {
        string yaml = File.ReadAllText(PolicyFiles.ReferencePolicy).Replace("bytes-per-hour: 250000", "bytes-per-hour: " + budget, StringComparison.Ordinal);
        string path = _bench.Dir.File("p.yaml", yaml);
        var run = PolicyFiles.Compile(_bench.Dir, path, _bench.KeyPath).Run;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:11: bytes-per-hour must be an integer from 512 to 2000000000", run.Stderr);
    }

    [Fact]
    public void Policy_compile_refuses_a_topic_prefix_the_uplink_cannot_publish_to()
    {
        string yaml = File.ReadAllText(PolicyFiles.ReferencePolicy).Replace("topic-prefix: owner/bms-guard/", "topic-prefix: \"owner/bms guard/\"", StringComparison.Ordinal);
        string path = _bench.Dir.File("p.yaml", yaml);
        var run = PolicyFiles.Compile(_bench.Dir, path, _bench.KeyPath).Run;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:9: topic-prefix 'owner/bms guard/': uplink: topic 0: ", run.Stderr);
    }

    [Theory]
    [InlineData(100L)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(2_000_000_001L)]
    public void A_signed_bundle_whose_budget_the_uplink_refuses_is_refused_before_it_is_stored(long budget)
    {
        var guard = _bench.Boot();
        Assert.Equal(BundleReason.Accepted, guard.Telemetry.OfferPolicy(_bench.Bundle, _bench.Bundle.Length, GuardBench.Now));
        long stored = new FileInfo(_bench.File(GuardFiles.PolicyName)).Length;

        byte[] forged = _bench.Forge(_bench.Bundle, 2, EgressAt, budget);
        Assert.Equal(BundleReason.BadBody, guard.Telemetry.OfferPolicy(forged, forged.Length, GuardBench.Now + 1));
        Assert.Equal(1u, guard.Telemetry.Store.ActiveVersion);
        Assert.NotNull(guard.Telemetry.Uplink);
        Assert.Equal(stored, new FileInfo(_bench.File(GuardFiles.PolicyName)).Length);
        Assert.Contains(_bench.Audit(guard), r => r.Kind == AuditKind.PolicyLoaded && r.Reason == BundleReason.BadBody);
    }

    [Fact]
    public void A_stored_bundle_that_cannot_be_applied_is_skipped_and_audited_and_the_last_good_one_stays_active()
    {
        _bench.Store(_bench.Bundle);
        _bench.Store(_bench.Forge(_bench.Bundle, 2, EgressAt, 100));

        for (int boot = 0; boot < 2; boot++)
        {
            var guard = _bench.Boot(GuardBench.Now + boot);
            Assert.Equal(1u, guard.Telemetry.Store.ActiveVersion);
            Assert.NotNull(guard.Telemetry.Uplink);
            Assert.Equal(1, guard.Telemetry.Store.RefusedAtLoad);
            var refused = _bench.Audit(guard).Where(r => r.Kind == AuditKind.PolicyLoaded && r.Reason == BundleReason.BadBody).ToList();
            Assert.Equal(boot + 1, refused.Count);
            Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 0, 0, 2 }, refused[^1].Detail);
        }
    }

    [Fact]
    public void A_bundle_may_raise_the_version_by_at_most_a_million_so_none_can_block_later_updates()
    {
        var guard = _bench.Boot();
        byte[] max = _bench.Forge(_bench.Bundle, uint.MaxValue);
        Assert.Equal(BundleReason.VersionJump, guard.Telemetry.OfferPolicy(max, max.Length, GuardBench.Now));
        byte[] far = _bench.Forge(_bench.Bundle, PolicyStore.MaxVersionStep + 1);
        Assert.Equal(BundleReason.VersionJump, guard.Telemetry.OfferPolicy(far, far.Length, GuardBench.Now));
        byte[] step = _bench.Forge(_bench.Bundle, PolicyStore.MaxVersionStep);
        Assert.Equal(BundleReason.Accepted, guard.Telemetry.OfferPolicy(step, step.Length, GuardBench.Now));
        byte[] next = _bench.Forge(_bench.Bundle, PolicyStore.MaxVersionStep + 5);
        Assert.Equal(BundleReason.Accepted, guard.Telemetry.OfferPolicy(next, next.Length, GuardBench.Now));
        Assert.Equal(PolicyStore.MaxVersionStep + 5, _bench.Boot().Telemetry.Store.ActiveVersion);
    }

    [Fact]
    public void Policy_compile_warns_that_a_version_far_above_a_million_is_refused_by_a_guard_that_runs_less()
    {
        var (run, bundle) = PolicyFiles.Compile(_bench.Dir, PolicyFiles.ReferencePolicy, _bench.KeyPath, version: uint.MaxValue);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("warning: a guard takes a version at most 1000000 above the one it runs", run.Stderr);
        byte[] data = File.ReadAllBytes(bundle);
        Assert.Equal(BundleReason.VersionJump, _bench.Boot().Telemetry.OfferPolicy(data, data.Length, GuardBench.Now));
        Assert.DoesNotContain("warning", PolicyFiles.Compile(_bench.Dir, PolicyFiles.ReferencePolicy, _bench.KeyPath, version: 7).Run.Stderr);
    }
}
