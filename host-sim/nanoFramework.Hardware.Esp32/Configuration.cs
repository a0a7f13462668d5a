using System.Collections.Generic;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>Host stand-in of nanoFramework's ESP32 pin configuration; assignments are kept per thread (one emulated board each).</summary>
    public class Configuration
    {
        [System.ThreadStatic]
        private static Dictionary<DeviceFunction, int> s_pins;

        /// <summary>Routes <paramref name="value"/> to GPIO <paramref name="pin"/>.</summary>
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            if (pin < 0 || pin > 39)
            {
                throw new System.ArgumentOutOfRangeException(nameof(pin));
            }

            (s_pins ??= new Dictionary<DeviceFunction, int>())[value] = pin;
        }

        /// <summary>The GPIO a function is routed to, or -1.</summary>
        public static int GetFunctionPin(DeviceFunction function) =>
            s_pins != null && s_pins.TryGetValue(function, out int pin) ? pin : -1;
    }
}
