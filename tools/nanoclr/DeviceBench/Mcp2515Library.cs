#if MCP_LIBRARY
using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.DeviceBench.Mcp;
using BmsGuard.Mcp2515;

namespace BmsGuard.DeviceBench
{
    /// <summary>
    /// The ESP32 board's receive path (tools/nanoclr/mcpbench.py): the firmware's Mcp2515Bridge, Mcp2515Controller
    /// and Mcp2515Spi (firmware/Mcp2515, compiled in from their source) on the real System.Device.Spi and
    /// System.Device.Gpio, built from their sources, whose natives (nf-interpreter's own) drive two MCP2515s
    /// emulated in the nanoCLR's CPU layer (tools/nanoclr/mcp). The controllers are opened and started as
    /// Esp32Mcp2515Board does (its pins, SPI mode 0 at 10 MHz, the loopback self-test, every frame received with
    /// rollover, normal mode). The injector (McpInjector) puts the reference drive's frames on the BMS chip's bus;
    /// the chip stores them and pulls INT low, the GPIO driver posts the falling edge, EventSink dispatches it to
    /// GpioPin.ValueChanged, the bridge drains the chip over SPI (READ of CANINTF/EFLG, READ RX BUFFER per frame),
    /// decides each frame and loads the forwarded ones into the TCU chip (READ STATUS, LOAD TX BUFFER, RTS). The
    /// drained chip lets INT go high: that rising edge is posted and dispatched as well (the bridge ignores it).
    /// Shapes: K frames per falling edge, K = 1 (each frame drained before the next comes) and K = 8 (the bus
    /// delivers the next frame as soon as the drain has read one, so one drain takes all eight). Each has a
    /// baseline, the same loop putting nothing on the bus; the runner reports each phase net of it.
    /// </summary>
    internal static class Mcp2515Library
    {
        // Esp32Mcp2515Board's wiring and settings (firmware/BmsGuard.Esp32; that file needs Hardware.Esp32).
        private const int SpiBus = 1;
        private const int BmsChipSelect = 27;
        private const int TcuChipSelect = 26;
        private const int BmsInterrupt = 34;
        private const int TcuInterrupt = 35;
        private const int SpiClockHz = 10000000;
        private const int CrystalHz = 8000000;
        private const int BitRate = 500000;
        private const int Bms = 0;
        private const int Tcu = 1;

        internal static void Run(Gateway gateway, int frames, ref long now)
        {
            uint[] ids;
            byte[] lengths;
            byte[] payloads;
            Program.Drive(out ids, out lengths, out payloads);
            McpInjector.Load(ids, lengths, payloads);
            McpInjector.Wire(Bms, BmsChipSelect, BmsInterrupt);
            McpInjector.Wire(Tcu, TcuChipSelect, TcuInterrupt);
            GpioController gpio = new GpioController();
            Mcp2515Controller bms = Open(gpio, "MCP2515-BMS", BmsChipSelect, BmsInterrupt);
            Mcp2515Controller tcu = Open(gpio, "MCP2515-TCU", TcuChipSelect, TcuInterrupt);
            Mcp2515Frame scratch = new Mcp2515Frame();
            int bmsCheck = Start(bms, scratch);
            int tcuCheck = Start(tcu, scratch);
            Console.WriteLine("bench: mcp2515: self-tests " + Mcp2515SelfTest.Describe(bmsCheck) + ", " + Mcp2515SelfTest.Describe(tcuCheck));
            if (bmsCheck != Mcp2515SelfTest.Passed || tcuCheck != Mcp2515SelfTest.Passed)
            {
                return;
            }

            Mcp2515Bridge bridge = new Mcp2515Bridge(bms, tcu);
            CanLibrary.DriveClock clock = new CanLibrary.DriveClock();
            bridge.Attach(gateway, clock, new object());

            int[] shapes = { 1, 8 };
            for (int s = 0; s < shapes.Length; s++)
            {
                int k = shapes[s];
                Feed(clock, k, 2000, false, ref now);   // warm-up
                Phase("mcp-inject-" + k.ToString(), bms, clock, k, frames, true, ref now);
                Phase("mcp-" + k.ToString(), bms, clock, k, frames, false, ref now);
            }

            bridge.Close();
            Console.WriteLine("bench: mcp2515: " + bms.Errors.Describe() + "; TCU " + tcu.Errors.Describe()
                + "; refused by the chips " + McpInjector.Stat(Bms, McpInjector.Refused).ToString() + ", "
                + McpInjector.Stat(Tcu, McpInjector.Refused).ToString() + " (the two bytes nanoHAL sends at open count one each)");
        }

