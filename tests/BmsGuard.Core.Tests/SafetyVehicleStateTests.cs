using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>VehicleState: decoding taps (Intel, Motorola, signed, offsets), freshness limits and frame handling.</summary>
    [TestClass]
    public class SafetyVehicleStateTests
    {
        [TestMethod]
        public void ReferenceTapsDecodeHandBuiltFrames()
        {
            VehicleState state = ReferenceSafety.NewState();
            Assert.IsNotNull(state);
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(12345, 3), 8, 1000);
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3521, -1234, 161), 8, 1000);
            Assert.AreEqual(12345L, state.Units(state.IndexOf("vehicle_speed")), "123.45 km/h in 0.01");
            Assert.AreEqual(3L, state.Units(state.IndexOf("charging_state")));
            Assert.AreEqual(3521L, state.Units(state.IndexOf("pack_voltage")), "352.1 V in 0.1");
            Assert.AreEqual(-1234L, state.Units(state.IndexOf("pack_current")), "signed Intel: -123.4 A");
            Assert.AreEqual(805L, state.Units(state.IndexOf("soc")), "161 * 0.5 = 80.5 % in 0.1");
            Assert.AreEqual(1000L, state.TimeMicros(state.IndexOf("soc")));
            Assert.AreEqual(2L, state.FramesObserved);
        }

        [TestMethod]
        public void OffsetAppliesExactly()
        {
            VehicleState state = ReferenceSafety.NewState();
            state.Observe(0x1F2, false, new byte[] { 0, 25, 0, 0, 0, 0, 0, 0 }, 8, 5);
            Assert.AreEqual(-15L, state.Units(state.IndexOf("cell_temp_max")), "25 - 40 degC");
        }

        [TestMethod]
        public void MotorolaSignedSixteenBitsAcrossTwoBytes()
        {
            // Motorola start 7 = MSB of byte 0, so byte 0 is the high byte: 0xFF38 = -200; -200 * 0.5 - 10 = -110.
            VehicleState state = SafetyFrames.State("signal m id=0x100 start=7 len=16 order=motorola signed scale=0.5 offset=-10 max-age=1s");
            state.Observe(0x100, false, new byte[] { 0xFF, 0x38 }, 2, 0);
            Assert.AreEqual(-1100L, state.Units(0), "-110.0 in 0.1");
            state.Observe(0x100, false, new byte[] { 0x00, 0xC8 }, 2, 0);
            Assert.AreEqual(900L, state.Units(0), "200 * 0.5 - 10 = 90.0");
        }

        [TestMethod]
        public void MotorolaTwelveBitsStartingMidByte()
        {
            // MSB at bit 3 of byte 0: bits 3..0 of byte 0, then all of byte 1 (like ISO-TP's first-frame length).
            VehicleState state = SafetyFrames.State("signal len12 id=0x7E4 start=3 len=12 order=motorola unsigned scale=1 offset=0 max-age=1s");
            state.Observe(0x7E4, false, new byte[] { 0x1A, 0xBC, 0xFF }, 3, 0);
            Assert.AreEqual(0xABCL, state.Units(0));
        }

        [TestMethod]
        public void IntelSignedFieldInsideAByte()
        {
            // 4 bits at bit 2: byte 0 = 0b0011_1000 -> raw 0b1110 = -2 signed.
            VehicleState state = SafetyFrames.State("signal s id=0x10 start=2 len=4 order=intel signed scale=1 offset=0 max-age=1s");
            state.Observe(0x10, false, new byte[] { 0x38 }, 1, 0);
            Assert.AreEqual(-2L, state.Units(0));
        }

        [TestMethod]
        public void FreshUpToMaxAgeThenStale()
        {
            VehicleState state = ReferenceSafety.NewState();
            int speed = state.IndexOf("vehicle_speed");
            SafetyFrames.Result(SafetyResult.Unknown, state.Freshness(speed, 0), "never seen");
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 0), 8, 1000000);
            SafetyFrames.Result(SafetyResult.Safe, state.Freshness(speed, 1000000), "age 0");
            SafetyFrames.Result(SafetyResult.Safe, state.Freshness(speed, 1500000), "age = max-age 500 ms");
            SafetyFrames.Result(SafetyResult.Stale, state.Freshness(speed, 1500001), "age 500.001 ms");
            SafetyFrames.Result(SafetyResult.Stale, state.Freshness(speed, 999999), "clock went backwards");
            state.Observe(SafetyFrames.VehicleStateId, false, SafetyFrames.VehicleState(0, 0), 8, 2000000);
            SafetyFrames.Result(SafetyResult.Safe, state.Freshness(speed, 2400000), "refreshed");
            state.Clear();
            SafetyFrames.Result(SafetyResult.Unknown, state.Freshness(speed, 2400000), "cleared");
        }

        [TestMethod]
        public void ShortFrameKeepsOldValueAndTime()
        {
            VehicleState state = ReferenceSafety.NewState();
            int current = state.IndexOf("pack_current");
            int voltage = state.IndexOf("pack_voltage");
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3600, 20, 100), 8, 100);

            // 3 bytes carry the voltage (bytes 0-1) but only half of the current (bytes 2-3).
            state.Observe(SafetyFrames.PackStatusId, false, SafetyFrames.PackStatus(3700, -500, 100), 3, 200);
            Assert.AreEqual(3700L, state.Units(voltage));
            Assert.AreEqual(200L, state.TimeMicros(voltage));
            Assert.AreEqual(20L, state.Units(current), "current not updated from a short frame");
            Assert.AreEqual(100L, state.TimeMicros(current));
            Assert.AreEqual(2L, state.ShortFrames, "current and soc missing");
            state.Observe(SafetyFrames.PackStatusId, false, new byte[8], 0, 300);
            state.Observe(SafetyFrames.PackStatusId, false, null, 8, 300);
            Assert.AreEqual(3700L, state.Units(voltage));
        }

        [TestMethod]
        public void OtherIdsAndIdTypesAreIgnored()
        {
            VehicleState state = ReferenceSafety.NewState();
            state.Observe(SafetyFrames.VehicleStateId, true, SafetyFrames.VehicleState(500, 0), 8, 10);
            state.Observe(0x0D1, false, SafetyFrames.VehicleState(500, 0), 8, 10);
            state.Observe(0xFFFFFFFF, false, SafetyFrames.VehicleState(500, 0), 8, 10);
            state.Observe(0x18FF50E5, false, new byte[8], 8, 10);
            Assert.AreEqual(0L, state.FramesObserved);
            SafetyFrames.Result(SafetyResult.Unknown, state.Freshness(state.IndexOf("vehicle_speed"), 10), "extended 0x0D0 is another frame");

            state.Observe(0x18FF50E5, true, new byte[] { 0, 0, 0x10, 0x27, 0, 0, 0, 0 }, 8, 10);
            Assert.AreEqual(10000L, state.Units(state.IndexOf("charger_current")), "1000.0 A in 0.1");
        }

        [TestMethod]
        public void ManyTapsOnManyFramesEachReadOnlyFromItsFrame()
        {
            // 64 taps on 8 extended and 24 standard frames, two per frame: a frame updates exactly its own two.
            string text = string.Empty;
            for (int f = 0; f < 32; f++)
            {
                string id = f < 8 ? "id=0x" + (0x18FF0000 + f).ToString("X8") + " ext" : "id=0x" + (0x300 + f).ToString("X3");
                text += "signal a" + f.ToString() + " " + id + " start=0 len=8 order=intel unsigned scale=1 offset=0 max-age=1s\n";
                text += "signal b" + f.ToString() + " " + id + " start=8 len=8 order=intel unsigned scale=1 offset=0 max-age=1s\n";
            }

            VehicleState state = SafetyFrames.State(text);
            Assert.AreEqual(64, state.TapCount);
            Assert.AreEqual(32, state.FrameCount);
            for (int f = 0; f < 32; f++)
            {
                uint id = f < 8 ? (uint)(0x18FF0000 + f) : (uint)(0x300 + f);
                state.Observe(id, f < 8, new byte[] { (byte)f, (byte)(100 + f) }, 2, f);
            }

            for (int f = 0; f < 32; f++)
            {
                Assert.AreEqual((long)f, state.Units(state.IndexOf("a" + f.ToString())));
                Assert.AreEqual((long)(100 + f), state.Units(state.IndexOf("b" + f.ToString())));
                Assert.AreEqual((long)f, state.TimeMicros(state.IndexOf("b" + f.ToString())));
            }
        }
    }
}
