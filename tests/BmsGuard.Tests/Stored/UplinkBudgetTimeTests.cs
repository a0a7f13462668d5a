using BmsGuard.Device;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>
/// With a wall clock for the uplink (replay --mqtt), the egress budget still runs on the capture's time:
/// a replay faster than real time gets the allowance of the hours it replays, not of the seconds it takes.
/// </summary>
public sealed class UplinkBudgetTimeTests : IDisposable
{
    private readonly GuardBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void The_egress_budget_refills_on_capture_time_when_the_uplink_runs_on_a_wall_clock()
    {
        var guard = _bench.Boot();
        byte[] bundle = _bench.Forge(_bench.Bundle, 2, 4, 1000); // 1,000 bytes per hour
        Assert.Equal(0, guard.Telemetry.OfferPolicy(bundle, bundle.Length, GuardBench.Now));
        guard.Telemetry.UplinkClock = new FrozenClock(GuardBench.Now);
        guard.Telemetry.Connect(new GuardBench.AcceptingTransport(), "broker.owner.example");

        // 400 bytes every 10 minutes for 5 hours of capture time: 12,000 bytes offered, about 6,000 allowed.
        byte[] payload = new byte[400];
        long t = GuardBench.Now;
        for (int i = 0; i < 30; i++)
        {
            t += 600_000_000;
            guard.Telemetry.Publish(0, payload, payload.Length);
            guard.Tick(t);
        }

        long published = guard.Telemetry.Uplink!.Counters.Published;
        Assert.InRange(published, 13, 16);
    }

    private sealed class FrozenClock(long micros) : IClock
    {
        public long NowMicros => micros;
    }
}
