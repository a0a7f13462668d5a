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
    public readonly struct PinValue
    {
        private readonly int _dummyPrimitive;

        public static PinValue High
        {
            get
            {
                throw null;
            }
        }

        public static PinValue Low
        {
            get
            {
                throw null;
            }
        }

        public static implicit operator PinValue(int value)
        {
            throw null;
        }

        public static implicit operator PinValue(bool value)
        {
            throw null;
        }

        public static explicit operator byte(PinValue value)
        {
            throw null;
        }

        public static explicit operator int(PinValue value)
        {
            throw null;
        }

        public static explicit operator bool(PinValue value)
        {
            throw null;
        }

        public bool Equals(PinValue other)
        {
            throw null;
        }

        public override bool Equals(object obj)
        {
            throw null;
        }

        public static bool operator ==(PinValue a, PinValue b)
        {
            throw null;
        }

        public static bool operator !=(PinValue a, PinValue b)
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }
    }
}
