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
    public readonly struct PinValuePair
    {
        private readonly int _dummyPrimitive;

        public int PinNumber
        {
            get
            {
                throw null;
            }
        }

        public PinValue PinValue
        {
            get
            {
                throw null;
            }
        }

        public PinValuePair(int pinNumber, PinValue pinValue)
        {
            throw null;
        }

        public void Deconstruct(out int pinNumber, out PinValue pinValue)
        {
            throw null;
        }
    }
}
