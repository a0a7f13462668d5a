using BmsGuard.Core;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>
/// The gateway calls the active telemetry sanitizer itself (observer and egress filter, no wrapper per
/// frame); a policy accepted while running puts the new sanitizer in the old one's place and leaves the
/// other observers (vehicle state, a report collector) as they were.
/// </summary>
public sealed class PolicySwapTests : IDisposable
{
    private readonly GuardBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public void A_new_policy_replaces_the_sanitizer_the_gateway_calls_and_keeps_the_other_observers()
    {
        var guard = _bench.Boot();
        var gateway = new Gateway(RuleTableText.Parse(ReferenceRules.Text, out _, out _));
        guard.Attach(gateway);
        Assert.Null(guard.Telemetry.Sanitizer);
        Assert.Null(gateway.EgressFilter);
        var extra = new Counting();
        gateway.AddObserver(extra);

        Assert.Equal(BundleReason.Accepted, guard.Telemetry.OfferPolicy(_bench.Bundle, _bench.Bundle.Length, GuardBench.Now));
        TelemetrySanitizer first = guard.Telemetry.Sanitizer!;
        Assert.Same(first, gateway.EgressFilter);
        Decide(gateway, 10);
        Assert.Equal(10, first.FramesObserved);
        Assert.Equal(10, guard.VehicleState.FramesObserved);
        Assert.Equal(10, extra.Frames);

        byte[] next = _bench.Forge(_bench.Bundle, 2);
        Assert.Equal(BundleReason.Accepted, guard.Telemetry.OfferPolicy(next, next.Length, GuardBench.Now + 1));
        TelemetrySanitizer second = guard.Telemetry.Sanitizer!;
        Assert.NotSame(first, second);
        Assert.Same(second, gateway.EgressFilter);
        Decide(gateway, 5);
        Assert.Equal(10, first.FramesObserved);
        Assert.Equal(5, second.FramesObserved);
        Assert.Equal(15, guard.VehicleState.FramesObserved);
        Assert.Equal(15, extra.Frames);
    }

    // PackStatus (0x1F0): a frame the reference rules forward, the reference safety taps read and the policy names.
    private static void Decide(Gateway gateway, int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            gateway.Decide(GatewayPort.Bms, 0x1F0, false, false, new byte[8], 8, GuardBench.Now + (i * 20_000));
        }
    }

    private sealed class Counting : IBusObserver
    {
        public int Frames { get; private set; }

        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros) => Frames++;
    }
}
