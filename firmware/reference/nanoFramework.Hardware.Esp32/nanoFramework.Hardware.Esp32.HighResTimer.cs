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

namespace nanoFramework.Hardware.Esp32
{
    public class HighResTimer : IDisposable
    {
        public event HighResTimerExpiredEventHandler OnHighResTimerExpired;

        public static ulong GetCurrent()
        {
            throw null;
        }

        public HighResTimer()
        {
            throw null;
        }

        public void Stop()
        {
            throw null;
        }

        public void StartOneShot(ulong timeout_us)
        {
            throw null;
        }

        public void StartOnePeriodic(ulong period_us)
        {
            throw null;
        }

        protected virtual void Dispose(bool disposing)
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }
    }
}
