using Xunit;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>Both receive buffers, rollover, overflow (DS20001801 4.2, Figure 4-2, EFLG) and what the driver counts.</summary>
public sealed class ReceiveBufferTests
{
    [Fact]
    public void Rollover_fills_RXB1_and_the_driver_reads_in_arrival_order()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(rollover: true);
        Assert.True(rig.FromBus(0x101, false, 1));
        Assert.True(rig.FromBus(0x102, false, 2));
        Assert.Equal(0, rig.Chip.LostFrames);

        var frame = new Mcp2515Frame();
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x101u, 0), (frame.Id, frame.Buffer));
        Assert.True(rig.FromBus(0x103, false, 3)); // RXB0 is free again while RXB1 still holds 0x102
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x102u, 1), (frame.Id, frame.Buffer));
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal(0x103u, frame.Id);
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal(PinValueHigh, rig.Pin!.Read());
    }

    private static readonly System.Device.Gpio.PinValue PinValueHigh = System.Device.Gpio.PinValue.High;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_INT_high_a_receive_spends_no_SPI_whichever_way_the_pin_is_read(bool throughController)
    {
        using var rig = new Mcp2515Rig(readThroughController: throughController);
        rig.Start(rollover: true);
        var frame = new Mcp2515Frame();
        long before = rig.Controller.Spi.Transactions;
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal(before, rig.Controller.Spi.Transactions);

        // INT low: the flags are read, then the frame, and after it INT is high again.
        Assert.True(rig.FromBus(0x1F0, false, 1, 2));
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x1F0u, 2), (frame.Id, frame.Length));
        Assert.Equal(before + 2, rig.Controller.Spi.Transactions);
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal(before + 2, rig.Controller.Spi.Transactions);
    }

    [Fact]
    public void Third_frame_overflows_RXB1_with_rollover_and_is_counted()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(rollover: true);
        rig.FromBus(0x101, false);
        rig.FromBus(0x102, false);
        Assert.False(rig.FromBus(0x103, false));
        Assert.Equal(1, rig.Chip.LostFrames);
        Assert.Equal(Mcp2515Register.Rx1Ovr, rig.Chip.Peek(0x2D) & 0xC0);
        Assert.Equal(Mcp2515Register.ErrIf, rig.Chip.Peek(0x2C) & Mcp2515Register.ErrIf);

        var frame = new Mcp2515Frame();
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal((0L, 1L), (rig.Controller.Errors.Rx0Overflows, rig.Controller.Errors.Rx1Overflows));
        Assert.Equal(0, rig.Chip.Peek(0x2D) & 0xC0); // the driver cleared RX1OVR
        Assert.Equal(0, rig.Chip.Peek(0x2C)); // and ERRIF: INT released
        Assert.False(rig.Chip.InterruptAsserted);
    }

    [Fact]
    public void Without_rollover_a_second_frame_for_RXB0_overflows_it()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(rollover: false);
        Assert.True(rig.FromBus(0x101, false));
        Assert.False(rig.FromBus(0x102, false));
        Assert.Equal(Mcp2515Register.Rx0Ovr, rig.Chip.Peek(0x2D) & 0xC0);
        var frame = new Mcp2515Frame();
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal((1L, 0L), (rig.Controller.Errors.Rx0Overflows, rig.Controller.Errors.Rx1Overflows));
    }

    [Fact]
    public void Frames_keep_dlc_remote_and_extended_bits()
    {
        using var rig = new Mcp2515Rig();
        rig.Start();
        var frame = new Mcp2515Frame();
        rig.Chip.ReceiveFromBus(0x1ABCDEF0, true, false, new byte[] { 9, 8, 7 }, 3);
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x1ABCDEF0u, true, false, 3), (frame.Id, frame.Extended, frame.Remote, frame.Length));
        Assert.Equal(new byte[] { 9, 8, 7, 0, 0, 0, 0, 0 }, frame.Data);

        rig.Chip.ReceiveFromBus(0x7DF, false, true, default, 8); // standard remote: SRR in SIDL
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x7DFu, false, true, 8), (frame.Id, frame.Extended, frame.Remote, frame.Length));
        rig.Chip.ReceiveFromBus(0x1ABCDEF0, true, true, default, 2); // extended remote: RTR in DLC
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((true, true, 2), (frame.Extended, frame.Remote, frame.Length));
    }

    [Fact]
    public void Frames_are_ignored_outside_normal_and_listen_only()
    {
        using var rig = new Mcp2515Rig();
        Assert.True(rig.Controller.Reset());
        Assert.False(rig.FromBus(0x100, false)); // configuration mode
        Assert.True(rig.Controller.SetMode(Mcp2515Register.ModeListenOnly));
        Assert.True(rig.FromBus(0x100, false));
        Assert.Equal(1, rig.Chip.IgnoredByMode);
    }

    [Fact]
    public void Error_passive_and_bus_off_are_counted_once_per_entry()
    {
        using var rig = new Mcp2515Rig();
        rig.Start();
        var frame = new Mcp2515Frame();
        rig.Chip.SetErrorCounters(100, 0); // warning only
        Assert.False(rig.Controller.TryReceive(frame));
        Assert.Equal((0L, 0L), (rig.Controller.Errors.ErrorPassive, rig.Controller.Errors.BusOff));
        rig.Chip.SetErrorCounters(130, 0);
        rig.Controller.TryReceive(frame);
        rig.Chip.SetErrorCounters(140, 0); // still passive: no new entry
        rig.Controller.TryReceive(frame);
        rig.Chip.SetErrorCounters(256, 0);
        rig.Controller.TryReceive(frame);
        Assert.Equal((1L, 1L), (rig.Controller.Errors.ErrorPassive, rig.Controller.Errors.BusOff));
        Assert.Contains("state=bus-off", rig.Controller.Errors.Describe());
        rig.Chip.SetErrorCounters(0, 0);
        rig.Controller.TryReceive(frame);
        rig.Chip.SetErrorCounters(0, 128);
        rig.Controller.TryReceive(frame);
        Assert.Equal(2L, rig.Controller.Errors.ErrorPassive);
        Assert.False(rig.Chip.InterruptAsserted);
    }
}
