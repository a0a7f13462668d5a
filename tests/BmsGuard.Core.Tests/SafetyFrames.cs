using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Reference-BMS frames built by hand (layouts from reference-bms.dbc) and result assertions for the safety tests.</summary>
    public static class SafetyFrames
    {
        /// <summary>VehicleState 0x0D0 id.</summary>
        public const uint VehicleStateId = 0x0D0;

        /// <summary>PackStatus 0x1F0 id.</summary>
        public const uint PackStatusId = 0x1F0;

        /// <summary>Contactors 0x1F3 id.</summary>
        public const uint ContactorsId = 0x1F3;

        /// <summary>VehicleState: speed in 0.01 km/h (bits 0..15), charging state (bits 16..18).</summary>
        public static byte[] VehicleState(int speedHundredths, int chargingState)
        {
            return new byte[] { (byte)speedHundredths, (byte)(speedHundredths >> 8), (byte)chargingState, 0, 0, 0, 0, 0 };
        }

        /// <summary>PackStatus: voltage in 0.1 V, signed current in 0.1 A, SOC in 0.5 %.</summary>
        public static byte[] PackStatus(int voltageTenths, int currentTenths, int socHalves)
        {
            return new byte[] { (byte)voltageTenths, (byte)(voltageTenths >> 8), (byte)currentTenths, (byte)(currentTenths >> 8), (byte)socHalves, 0, 0, 0 };
        }

        /// <summary>Contactors: main positive (bit 0) and main negative (bit 1) closed or open.</summary>
        public static byte[] Contactors(bool positiveClosed, bool negativeClosed)
        {
            return new byte[] { (byte)((positiveClosed ? 1 : 0) | (negativeClosed ? 2 : 0)), 0, 0, 2, 0, 0, 0, 0 };
        }

        /// <summary>Feeds a parked, unplugged vehicle with open contactors and <paramref name="currentTenths"/> at <paramref name="now"/>.</summary>
        public static void Parked(VehicleState state, int currentTenths, long now)
        {
            state.Observe(VehicleStateId, false, VehicleState(0, 0), 8, now);
            state.Observe(PackStatusId, false, PackStatus(3600, currentTenths, 160), 8, now);
            state.Observe(ContactorsId, false, Contactors(false, false), 8, now);
        }

        /// <summary>Fails unless the safety results are equal, naming them.</summary>
        public static void Result(int expected, int actual, string context)
        {
            Assert.AreEqual(Name(expected), Name(actual), context);
        }

        /// <summary>Name of a <see cref="SafetyResult"/> value.</summary>
        public static string Name(int result)
        {
            switch (result)
            {
                case SafetyResult.Safe: return "safe";
                case SafetyResult.Unsafe: return "unsafe";
                case SafetyResult.Stale: return "stale";
                case SafetyResult.Unknown: return "unknown";
                default: return "result-" + result.ToString();
            }
        }

        /// <summary>Parses tap text that must be valid.</summary>
        public static VehicleState State(string text)
        {
            int line;
            string error;
            VehicleState state = VehicleStateText.Parse(text, out line, out error);
            Assert.IsNull(error, "line " + line.ToString() + ": " + error);
            return state;
        }

        /// <summary>Parses interlock text that must be valid.</summary>
        public static InterlockTable Table(string text, VehicleState state)
        {
            int line;
            string error;
            InterlockTable table = InterlockTableText.Parse(text, state, out line, out error);
            Assert.IsNull(error, "line " + line.ToString() + ": " + error);
            return table;
        }
    }
}
