// Public surface of System.IO.FileSystem.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

namespace nanoFramework.System.IO
{
    public class RemovableDriveEventArgs : EventArgs
    {
        internal RemovableDriveEventArgs()
        {
            throw null;
        }

        public enum RemovableDeviceEvent
        {
            Inserted,
            Removed
        }

        public DriveInfo Drive
        {
            get
            {
                throw null;
            }
        }

        public RemovableDeviceEvent Event
        {
            get
            {
                throw null;
            }
        }
    }
}
