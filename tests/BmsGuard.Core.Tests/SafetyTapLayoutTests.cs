using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Every tap layout a DBC can give (start bit, length, byte order, sign) reads what walking the frame's
    /// bits one at a time gives, and nothing from a frame too short to carry it.
    /// </summary>
    [TestClass]
    public class SafetyTapLayoutTests
    {
        private const uint Id = 0x100;

        [TestMethod]
        public void EveryLayoutReadsWhatWalkingTheBitsGives()
        {
            System.Random random = new System.Random(20261130);
            byte[] data = new byte[8];
            SignalTap[] one = new SignalTap[1];
            int layouts = 0;
            for (int order = 0; order < 2; order++)
            {
                for (int sign = 0; sign < 2; sign++)
                {
                    for (int start = 0; start < 64; start++)
                    {
                        for (int length = 1; length <= SignalTap.MaxLength; length++)
                        {
                            bool motorola = order == 1;
                            bool signed = sign == 1;
                            if (SignalTap.Check("s", Id, false, start, length, motorola, 1, 0, 0, 1000) != null)
                            {
                                continue;
                            }

                            one[0] = new SignalTap("s", Id, false, start, length, motorola, signed, 1, 0, 0, "", 1000, null, null);
                            VehicleState state = VehicleState.Build(one, 1);
                            for (int trial = 0; trial < 3; trial++)
                            {
                                random.NextBytes(data);
                                state.Observe(Id, false, data, 8, trial);
                                long expected = BitWalk.Read(data, start, length, motorola, signed);
                                Assert.AreEqual(expected, state.Units(0), Layout(start, length, motorola, signed));
                            }

                            // One byte short: the tap keeps its value.
                            long kept = state.Units(0);
                            random.NextBytes(data);
                            state.Observe(Id, false, data, one[0].BytesNeeded - 1, 9);
                            Assert.AreEqual(kept, state.Units(0), "short frame, " + Layout(start, length, motorola, signed));
                            Assert.AreEqual(1L, state.ShortFrames);
                            layouts++;
                        }
                    }
                }
            }

            // Intel: start + length <= 64 for lengths 1..32 gives 1,552 layouts; Motorola the same; times two signs.
            Assert.AreEqual(6208, layouts);
        }

        // The signal's bits one by one: Intel from the LSB at the start bit upwards through the bytes;
        // Motorola from the MSB at the start bit, down through its byte, then from bit 7 of the next byte.

        private static string Layout(int start, int length, bool motorola, bool signed)
        {
            return "start " + start + " len " + length + (motorola ? " motorola" : " intel") + (signed ? " signed" : " unsigned");
        }
    }
}
