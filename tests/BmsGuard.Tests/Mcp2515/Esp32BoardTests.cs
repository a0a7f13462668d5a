using BmsGuard.Emulation;
using BmsGuard.Esp32;
using BmsGuard.Mcp2515;
using Xunit;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>The ESP32 board file's boot (what GuardBoot calls) on emulated chips wired as hardware/esp32-mcp2515.md says.</summary>
public sealed class Esp32BoardTests
{
    [Fact]
    public void Two_working_chips_give_a_bridge_with_both_on_their_buses()
    {
        using var board = new EmulatedMcp2515Board();
        var sink = new NoBus();
        var bms = board.AddChip("bms", Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.BmsChipSelect, Esp32Mcp2515Board.BmsInterrupt, sink);
        var tcu = board.AddChip("tcu", Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.TcuChipSelect, Esp32Mcp2515Board.TcuInterrupt, sink);

        var bridge = Assert.IsType<Mcp2515Bridge>(new Esp32Mcp2515Board().OpenBridge());

        Assert.Equal(Mcp2515Register.ModeNormal, bms.Mode);
        Assert.Equal(Mcp2515Register.ModeNormal, tcu.Mode);
        Assert.Equal(Esp32Mcp2515Board.BmsController, bridge.Bms.Name);
        Assert.Equal(0, bridge.Bms.Received); // the self-test's looped-back frame is not traffic
    }

    [Fact]
    public void One_dead_chip_keeps_the_working_one_off_its_bus_too()
    {
        using var board = new EmulatedMcp2515Board();
        var bms = board.AddChip("bms", Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.BmsChipSelect, Esp32Mcp2515Board.BmsInterrupt, new NoBus());
        board.Spi.Attach(Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.TcuChipSelect, new SilentChip());

        var esp32 = new Esp32Mcp2515Board();
        Assert.Null(esp32.OpenChecked());
        Assert.Equal(Mcp2515SelfTest.Passed, esp32.BmsCheck);
        Assert.Equal(Mcp2515SelfTest.NoReset, esp32.TcuCheck);

        // The BMS-side chip passed its self-test, but the guard bridges nothing: it must not ACK on its bus.
        Assert.Equal(Mcp2515Register.ModeConfiguration, bms.Mode);
    }

    private sealed class NoBus : IMcp2515BusSink
    {
        public void OnTransmit(Mcp2515Chip chip, uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc) =>
            throw new InvalidOperationException("nothing may reach a bus at boot");
    }

    private sealed class SilentChip : ISpiTarget
    {
        public bool Accepts(System.Device.Spi.SpiMode mode, int clockHz) => true;

        public void Transact(ReadOnlySpan<byte> write, Span<byte> read)
        {
        }
    }
}
