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
    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinEventTypes ChangeType { get; }

        public int PinNumber { get; }

        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            throw null;
        }
    }
}
