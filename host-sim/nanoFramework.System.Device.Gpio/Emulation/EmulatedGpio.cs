using System;
using System.Collections.Generic;
using System.Device.Gpio;

namespace BmsGuard.Emulation
{
    /// <summary>
    /// The pins of an emulated board. A chip drives a pin with <see cref="Drive"/>; each edge becomes an
    /// event like the device's GPIO event queue: raised at once when <see cref="Immediate"/>, else queued
    /// until the board calls <see cref="DispatchNext"/> (when its emulated CPU is free). An edge that
    /// happens while a handler runs is queued behind it, as on the device's event thread.
    /// </summary>
    public sealed class EmulatedGpio : IDisposable
    {
        [ThreadStatic]
        private static EmulatedGpio s_current;

        private readonly Dictionary<int, bool> _levels = new();
        private readonly Dictionary<int, GpioPin> _open = new();
        private readonly Queue<(int Pin, PinEventTypes Edge)> _events = new();
        private EmulatedGpio _previous;
        private bool _dispatching;

        /// <summary>The pins active on this thread, or null.</summary>
        public static EmulatedGpio Current => s_current;

        /// <summary>True (default): edges are raised as they happen; false: the board dispatches them.</summary>
        public bool Immediate { get; set; } = true;

        /// <summary>Edges waiting for dispatch.</summary>
        public int Pending => _events.Count;

        /// <summary>Makes these pins the ones GpioController sees on this thread.</summary>
        public EmulatedGpio Activate()
        {
            _previous = s_current;
            s_current = this;
            return this;
        }

        /// <summary>Sets a pin's level (pins float high until driven); an edge is queued or raised.</summary>
        public void Drive(int pin, PinValue value)
        {
            bool high = value == PinValue.High;
            bool was = Level(pin) == PinValue.High;
            _levels[pin] = high;
            if (high == was)
            {
                return;
            }

            _events.Enqueue((pin, high ? PinEventTypes.Rising : PinEventTypes.Falling));
            if (Immediate)
            {
                while (!_dispatching && DispatchNext())
                {
                }
            }
        }

        /// <summary>A pin's level.</summary>
        public PinValue Level(int pin) => !_levels.TryGetValue(pin, out bool high) || high ? PinValue.High : PinValue.Low;

        /// <summary>Raises the oldest queued edge on its pin's handlers; false when none waits (or a handler is running).</summary>
        public bool DispatchNext()
        {
            if (_dispatching || _events.Count == 0)
            {
                return false;
            }

            var (pin, edge) = _events.Dequeue();
            if (!_open.TryGetValue(pin, out GpioPin open))
            {
                return true;
            }

            _dispatching = true;
            try
            {
                open.Raise(edge);
            }
            finally
            {
                _dispatching = false;
            }

            return true;
        }

        internal GpioPin Open(int pin, PinMode mode)
        {
            if (_open.ContainsKey(pin))
            {
                throw new InvalidOperationException("pin already open");
            }

            var gpioPin = new GpioPin(this, pin, mode);
            _open.Add(pin, gpioPin);
            return gpioPin;
        }

        internal void Close(int pin) => _open.Remove(pin);

        internal bool IsOpen(int pin) => _open.ContainsKey(pin);

        /// <summary>Deactivates these pins (restoring the previous ones).</summary>
        public void Dispose()
        {
            if (ReferenceEquals(s_current, this))
            {
                s_current = _previous;
            }
        }
    }
}
