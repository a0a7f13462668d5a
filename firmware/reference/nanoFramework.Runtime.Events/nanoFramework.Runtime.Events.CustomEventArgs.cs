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
    public class CustomEventArgs : EventArgs
    {
        internal CustomEventArgs()
        {
            throw null;
        }

        public ushort Data1
        {
            get
            {
                throw null;
            }
        }

        public uint Data2
        {
            get
            {
                throw null;
            }
        }
    }
}
