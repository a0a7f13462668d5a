// Public surface of nanoFramework.Hardware.Esp32.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public sealed class GpioPulseCounter : IDisposable
    {
        public bool IsStarted
        {
            get
            {
                throw null;
            }
        }

        public GpioPulsePolarity Polarity
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

        public ushort FilterPulses
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

        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1)
        {
            throw null;
        }

        public GpioPulseCount Read()
        {
            throw null;
        }

        public GpioPulseCount Reset()
        {
            throw null;
        }

        public void Start()
        {
            throw null;
        }

        public void Stop()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }
    }
}
