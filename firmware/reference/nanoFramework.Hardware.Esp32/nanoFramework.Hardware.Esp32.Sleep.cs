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
    public class Sleep
    {
        public enum WakeupMode
        {
            AllLow,
            AnyHigh
        }

        public enum WakeupCause
        {
            Undefined = 0,
            Ext0 = 2,
            Ext1 = 3,
            Timer = 4,
            TouchPad = 5,
            Ulp = 6,
            Gpio = 7,
            Uart = 8,
            Wifi = 9,
            CoCpu = 10,
            CoCpuTrapTrig = 11,
            Bt = 12
        }

        [Flags]
        public enum WakeupGpioPin : ulong
        {
            None = 0uL,
            Pin0 = 1uL,
            Pin1 = 2uL,
            Pin2 = 4uL,
            Pin3 = 8uL,
            Pin4 = 0x10uL,
            Pin5 = 0x20uL,
            Pin6 = 0x40uL,
            Pin7 = 0x80uL,
            Pin8 = 0x100uL,
            Pin9 = 0x200uL,
            Pin10 = 0x400uL,
            Pin11 = 0x800uL,
            Pin12 = 0x1000uL,
            Pin13 = 0x2000uL,
            Pin14 = 0x4000uL,
            Pin15 = 0x8000uL,
            Pin16 = 0x10000uL,
            Pin17 = 0x20000uL,
            Pin18 = 0x40000uL,
            Pin19 = 0x80000uL,
            Pin20 = 0x100000uL,
            Pin21 = 0x200000uL,
            Pin25 = 0x2000000uL,
            Pin26 = 0x4000000uL,
            Pin27 = 0x8000000uL,
            Pin32 = 0x100000000uL,
            Pin33 = 0x200000000uL,
            Pin34 = 0x400000000uL,
            Pin35 = 0x800000000uL,
            Pin36 = 0x1000000000uL,
            Pin37 = 0x2000000000uL,
            Pin38 = 0x4000000000uL,
            Pin39 = 0x8000000000uL
        }

        public enum WakeUpPort
        {
            COM1,
            COM2
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByMultiPins(WakeupGpioPin pins, WakeupMode mode)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByTouchPad(int padNumber1, int padNumber2 = -1, byte thresholdCoefficient = 80)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByUart(WakeUpPort portNumber, int edgeCount)
        {
            throw null;
        }

        public static EspNativeError StartLightSleep()
        {
            throw null;
        }

        public static void StartDeepSleep()
        {
            throw null;
        }

        public static WakeupCause GetWakeupCause()
        {
            throw null;
        }

        public static WakeupGpioPin GetWakeupGpioPin()
        {
            throw null;
        }

        public static int GetWakeupTouchpad()
        {
            throw null;
        }
    }
}
