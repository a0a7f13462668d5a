// Public surface of nanoFramework.Runtime.Events.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace nanoFramework.Runtime.Events
{
    public class NativeEventDispatcher : IDisposable
    {
        protected NativeEventHandler threadSpawn;

        protected NativeEventHandler callbacks;

        protected bool disposed;

        public event NativeEventHandler OnInterrupt
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

        public NativeEventDispatcher(string driverName, ulong driverData)
        {
            throw null;
        }

        public virtual void EnableInterrupt()
        {
            throw null;
        }

        public virtual void DisableInterrupt()
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