        private static Mcp2515Controller Open(GpioController gpio, string name, int chipSelect, int interruptPin)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(SpiBus, chipSelect);
            settings.ClockFrequency = SpiClockHz;
            settings.Mode = SpiMode.Mode0;
            SpiDevice spi = SpiDevice.Create(settings);
            GpioPin interrupt = gpio.OpenPin(interruptPin, PinMode.Input);
            return new Mcp2515Controller(name, new Mcp2515Spi(spi), interrupt, gpio);
        }

        // Esp32Mcp2515Board.Start: the loopback self-test, then every frame received with rollover, in normal mode.
        private static int Start(Mcp2515Controller controller, Mcp2515Frame scratch)
        {
            int result = Mcp2515SelfTest.Run(controller, Mcp2515BitTiming.Compute(CrystalHz, BitRate), scratch);
            if (result != Mcp2515SelfTest.Passed)
            {
                return result;
            }

            controller.ClearCounts();
            controller.SetReceive(false, true);
            return controller.SetMode(Mcp2515Register.ModeNormal) ? Mcp2515SelfTest.Passed : Mcp2515SelfTest.NoLoopback;
        }

        private static void Phase(string name, Mcp2515Controller bms, CanLibrary.DriveClock clock, int perEdge, int frames, bool baseline, ref long now)
        {
            int forwarded = McpInjector.Stat(Tcu, McpInjector.Sent);
            int stored = McpInjector.Stat(Bms, McpInjector.Stored);
            int spi = McpInjector.Stat(Bms, McpInjector.Transactions) + McpInjector.Stat(Tcu, McpInjector.Transactions);
            int bytes = McpInjector.Stat(Bms, McpInjector.Bytes) + McpInjector.Stat(Tcu, McpInjector.Bytes);
            int edges = McpInjector.Stat(Bms, McpInjector.Edges);
            int reads = McpInjector.Stat(Bms, McpInjector.PinReads);
            int lost = McpInjector.Stat(Bms, McpInjector.Lost);
            int collections = McpInjector.Stat(Bms, McpInjector.GarbageCollections);
            long received = bms.Received;
            Console.WriteLine("bench: start " + name);
            Thread.Sleep(150);
            int yields = Feed(clock, perEdge, frames, baseline, ref now);
            Console.WriteLine("bench: end " + name + " " + frames.ToString() + " frames, "
                + (McpInjector.Stat(Tcu, McpInjector.Sent) - forwarded).ToString() + " forwarded, "
                + yields.ToString() + " yields, " + (McpInjector.Stat(Bms, McpInjector.GarbageCollections) - collections).ToString() + " GCs, "
                + (McpInjector.Stat(Bms, McpInjector.Stored) - stored).ToString() + " stored, " + (bms.Received - received).ToString() + " read, "
                + (McpInjector.Stat(Bms, McpInjector.Lost) - lost).ToString() + " lost, SPI "
                + (McpInjector.Stat(Bms, McpInjector.Transactions) + McpInjector.Stat(Tcu, McpInjector.Transactions) - spi).ToString() + " transactions "
                + (McpInjector.Stat(Bms, McpInjector.Bytes) + McpInjector.Stat(Tcu, McpInjector.Bytes) - bytes).ToString() + " bytes, INT "
                + (McpInjector.Stat(Bms, McpInjector.Edges) - edges).ToString() + " edges "
                + (McpInjector.Stat(Bms, McpInjector.PinReads) - reads).ToString() + " reads");
            Thread.Sleep(150);
        }

        // Frames in batches of perEdge put on the BMS bus, each batch taken up (drained, both edges dispatched)
        // before the next; baseline: the same calls, nothing put on the bus. Returns the yields.
        private static int Feed(CanLibrary.DriveClock clock, int perEdge, int frames, bool baseline, ref long now)
        {
            int yields = 0;
            for (int i = 0; i < frames; i += perEdge)
            {
                // the batch is decided at its last frame's time, 111 us apart as in the other drive phases
                now += 111 * perEdge;
                clock.Drive = now;
                McpInjector.Inject(Bms, baseline ? 0 : perEdge);
                do
                {
                    Thread.Sleep(0);
                    yields++;
                }
                while (McpInjector.Pending(Bms) != 0);
            }

            return yields;
        }
    }
}
#endif
