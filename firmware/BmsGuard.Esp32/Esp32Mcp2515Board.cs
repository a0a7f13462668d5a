using System.Device.Gpio;
using System.Device.Spi;
using BmsGuard.Mcp2515;
using BmsGuard.Device;
using nanoFramework.Runtime.Native;
using nanoFramework.Hardware.Esp32;

namespace BmsGuard.Esp32
{
    /// <summary>
    /// Board file for an ESP32 DevKitC (ESP32-WROOM-32, firmware target ESP32_REV3) with two MCP2515
    /// modules on one SPI bus. Mirrors hardware/esp32-mcp2515.md, the source of truth for pins and wiring:
    /// no strapping pin (0, 2, 5, 12, 15) and no flash pin (6-11) is used.
    /// </summary>
    public sealed class Esp32Mcp2515Board : IGuardBoard
    {
        private Mcp2515Controller _bms;
        private Mcp2515Controller _tcu;
        private int _bmsCheck;
        private int _tcuCheck;

        /// <summary>nanoFramework SPI bus id; its pins are assigned below with Configuration.SetPinFunction.</summary>
        public const int SpiBus = 1;

        /// <summary>SPI MOSI (the ESP32's VSPI pin).</summary>
        public const int MosiPin = 23;

        /// <summary>SPI MISO (VSPI).</summary>
        public const int MisoPin = 19;

        /// <summary>SPI clock (VSPI).</summary>
        public const int ClockPin = 18;

        /// <summary>Chip select of the BMS-side MCP2515.</summary>
        public const int BmsChipSelect = 27;

        /// <summary>Chip select of the TCU-side MCP2515.</summary>
        public const int TcuChipSelect = 26;

        /// <summary>INT of the BMS-side MCP2515 (input-only pin, no internal pull: the MCP2515 drives INT).</summary>
        public const int BmsInterrupt = 34;

        /// <summary>INT of the TCU-side MCP2515 (input-only pin).</summary>
        public const int TcuInterrupt = 35;

        /// <summary>SPI clock: the MCP2515's maximum, 10 MHz.</summary>
        public const int SpiClockHz = 10000000;

        /// <summary>Crystal of the common MCP2515 modules (8 MHz; set 16000000 for 16 MHz modules).</summary>
        public const int CrystalHz = 8000000;

        /// <summary>Bit rate of both buses.</summary>
        public const int BitRate = 500000;

        /// <summary>Name of the BMS-side controller in logs.</summary>
        public const string BmsController = "MCP2515-BMS";

        /// <summary>Name of the TCU-side controller in logs.</summary>
        public const string TcuController = "MCP2515-TCU";

        /// <summary>Where the guard keeps its files: the internal flash volume "I:" (SPIFFS on ESP32 targets).</summary>
        public const string StoragePrefix = "I:\\bmsguard-";

        /// <summary>Self-test result of the BMS-side controller (an Mcp2515SelfTest code) after <see cref="OpenChecked"/>.</summary>
        public int BmsCheck
        {
            get { return _bmsCheck; }
        }

        /// <summary>Self-test result of the TCU-side controller after <see cref="OpenChecked"/>.</summary>
        public int TcuCheck
        {
            get { return _tcuCheck; }
        }

        /// <inheritdoc />
        public GuardFiles Files()
        {
            return GuardFiles.At(StoragePrefix);
        }

        /// <summary>As <see cref="OpenChecked"/>, printing one self-test line per controller on the debug console.</summary>
        public IBusBridge OpenBridge()
        {
            Mcp2515Bridge bridge = OpenChecked();
            System.Console.WriteLine(BmsController + " self-test: " + Mcp2515SelfTest.Describe(_bmsCheck));
            System.Console.WriteLine(TcuController + " self-test: " + Mcp2515SelfTest.Describe(_tcuCheck));
            return bridge;
        }

        /// <summary>
        /// Routes the SPI pins, opens both controllers and runs their self-tests (<see cref="BmsCheck"/>,
        /// <see cref="TcuCheck"/>), then puts both in normal mode receiving every frame; null when either
        /// check failed, and then both are left in configuration mode, off the bus.
        /// </summary>
        public Mcp2515Bridge OpenChecked()
        {
            Configuration.SetPinFunction(MosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(MisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(ClockPin, DeviceFunction.SPI1_CLOCK);
            GpioController gpio = new GpioController();
            _bms = OpenController(gpio, BmsController, BmsChipSelect, BmsInterrupt);
            _tcu = OpenController(gpio, TcuController, TcuChipSelect, TcuInterrupt);
            Mcp2515Frame scratch = new Mcp2515Frame();
            _bmsCheck = Start(_bms, scratch);
            _tcuCheck = Start(_tcu, scratch);
            if (_bmsCheck != Mcp2515SelfTest.Passed || _tcuCheck != Mcp2515SelfTest.Passed)
            {
                // Fail closed: neither joins its bus, not even the one that passed.
                _bms.SetMode(Mcp2515Register.ModeConfiguration);
                _tcu.SetMode(Mcp2515Register.ModeConfiguration);
                return null;
            }

            return new Mcp2515Bridge(_bms, _tcu);
        }

        /// <summary>Prints both controllers' error counters (overruns, error-passive, bus-off, refused transmits).</summary>
        public void PrintStatus()
        {
            System.Console.WriteLine(_bms.Name + ": " + _bms.Errors.Describe());
            System.Console.WriteLine(_tcu.Name + ": " + _tcu.Errors.Describe());
        }

        /// <summary>A full reset (nanoFramework's <c>Power.RebootDevice</c>, a normal reboot): the controllers start again from their reset state.</summary>
        public void Restart()
        {
            // No argument: the pinned 1.7.11 defaults to a normal reboot, and later versions take none.
            Power.RebootDevice();
        }

        // One controller: its SPI device (mode 0, 10 MHz, its chip select) and its INT pin.
        private static Mcp2515Controller OpenController(GpioController gpio, string name, int chipSelect, int interruptPin)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(SpiBus, chipSelect);
            settings.ClockFrequency = SpiClockHz;
            settings.Mode = SpiMode.Mode0;
            SpiDevice spi = SpiDevice.Create(settings);
            GpioPin interrupt = gpio.OpenPin(interruptPin, PinMode.Input);
            return new Mcp2515Controller(name, new Mcp2515Spi(spi), interrupt, gpio);
        }

        // The loopback self-test, then every frame received (no filter: the gateway's rules decide) with
        // RXB0 rolling over into RXB1, in normal mode. On failure the controller stays in configuration mode.
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
    }
}
