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
    public class NativeMemory
    {
        public enum MemoryType
        {
            All,
            Internal,
            SpiRam
        }

        public static void GetMemoryInfo(MemoryType memType, out uint totalSize, out uint totalFreeSize, out uint largestFreeBlock)
        {
            throw null;
        }
    }
}
