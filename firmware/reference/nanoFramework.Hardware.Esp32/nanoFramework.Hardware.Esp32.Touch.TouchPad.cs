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

namespace nanoFramework.Hardware.Esp32.Touch
{
    public class TouchPad : IDisposable
    {
        public static TouchTriggerMode TouchTriggerMode
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

        public static WakeUpSource WakeUpSource
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

        public static MeasurementMode MeasurementMode
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

        public static TouchHighVoltage TouchHighVoltage
        {
            get
            {
                throw null;
            }
        }

        public static TouchLowVoltage TouchLowVoltage
        {
            get
            {
                throw null;
            }
        }

        public static TouchHighVoltageAttenuation TouchHighVoltageAttenuation
        {
            get
            {
                throw null;
            }
        }

        public static bool IsFilterOn
        {
            get
            {
                throw null;
            }
        }

        public static bool DenoiseEnabled
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

        public int CalibrationData
        {
            get
            {
                throw null;
            }
        }

        public uint Threshold
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

        public int TouchPadNumber
        {
            get
            {
                throw null;
            }
        }

        public event TouchPadValueChangedEventHandler ValueChanged
        {
            add
            {
                throw null;
            }
            remove
            {
                throw null;
            }
        }

        public static int GetGpioNumberFromTouchNumber(int touchpadNumber)
        {
            throw null;
        }

        public static void SetVoltage(TouchHighVoltage touchHighVoltage, TouchLowVoltage touchLowVoltage, TouchHighVoltageAttenuation touchHighVoltageAttenuation)
        {
            throw null;
        }

        public static void StartFilter(IFilterSetting filterSetting)
        {
            throw null;
        }

        public static void StopFilter()
        {
            throw null;
        }

        public static MeasurementTime GetMeasurementTime()
        {
            throw null;
        }

        public static void SetMeasurementTime(MeasurementTime measurementTime)
        {
            throw null;
        }

        public static void SetDenoise(DenoiseSetting denoiseSetting)
        {
            throw null;
        }

        public static DenoiseSetting GetDenoise()
        {
            throw null;
        }

        public TouchPad(int touchPadNumber)
        {
            throw null;
        }

        public uint Read()
        {
            throw null;
        }

        public int GetCalibrationData(int count = 5)
        {
            throw null;
        }

        public void SetChargeSpeed(TouchChargeSpeed touchChargeSpeed)
        {
            throw null;
        }

        public TouchChargeSpeed GetChargeSpeed()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }
    }
}
