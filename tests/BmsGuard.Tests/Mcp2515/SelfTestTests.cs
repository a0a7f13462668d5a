using System.Device.Spi;
using BmsGuard.Emulation;
using BmsGuard.Mcp2515;
using Xunit;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>The boot self-test finds the wiring faults it names.</summary>
public sealed class SelfTestTests
{
    private static readonly Mcp2515BitTiming Timing = Mcp2515BitTiming.Compute(8_000_000, 500_000)!;

    [Fact]
    public void Passes_on_a_working_chip_and_leaves_it_off_the_bus()
    {
        using var rig = new Mcp2515Rig();
        Assert.Equal(Mcp2515SelfTest.Passed, Mcp2515SelfTest.Run(rig.Controller, Timing, new Mcp2515Frame()));
        Assert.Equal(0x80, rig.Chip.Mode);
        Assert.Empty(rig.Sent);
        Assert.Equal(Timing.Cnf1, rig.Chip.Peek(0x2A));
    }

    [Fact]
    public void A_missing_INT_wire_is_found()
    {
        using var rig = new Mcp2515Rig(withInterruptPin: false);
        var other = rig.Gpio.OpenPin(35, System.Device.Gpio.PinMode.Input); // wired to nothing: floats high
        var controller = new Mcp2515Controller("int-open", SpiOf(rig), other);
        Assert.Equal(Mcp2515SelfTest.NoInterrupt, Mcp2515SelfTest.Run(controller, Timing, new Mcp2515Frame()));
    }

    [Fact]
    public void A_silent_bus_is_found()
    {
        using var rig = new Mcp2515Rig();
        rig.Board.Spi.Attach(1, 4, new SilentChip());
        var spi = SpiDevice.Create(new SpiConnectionSettings(1, 4) { ClockFrequency = 10_000_000 });
        var controller = new Mcp2515Controller("silent", new Mcp2515Spi(spi), null);
        Assert.Equal(Mcp2515SelfTest.NoReset, Mcp2515SelfTest.Run(controller, Timing, new Mcp2515Frame()));
        Assert.Contains("chip select", Mcp2515SelfTest.Describe(Mcp2515SelfTest.NoReset));
    }

    [Fact]
    public void The_chip_refuses_a_clock_over_10_MHz_and_SPI_modes_1_and_2()
    {
        using var rig = new Mcp2515Rig(withInterruptPin: false);
        Assert.Throws<ArgumentException>(() => SpiDevice.Create(new SpiConnectionSettings(1, 27) { ClockFrequency = 20_000_000 }));
        Assert.Throws<ArgumentException>(() => SpiDevice.Create(new SpiConnectionSettings(1, 27) { ClockFrequency = 1_000_000, Mode = SpiMode.Mode1 }));
    }

    private static Mcp2515Spi SpiOf(Mcp2515Rig rig)
    {
        // A second device on the rig's chip select is refused; reuse the rig controller's SPI layer.
        return rig.Controller.Spi;
    }

    private sealed class SilentChip : ISpiTarget
    {
        public bool Accepts(SpiMode mode, int clockHz) => true;

        public void Transact(ReadOnlySpan<byte> write, Span<byte> read)
        {
        }
    }
}
