using BmsGuard.Emulation;

namespace System.Device.Gpio
{
    /// <summary>Host stand-in of nanoFramework's GpioController over the current thread's <see cref="EmulatedGpio"/>.</summary>
    public sealed class GpioController : IDisposable
    {
        private readonly EmulatedGpio _gpio;

        /// <summary>Opens the controller of the active emulated board.</summary>
        public GpioController()
        {
            _gpio = EmulatedGpio.Current ?? throw new InvalidOperationException("no EmulatedGpio is active on this thread");
        }

        /// <summary>Opens a pin; opening an open pin throws, as on the device.</summary>
        public GpioPin OpenPin(int pinNumber) => _gpio.Open(pinNumber, PinMode.Input);

        /// <summary>Opens a pin in <paramref name="mode"/>.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) => _gpio.Open(pinNumber, mode);

        /// <summary>Closes a pin.</summary>
        public void ClosePin(int pinNumber) => _gpio.Close(pinNumber);

        /// <summary>Whether the pin is open.</summary>
        public bool IsPinOpen(int pinNumber) => _gpio.IsOpen(pinNumber);

        /// <summary>Reads an open pin.</summary>
        public PinValue Read(int pinNumber) => _gpio.Level(pinNumber);

        /// <summary>Writes an open output pin.</summary>
        public void Write(int pinNumber, PinValue value) => _gpio.Drive(pinNumber, value);

        /// <summary>Closes nothing (pins belong to the emulated board).</summary>
        public void Dispose()
        {
        }
    }
}
