using Xunit;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>Acceptance masks and filters as the driver sets them and the emulated chip applies them (DS20001801 4.5, Table 4-2).</summary>
public sealed class FilterTests
{
    private static Mcp2515Rig Filtered(Action<Mcp2515Controller> configure)
    {
        var rig = new Mcp2515Rig();
        Assert.True(rig.Controller.Reset());
        Assert.True(rig.Controller.Configure(Mcp2515BitTiming.Compute(8_000_000, 500_000)!));
        configure(rig.Controller);
        rig.Controller.SetReceive(filtered: true, rollover: false);
        Assert.True(rig.Controller.SetMode(Mcp2515Register.ModeNormal));
        return rig;
    }

    private static (bool Stored, int Buffer, int Filter) Offer(Mcp2515Rig rig, uint id, bool extended, params byte[] data)
    {
        bool stored = rig.Chip.ReceiveFromBus(id, extended, false, data, data.Length);
        byte rxStatus = rig.Spi(0xB0, 0)[1];
        var frame = new Mcp2515Frame();
        if (stored)
        {
            Assert.True(rig.Controller.TryReceive(frame));
            Assert.Equal((id, extended), (frame.Id, frame.Extended));
        }

        return (stored, stored ? frame.Buffer : -1, rxStatus & 7);
    }

    [Fact]
    public void Mask_bit_1_compares_0_ignores()
    {
        using var rig = Filtered(c =>
        {
            c.SetMask(0, 0x7F0, false); // compare SID10:4
            c.SetFilter(0, 0x1F0, false);
            c.SetFilter(1, 0x3F0, false);
            c.SetMask(1, 0x7FF, false);
            c.SetFilter(2, 0x7FF, false); // RXB1 filters must not match by accident (all zero filters would accept 0x000)
            c.SetFilter(3, 0x7FF, false);
            c.SetFilter(4, 0x7FF, false);
            c.SetFilter(5, 0x7FF, false);
        });
        Assert.Equal((true, 0, 0), Offer(rig, 0x1F3, false));
        Assert.Equal((true, 0, 1), Offer(rig, 0x3FA, false));
        Assert.Equal((false, -1, 0), Offer(rig, 0x2F0, false));
        Assert.Equal(1, rig.Chip.FilteredOut);
    }

    [Fact]
    public void Exide_separates_standard_and_extended_filters()
    {
        using var rig = Filtered(c =>
        {
            c.SetMask(0, 0x1FFFFFFF, true);
            c.SetFilter(0, 0x18FF50E5, true);
            c.SetFilter(1, 0x18FF50E5, true);
            c.SetMask(1, 0x7FF, false);
            c.SetFilter(2, 0x123, false);
            c.SetFilter(3, 0x7FF, false);
            c.SetFilter(4, 0x7FF, false);
            c.SetFilter(5, 0x7FF, false);
        });
        Assert.Equal((true, 0, 0), Offer(rig, 0x18FF50E5, true));
        Assert.Equal((true, 1, 2), Offer(rig, 0x123, false));

        // Same 11 upper bits as the extended filter but a standard frame: EXIDE=1 filters ignore it.
        Assert.False(Offer(rig, 0x18FF50E5 >> 18, false).Stored);
        Assert.False(Offer(rig, 0x18FF50E4, true).Stored);
    }

    [Fact]
    public void Standard_frames_filter_on_the_first_two_data_bytes_through_EID15_0()
    {
        using var rig = new Mcp2515Rig();
        Assert.True(rig.Controller.Reset());
        Assert.True(rig.Controller.Configure(Mcp2515BitTiming.Compute(8_000_000, 500_000)!)); // also enables the INT sources

        // Mask EID15:8 = FFh, filter EID15:8 = 0x22: standard id 0x100 with data byte 0 = 0x22 (DS20001801 4.5, Note).
        rig.Spi(0x02, 0x20, 0xFF, 0xE0, 0xFF, 0x00); // RXM0: SID all, EID8 FFh
        rig.Spi(0x02, 0x00, 0x20, 0x00, 0x22, 0x00); // RXF0: SID 0x100, EID8 0x22
        rig.Spi(0x02, 0x04, 0x20, 0x00, 0x22, 0x00); // RXF1 the same
        rig.Spi(0x02, 0x24, 0xFF, 0xE0, 0x00, 0x00); // RXM1 compares SID
        rig.Spi(0x02, 0x08, 0xFF, 0xE0, 0x00, 0x00); // RXF2..5: 0x7FF
        rig.Spi(0x02, 0x10, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xE0, 0x00, 0x00);
        rig.Controller.SetReceive(filtered: true, rollover: false);
        Assert.True(rig.Controller.SetMode(Mcp2515Register.ModeNormal));

        Assert.True(Offer(rig, 0x100, false, 0x22, 0x99).Stored);
        Assert.False(Offer(rig, 0x100, false, 0x23, 0x99).Stored);
    }

    [Fact]
    public void Receive_any_ignores_masks_and_filters()
    {
        using var rig = Filtered(c =>
        {
            c.SetMask(0, 0x7FF, false);
            c.SetMask(1, 0x7FF, false);
            for (int n = 0; n < 6; n++)
            {
                c.SetFilter(n, 0x7FF, false);
            }
        });
        Assert.False(Offer(rig, 0x001, false).Stored);
        rig.Controller.SetReceive(filtered: false, rollover: false);
        Assert.True(Offer(rig, 0x001, false).Stored);
        Assert.True(Offer(rig, 0x1ABCDEF0, true).Stored);
    }
}
