using nanoFramework.Device.Can;
using nanoFramework.Runtime.Native;

namespace BmsGuard.Device
{
    /// <summary>
    /// Board file for the ST NUCLEO-F767ZI (firmware target ST_NUCLEO144_F767ZI). Mirrors
    /// hardware/nucleo-f767zi.md, which is the source of truth for pins, wiring and bit timing.
    /// </summary>
    public sealed class NucleoF767ZiBoard : IGuardBoard
    {
        /// <summary>
        /// Controller wired to the BMS bus: bxCAN1 on PD0 (RX, Zio D67) and PD1 (TX, Zio D66), alternate
        /// function 9, as the stock ST_NUCLEO144_F767ZI firmware configures it.
        /// </summary>
        public const string BmsController = "CAN1";

        /// <summary>
        /// Controller wired to the TCU bus: bxCAN2 on PB5 (RX, Zio D22) and PB6 (TX, Zio D26), alternate
        /// function 9. The stock ST_NUCLEO144_F767ZI firmware does not enable CAN2 (opening it throws);
        /// it needs the firmware build described in hardware/nucleo-f767zi.md.
        /// </summary>
        public const string TcuController = "CAN2";

        /// <summary>
        /// 500 kbit/s on the target's 54 MHz APB1 clock. The STM32 native driver writes the four values
        /// unchanged into the bxCAN BTR fields BRP, TS1, TS2 and SJW, and the hardware uses each field
        /// plus one: prescaler 6 (9 MHz time quantum), 1 + 15 + 2 = 18 quanta per bit, sample point
        /// 16/18 = 88.9 %, resynchronisation jump width 1 quantum; BTR = 0x001E0005.
        /// </summary>
        public static CanSettings Settings500k()
        {
            return new CanSettings(5, 14, 1, 0);
        }

        /// <summary>
        /// Where the guard keeps its files: the littlefs volume "I:" on the external SPI NOR flash the image of
        /// hardware/nucleo-f767zi.md 1.1 (step 7) mounts; the internal flash cannot hold them.
        /// </summary>
        public const string StoragePrefix = "I:\\bmsguard-";

        /// <summary>Opens both controllers at 500 kbit/s (they join their buses at once), not yet bridged.</summary>
        public static CanBridge Open()
        {
            return new CanBridge(CanController.FromId(BmsController, Settings500k()), CanController.FromId(TcuController, Settings500k()));
        }

        /// <inheritdoc />
        public GuardFiles Files()
        {
            return GuardFiles.At(StoragePrefix);
        }

        /// <summary>
        /// How long the bridge's receive handler waits before draining, on this board: with 1 ms about 11 frames of a
        /// full 500 kbit/s bus share an event instead of 2, by the load model (docs/device.md, "A full bus"). The
        /// emulator drains at once (<see cref="Open"/>): its events are synchronous and its time is the capture's.
        /// </summary>
        public const int CoalescingMilliseconds = 1;

        /// <inheritdoc />
        public IBusBridge OpenBridge()
        {
            CanBridge bridge = Open();
            bridge.Coalescing = CoalescingMilliseconds;
            return bridge;
        }

        /// <summary>Nothing: the native driver keeps no error counters the firmware can read.</summary>
        public void PrintStatus()
        {
        }

        /// <summary>A full reset (nanoFramework's <c>Power.RebootDevice</c>, a normal reboot): the controllers start again from their reset state.</summary>
        public void Restart()
        {
            // No argument: the pinned 1.7.11 defaults to a normal reboot, and later versions take none.
            Power.RebootDevice();
        }
    }
}
