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

namespace nanoFramework.Hardware.Esp32.Touch
{
    public struct TouchChargeSpeed
    {
        public enum InitialCharge
        {
            Low,
            High
        }

        public enum ChargeSpeed
        {
            Zero,
            Slowest,
            Speed2,
            Speed3,
            Speed4,
            Speed5,
            Speed6,
            Fastest
        }

        public ChargeSpeed Speed { get; set; }

        public InitialCharge Charge { get; set; }
    }
}
