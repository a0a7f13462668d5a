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
    public enum CanMessageIdType
    {
        SID,
        EID
    }
}
