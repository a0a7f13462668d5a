// Public surface of nanoFramework.Runtime.Native.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace nanoFramework.Runtime.Native
{
    public static class SystemInfo
    {
        public enum FloatingPoint
        {
            None,
            SinglePrecisionSoftware,
            SinglePrecisionHardware,
            DoublePrecisionSoftware,
            DoublePrecisionHardware
        }

        public static Version Version
        {
            get
            {
                throw null;
            }
        }

        public static string OEMString { get; }

        public static byte OEM { get; }

        public static byte Model { get; }

        public static ushort SKU { get; }

        public static string TargetName { get; }

        public static string Platform { get; }

        public static FloatingPoint FloatingPointSupport
        {
            get
            {
                throw null;
            }
        }
    }
}
