using Xunit;
using System.Device.Gpio;
using System.Device.Spi;
using BmsGuard.Emulation;
using BmsGuard.Mcp2515;

namespace BmsGuard.Tests.Mcp2515;

/// <summary>One emulated MCP2515 on SPI bus 1 with its INT on GPIO 34, and the firmware's driver for it.</summary>
public sealed class Mcp2515Rig : IDisposable, IMcp2515BusSink
{
    public const int Bus = 1;
    public const int ChipSelect = 27;
    public const int InterruptPin = 34;

    /// <param name="withInterruptPin">False: no INT pin, the driver polls.</param>
    /// <param name="readThroughController">True: the driver reads INT through its GpioController (as the ESP32 board does).</param>
    public Mcp2515Rig(bool withInterruptPin = true, bool readThroughController = false)
    {
        Board = new EmulatedMcp2515Board();
        Chip = Board.AddChip("chip", Bus, ChipSelect, InterruptPin, this);
        var settings = new SpiConnectionSettings(Bus, ChipSelect) { ClockFrequency = 10_000_000, Mode = SpiMode.Mode0 };
        Gpio = new GpioController();
        Pin = withInterruptPin ? Gpio.OpenPin(InterruptPin, PinMode.Input) : null;
        Controller = readThroughController
            ? new Mcp2515Controller("test", new Mcp2515Spi(SpiDevice.Create(settings)), Pin, Gpio)
            : new Mcp2515Controller("test", new Mcp2515Spi(SpiDevice.Create(settings)), Pin);
    }

    public EmulatedMcp2515Board Board { get; }

    public Mcp2515Chip Chip { get; }

    public GpioController Gpio { get; }

    public GpioPin? Pin { get; }

    public Mcp2515Controller Controller { get; }

    public List<(uint Id, bool Extended, bool Remote, byte[] Data, int Dlc)> Sent { get; } = [];

    /// <summary>Reset, 500 kbit/s from 8 MHz, receive everything with rollover, then <paramref name="mode"/>.</summary>
    public void Start(byte mode = Mcp2515Register.ModeNormal, bool filtered = false, bool rollover = true)
    {
        Assert.True(Controller.Reset());
        Assert.True(Controller.Configure(Mcp2515BitTiming.Compute(8_000_000, 500_000)!));
        Controller.SetReceive(filtered, rollover);
        Assert.True(Controller.SetMode(mode));
    }

    /// <summary>One raw SPI transaction on the chip: what MISO returned.</summary>
    public byte[] Spi(params byte[] mosi)
    {
        var miso = new byte[mosi.Length];
        Chip.Transact(mosi, miso);
        return miso;
    }

    public bool FromBus(uint id, bool extended = false, params byte[] data) =>
        Chip.ReceiveFromBus(id, extended, false, data, data.Length);

    public void OnTransmit(Mcp2515Chip chip, uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc) =>
        Sent.Add((id, extended, remote, data.ToArray(), dlc));

    public void Dispose() => Board.Dispose();
}
