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
    public enum EspNativeError
    {
        OK = 0,
        FAIL = -1,
        NO_MEM = 257,
        INVALID_ARG = 258,
        INVALID_STATE = 259,
        INVALID_SIZE = 260,
        NOT_FOUND = 261,
        NOT_SUPPORTED = 262,
        TIMEOUT = 263,
        INVALID_RESPONSE = 264,
        INVALID_CRC = 265,
        INVALID_VERSION = 266,
        INVALID_MAC = 267,
        WIFI_BASE = 12288
    }
}
