using System.Diagnostics;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using nanoFramework.Device.Can;
using Xunit;

namespace BmsGuard.Tests.Board;

/// <summary>
/// On the board the NUCLEO bridge's receive handler waits before it drains, so that frames of a busy bus share
/// an event; the emulator's bridge drains at once.
/// </summary>
public sealed class CanBridgeCoalescingTests
{
    [Fact]
    public void The_boards_bridge_waits_before_draining_and_the_emulators_does_not()
    {
        using var board = new EmulatedBoard().Activate();
        board.AddController(NucleoF767ZiBoard.BmsController, new NoBus());
        board.AddController(NucleoF767ZiBoard.TcuController, new NoBus());
        var onBoard = Assert.IsType<CanBridge>(new NucleoF767ZiBoard().OpenBridge());
        Assert.Equal(NucleoF767ZiBoard.CoalescingMilliseconds, onBoard.Coalescing);
        onBoard.Close();

        Assert.Equal(0, NucleoF767ZiBoard.Open().Coalescing);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_frame_is_decided_after_the_wait(bool fromBms)
    {
        using var board = new EmulatedBoard().Activate();
        var bms = board.AddController("CAN1", new NoBus());
        var tcu = board.AddController("CAN2", new NoBus());
        var settings = new CanSettings(5, 14, 1, 0);
        var bridge = new CanBridge(CanController.FromId("CAN1", settings), CanController.FromId("CAN2", settings)) { Coalescing = 30 };
        var gateway = new Gateway(RuleTableText.Parse("rule a id=0x100\n", out _, out _));
        bridge.Attach(gateway, new FixedClock(), null);
        var port = fromBms ? bms : tcu;
        var from = fromBms ? GatewayPort.Bms : GatewayPort.Tcu;
        var verdict = fromBms ? Verdict.Forward : Verdict.TcuDefaultDeny;

        // The emulator raises the event inside Receive: the handler waits there, then drains.
        var watch = Stopwatch.StartNew();
        Assert.True(port.Receive(0x100, false, false, new byte[] { 1 }, 1));
        Assert.True(watch.ElapsedMilliseconds >= 30, watch.ElapsedMilliseconds + " ms");
        Assert.Equal(1, gateway.Count(from, verdict));

        bridge.Coalescing = -5;
        Assert.Equal(0, bridge.Coalescing);
    }

    private sealed class FixedClock : IClock
    {
        public long NowMicros => 1_000_000;
    }

    private sealed class NoBus : ICanTransmitSink
    {
        public void OnTransmit(string controllerId, CanMessage message)
        {
        }
    }
}
