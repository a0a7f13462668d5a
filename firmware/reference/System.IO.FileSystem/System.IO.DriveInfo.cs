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

namespace System.IO
{
    public sealed class DriveInfo
    {
        internal DriveInfo()
        {
            throw null;
        }

        public DriveType DriveType
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public string Name
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public long TotalSize
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public DriveInfo(string driveName)
        {
            throw null;
        }

        public static DriveInfo[] GetDrives()
        {
            throw null;
        }

        public void Format(string fileSystem, uint parameter)
        {
            throw null;
        }

        public void Refresh()
        {
            throw null;
        }

        public static string[] GetFileSystems()
        {
            throw null;
        }

        public static void MountRemovableVolumes()
        {
            throw null;
        }
    }
}
