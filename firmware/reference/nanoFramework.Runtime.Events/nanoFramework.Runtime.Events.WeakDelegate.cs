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
    public static class WeakDelegate
    {
        public static Delegate Combine(Delegate a, Delegate b)
        {
            throw null;
        }

        public static Delegate Remove(Delegate a, Delegate b)
        {
            throw null;
        }
    }
}
