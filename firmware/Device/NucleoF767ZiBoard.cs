using nanoFramework.Device.Can;

namespace BmsGuard.Device
{
    /// <summary>
    /// Board file for the ST NUCLEO-F767ZI (firmware target ST_NUCLEO144_F767ZI). Mirrors
    /// hardware/nucleo-f767zi.md, which is the source of truth for pins and wiring.
    /// </summary>
    public static class NucleoF767ZiBoard
    {
        /// <summary>Controller wired to the BMS bus (bxCAN1: PD0 RX, PD1 TX).</summary>
        public const string BmsController = "CAN1";

        /// <summary>Controller wired to the TCU bus (bxCAN2: PB12 RX, PB13 TX).</summary>
        public const string TcuController = "CAN2";

        /// <summary>
        /// 500 kbit/s bit timing for bxCAN on the 54 MHz APB1 clock: prescaler 6 gives 9 MHz,
        /// 18 time quanta per bit (1 sync + 15 + 2), sample point 88.9 %, SJW 1 (register value 0).
        /// </summary>
        public static CanSettings Settings500k()
        {
            return new CanSettings(6, 15, 2, 0);
        }
    }
}
