using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Vehicle state keeps a frame's payload and decodes it when a tap is read: whatever the order of
    /// frames (full, short, empty, on several ids) and reads, every read gives what decoding each frame
    /// on arrival gives, and the counters agree.
    /// </summary>
    [TestClass]
    public class SafetyDeferredDecodeTests
    {
        [TestMethod]
        public void ReadsBetweenAnyFramesGiveWhatDecodingOnArrivalGives()
        {
            SignalTap[] taps =
            {
                new SignalTap("a", 0x100, false, 0, 16, false, true, 10, -5, 1, "", 1000, null, null),
                new SignalTap("b", 0x100, false, 39, 12, true, false, 1, 0, 0, "", 2000, null, null),
                new SignalTap("c", 0x100, false, 56, 8, false, false, 1, 0, 0, "", 3000, null, null),
                new SignalTap("d", 0x200, false, 3, 1, false, false, 1, 0, 0, "", 500, null, null),
                new SignalTap("e", 0x18FF0001, true, 7, 32, true, true, 1, 0, 0, "", 800, null, null),
            };
            VehicleState state = VehicleState.Build(taps, taps.Length);
            uint[] ids = { 0x100, 0x200, 0x18FF0001, 0x300 };
            bool[] extended = { false, false, true, false };
            long[] units = new long[taps.Length];
            long[] times = new long[taps.Length];
            bool[] seen = new bool[taps.Length];
            long shortFrames = 0;
            long observed = 0;
            XorShift random = new XorShift(20261207);
            byte[] data = new byte[8];
            long now = 0;
            for (int step = 0; step < 20000; step++)
            {
                now += random.Below(400) - 50;   // sometimes back in time
                if (random.Chance(70))
                {
                    int which = random.Below(ids.Length);
                    int length = random.Chance(80) ? 8 : random.Below(9);
                    for (int i = 0; i < 8; i++)
                    {
                        data[i] = (byte)random.Next();
                    }

                    state.Observe(ids[which], extended[which], data, length, now);
                    for (int t = 0; t < taps.Length; t++)
                    {
                        if (taps[t].Id != ids[which] || taps[t].Extended != extended[which])
                        {
                            continue;
                        }

                        if (length < taps[t].BytesNeeded)
                        {
                            shortFrames++;
                            continue;
                        }

                        units[t] = taps[t].ToUnits(BitWalk.Read(data, taps[t].StartBit, taps[t].Length, taps[t].Motorola, taps[t].Signed));
                        times[t] = now;
                        seen[t] = true;
                    }

                    observed += which < 3 ? 1 : 0;
                }
                else
                {
                    int t = random.Below(taps.Length);
                    string at = "step " + step.ToString() + ", tap " + taps[t].Name;
                    long age = now - times[t];
                    int expected = !seen[t] ? SafetyResult.Unknown : age < 0 || age > taps[t].MaxAgeMicros ? SafetyResult.Stale : SafetyResult.Safe;
                    Assert.AreEqual(expected, state.Freshness(t, now), at);
                    Assert.AreEqual(units[t], state.Units(t), at);
                    Assert.AreEqual(times[t], state.TimeMicros(t), at);
                }
            }

            Assert.AreEqual(shortFrames, state.ShortFrames);
            Assert.AreEqual(observed, state.FramesObserved);
            Assert.IsTrue(shortFrames > 100, "the sequence has short frames");
        }

        [TestMethod]
        public void ClearForgetsAPayloadNotYetRead()
        {
            SignalTap[] taps = { new SignalTap("a", 0x100, false, 0, 8, false, false, 1, 0, 0, "", 1000, null, null) };
            VehicleState state = VehicleState.Build(taps, 1);
            state.Observe(0x100, false, new byte[] { 7 }, 1, 10);
            state.Clear();
            Assert.AreEqual(SafetyResult.Unknown, state.Freshness(0, 10));
            Assert.AreEqual(0L, state.Units(0));
            state.Observe(0x100, false, new byte[] { 9 }, 1, 20);
            Assert.AreEqual(9L, state.Units(0));
        }
    }
}
