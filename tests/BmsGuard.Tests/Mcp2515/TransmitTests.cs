using Xunit;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>The three transmit buffers and their priorities (DS20001801 3.2) through the driver.</summary>
public sealed class TransmitTests
{
    [Fact]
    public void Equal_priority_sends_the_higher_buffer_first()
    {
        using var rig = new Mcp2515Rig();
        Assert.True(rig.Controller.Reset());
        for (int n = 0; n < 3; n++)
        {
            rig.Spi((byte)(0x40 | (n << 1)), 0, (byte)(n << 5), 0, 0, 0); // id n, DLC 0
        }

        rig.Spi(0x87); // RTS all three while in configuration mode: pending
        Assert.Empty(rig.Sent);
        Assert.True(rig.Controller.SetMode(Mcp2515Register.ModeNormal));
        Assert.Equal(new uint[] { 2, 1, 0 }, rig.Sent.Select(s => s.Id));
    }

    [Fact]
    public void Driver_keeps_load_order_with_descending_priorities_and_counts_a_full_queue()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(Mcp2515Register.ModeListenOnly); // listen-only never transmits: the buffers fill
        var data = new byte[] { 1, 2, 3 };
        Assert.True(rig.Controller.TryTransmit(0x300, false, false, data, 3));
        Assert.True(rig.Controller.TryTransmit(0x301, false, false, data, 3));
        Assert.True(rig.Controller.TryTransmit(0x302, false, false, data, 3));
        Assert.False(rig.Controller.TryTransmit(0x303, false, false, data, 3));
        Assert.Equal(1, rig.Controller.Errors.TransmitRefused);
        Assert.Equal((3, 2, 1), (rig.Chip.Peek(0x30) & 3, rig.Chip.Peek(0x40) & 3, rig.Chip.Peek(0x50) & 3));

        Assert.True(rig.Controller.SetMode(Mcp2515Register.ModeNormal));
        Assert.Equal(new uint[] { 0x300, 0x301, 0x302 }, rig.Sent.Select(s => s.Id));
        Assert.All(rig.Sent, s => Assert.Equal(data, s.Data));
    }

    [Fact]
    public void Remote_and_extended_frames_go_out_as_loaded()
    {
        using var rig = new Mcp2515Rig();
        rig.Start();
        Assert.True(rig.Controller.TryTransmit(0x18DAF110, true, true, new byte[8], 8));
        var sent = Assert.Single(rig.Sent);
        Assert.Equal((0x18DAF110u, true, true, 8, 0), (sent.Id, sent.Extended, sent.Remote, sent.Dlc, sent.Data.Length));
    }

    [Fact]
    public void Loopback_receives_its_own_frame_and_sends_nothing()
    {
        using var rig = new Mcp2515Rig();
        rig.Start(Mcp2515Register.ModeLoopback);
        Assert.True(rig.Controller.TryTransmit(0x123, false, false, new byte[] { 7 }, 1));
        Assert.Empty(rig.Sent);
        var frame = new Mcp2515Frame();
        Assert.True(rig.Controller.TryReceive(frame));
        Assert.Equal((0x123u, 1, (byte)7), (frame.Id, frame.Length, frame.Data[0]));
    }
}
