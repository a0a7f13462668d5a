using System.Device.Gpio;

namespace BmsGuard.Mcp2515
{
    /// <summary>
    /// The wiring check the firmware runs at boot on each controller, before it joins a bus: reset
    /// (SPI and chip select answer), bit timing written and read back (MOSI and MISO), a frame sent in
    /// loopback mode and read back (the controller, its crystal and the INT pin), then configuration
    /// mode again. Loopback never drives the bus, so the check is safe in the vehicle.
    /// </summary>
    public static class Mcp2515SelfTest
    {
        /// <summary>All steps passed.</summary>
        public const int Passed = 0;

        /// <summary>No configuration mode after RESET: SPI, chip select or supply.</summary>
        public const int NoReset = 1;

        /// <summary>CNF registers did not read back: MISO/MOSI swapped or open.</summary>
        public const int NoReadBack = 2;

        /// <summary>The controller refused loopback mode: the crystal does not run.</summary>
        public const int NoLoopback = 3;

        /// <summary>The looped-back frame did not arrive or differed.</summary>
        public const int NoFrame = 4;

        /// <summary>INT did not go low with a frame waiting: the INT wire.</summary>
        public const int NoInterrupt = 5;

        /// <summary>Identifier of the test frame (extended, outside the reference rules' range).</summary>
        public const uint TestId = 0x1BADCAFE;

        private static readonly byte[] Pattern = MakePattern();

        /// <summary>Runs the check; leaves the controller in configuration mode with its bit timing set.</summary>
        public static int Run(Mcp2515Controller controller, Mcp2515BitTiming timing, Mcp2515Frame scratch)
        {
            if (!controller.Reset())
            {
                return NoReset;
            }

            if (!controller.Configure(timing))
            {
                return NoReadBack;
            }

            controller.SetReceive(false, true);
            if (!controller.SetMode(Mcp2515Register.ModeLoopback))
            {
                return NoLoopback;
            }

            int result = Passed;
            if (!controller.TryTransmit(TestId, true, false, Pattern, Pattern.Length))
            {
                result = NoFrame;
            }
            else if (Settle() && controller.Interrupt != null && controller.Interrupt.Read() != PinValue.Low)
            {
                result = NoInterrupt;
            }
            else if (!controller.TryReceive(scratch) || !Matches(scratch))
            {
                result = NoFrame;
            }

            controller.SetMode(Mcp2515Register.ModeConfiguration);
            return result;
        }

        /// <summary>A word for a result code.</summary>
        public static string Describe(int result)
        {
            switch (result)
            {
                case Passed: return "passed";
                case NoReset: return "no answer to RESET (SPI clock, chip select, 3.3 V supply)";
                case NoReadBack: return "CNF registers do not read back (MOSI/MISO)";
                case NoLoopback: return "loopback mode refused (crystal)";
                case NoFrame: return "looped-back frame missing";
                case NoInterrupt: return "INT stayed high (INT wire)";
                default: return "unknown";
            }
        }

        // Alternating bits, all zeros, all ones, then a count: a stuck or swapped data line changes it.
        private static byte[] MakePattern()
        {
            byte[] pattern = new byte[8];
            pattern[0] = 0x55;
            pattern[1] = 0xAA;
            pattern[2] = 0x00;
            pattern[3] = 0xFF;
            for (int i = 4; i < 8; i++)
            {
                pattern[i] = (byte)(0x12 + ((i - 4) * 0x22));
            }

            return pattern;
        }

        // A frame takes about 0.3 ms on the wire at 500 kbit/s, also in loopback: wait before looking.
        private static bool Settle()
        {
            System.Threading.Thread.Sleep(2);
            return true;
        }

        private static bool Matches(Mcp2515Frame frame)
        {
            if (frame.Id != TestId || !frame.Extended || frame.Remote || frame.Length != Pattern.Length)
            {
                return false;
            }

            for (int i = 0; i < Pattern.Length; i++)
            {
                if (frame.Data[i] != Pattern[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
