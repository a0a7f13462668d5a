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
    public class BaseEvent
    {
        public ushort Source;

        public byte Message;
    }
}
