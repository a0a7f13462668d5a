// Public surface of nanoFramework.Device.Can.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nanoFramework.Runtime.Events;

namespace nanoFramework.Device.Can
{
    public sealed class CanController : IDisposable
    {
        internal CanController()
        {
            throw null;
        }

        public readonly string ControllerId;

        public event CanMessageReceivedEventHandler MessageReceived
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

        public static CanController FromId(string controllerId, CanSettings settings)
        {
            throw null;
        }

        public void WriteMessage(CanMessage message)
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        public CanMessage GetMessage()
        {
            throw null;
        }
    }
}
