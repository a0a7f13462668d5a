using BmsGuard.Emulation;

namespace System.Device.Gpio
{
    /// <summary>Host stand-in of nanoFramework's GpioPin: levels and edges come from the emulated board.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly EmulatedGpio _gpio;
        private PinMode _mode;
        private PinValueChangedEventHandler _handlers;

        internal GpioPin(EmulatedGpio gpio, int pinNumber, PinMode mode)
        {
            _gpio = gpio;
            PinNumber = pinNumber;
            _mode = mode;
        }

        /// <summary>Debounce time (not emulated).</summary>
        public TimeSpan DebounceTimeout { get; set; }

        /// <summary>The pin number (ESP32 GPIO number).</summary>
        public int PinNumber { get; }

        /// <summary>The pin's mode.</summary>
        public PinMode GetPinMode() => _mode;

        /// <summary>Every mode is supported.</summary>
        public bool IsPinModeSupported(PinMode pinMode) => true;

        /// <summary>Sets the mode.</summary>
        public void SetPinMode(PinMode value) => _mode = value;

        /// <summary>The pin's level.</summary>
        public PinValue Read() => _gpio.Level(PinNumber);

        /// <summary>Drives an output pin.</summary>
        public void Write(PinValue value) => _gpio.Drive(PinNumber, value);

        /// <summary>Raised on each edge (nanoFramework raises both edges; <see cref="PinValueChangedEventArgs.ChangeType"/> says which).</summary>
        public event PinValueChangedEventHandler ValueChanged
        {
            add => _handlers = (PinValueChangedEventHandler)Delegate.Combine(_handlers, value);
            remove => _handlers = (PinValueChangedEventHandler)Delegate.Remove(_handlers, value);
        }

        /// <summary>Toggles an output pin.</summary>
        public void Toggle() => Write(Read() == PinValue.High ? PinValue.Low : PinValue.High);

        /// <summary>Closes the pin.</summary>
        public void Dispose() => _gpio.Close(PinNumber);

        internal void Raise(PinEventTypes edge) => _handlers?.Invoke(this, new PinValueChangedEventArgs(edge, PinNumber));
    }
}
