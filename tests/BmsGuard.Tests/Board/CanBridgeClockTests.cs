using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using nanoFramework.Device.Can;
using Xunit;

namespace BmsGuard.Tests.Board;

/// <summary>
/// The NUCLEO bridge reads the clock for the first frame of a drain and every
/// <see cref="DrainClock.Every"/> frames after, and decides each frame at the last reading.
/// </summary>
public sealed class CanBridgeClockTests
{
    [Fact]
    public void A_drain_of_twenty_frames_reads_the_clock_three_times_and_decides_at_those_readings()
    {
        using var board = new EmulatedBoard().Activate();
        var bus = new NoBus();
        var bmsPort = board.AddController("CAN1", bus);
        board.AddController("CAN2", bus);
        var settings = new CanSettings(5, 14, 1, 0);
        var bridge = new CanBridge(CanController.FromId("CAN1", settings), CanController.FromId("CAN2", settings));

        // Queued before the bridge listens: the poll drains all twenty at once.
        for (int i = 0; i < 20; i++)
        {
            Assert.True(bmsPort.Receive(0x100, false, false, new byte[] { (byte)i }, 1));
        }

        var gateway = new Gateway(RuleTableText.Parse("rule a id=0x100\n", out _, out _));
        var times = new Times();
        gateway.Sink = times;
        var clock = new CountingClock();
        bridge.Attach(gateway, clock, null);
        bridge.Poll();

        Assert.Equal(3, clock.Reads);
        long[] expected = new long[20];
        for (int i = 0; i < 20; i++)
        {
            expected[i] = 1000 * (1 + (i / DrainClock.Every));
        }

        Assert.Equal(expected, times.Decided.ToArray());
        Assert.Equal(20, gateway.Count(GatewayPort.Bms, Verdict.Forward));
    }

    private sealed class CountingClock : IClock
    {
        public int Reads { get; private set; }

        public long NowMicros => 1000 * ++Reads;
    }

    private sealed class Times : IDecisionSink
    {
        public List<long> Decided { get; } = [];

        public void OnDecision(GatewayPort from, uint id, bool extended, bool remote, byte[] data, int length, Verdict verdict, int ruleIndex, long nowMicros) =>
            Decided.Add(nowMicros);
    }

    private sealed class NoBus : ICanTransmitSink
    {
        public void OnTransmit(string controllerId, CanMessage message)
        {
        }
    }
}
