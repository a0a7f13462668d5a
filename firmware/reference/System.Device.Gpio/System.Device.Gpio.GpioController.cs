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
    public sealed class GpioController : IDisposable
    {
        public PinNumberingScheme NumberingScheme
        {
            get
            {
                throw null;
            }
        }

        public int PinCount { get; }

        public GpioController()
        {
            throw null;
        }

        public GpioController(PinNumberingScheme numberingScheme)
            : this()
        {
            throw null;
        }

        public GpioPin OpenPin(int pinNumber)
        {
            throw null;
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw null;
        }

        public void ClosePin(int pinNumber)
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        public PinMode GetPinMode(int pinNumber)
        {
            throw null;
        }

        public bool IsPinModeSupported(int pinNumber, PinMode mode)
        {
            throw null;
        }

        public bool IsPinOpen(int pinNumber)
        {
            throw null;
        }

        public PinValue Read(int pinNumber)
        {
            throw null;
        }

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            throw null;
        }

        public void SetPinMode(int pinNumber, PinMode mode)
        {
            throw null;
        }

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            throw null;
        }

        public void Write(int pinNumber, PinValue value)
        {
            throw null;
        }
    }
}
