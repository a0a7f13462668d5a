// Public surface of System.Device.Gpio.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin()
        {
            throw null;
        }

        public TimeSpan DebounceTimeout
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public int PinNumber
        {
            get
            {
                throw null;
            }
        }

        public event PinValueChangedEventHandler ValueChanged
        {
            add
            {
                throw null;
            }
            remove
            {
                throw null;
            }
        }

        public PinMode GetPinMode()
        {
            throw null;
        }

        public bool IsPinModeSupported(PinMode pinMode)
        {
            throw null;
        }

        public void SetPinMode(PinMode value)
        {
            throw null;
        }

        public PinValue Read()
        {
            throw null;
        }

        public void Write(PinValue value)
        {
            throw null;
        }

        public void Toggle()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }
    }
}
