using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// BlankWithheld against a bit-by-bit model on random policies, payloads and lengths (short, 8, and
    /// longer than 8): every byte left, cleared or masked as the model says, and the same verdict.
    /// </summary>
    [TestClass]
    public class TelemetryBlankingModelTests
    {
        [TestMethod]
        public void RandomPoliciesBlankWhatWalkingTheBitsWithholds()
        {
            XorShift random = new XorShift(1207);
            int[] actions = { TelemetryAction.Forward, TelemetryAction.Drop, TelemetryAction.Downsample, TelemetryAction.Drop };
            int checkedFrames = 0;
            for (int policy = 0; policy < 60; policy++)
            {
                int count = 1 + random.Below(6);
                TelemetrySignal[] signals = new TelemetrySignal[count];
                for (int s = 0; s < count; s++)
                {
                    int length;
                    int start;
                    bool motorola;
                    do
                    {
                        length = 1 + random.Below(16);
                        start = random.Below(64);
                        motorola = random.Chance(30);
                    }
                    while (TelemetrySignal.Check("s", 0x300, false, start, length, motorola, 1, 0, 0, "") != null);

                    int action = actions[random.Below(actions.Length)];
                    long every = action == TelemetryAction.Downsample ? 1000 : 0;
                    signals[s] = new TelemetrySignal("s" + s.ToString(), (uint)(0x300 + random.Below(2)), false, start, length, motorola, false, 1, 0, 0, "", null,
                        TelemetryFixtures.Treat(action, 0, every, 0, 0, 0, 0));
                }

                TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], new TelemetryRecorder());
                for (uint id = 0x300; id <= 0x302; id++)
                {
                    byte[] mask = Mask(signals, id);
                    for (int trial = 0; trial < 20; trial++)
                    {
                        byte[] data = new byte[12];
                        byte[] before = new byte[12];
                        for (int i = 0; i < data.Length; i++)
                        {
                            data[i] = (byte)random.Next();
                            before[i] = data[i];
                        }

                        int len = random.Below(13);
                        bool any = false;
                        for (int i = 0; i < len && i < 8; i++)
                        {
                            any = any || mask[i] != 0;
                        }

                        string at = "policy " + policy.ToString() + " id " + id.ToString() + " len " + len.ToString();
                        Assert.AreEqual(any, z.BlankWithheld(id, false, data, len), at);
                        for (int i = 0; i < data.Length; i++)
                        {
                            int expected = i >= len ? before[i] : i >= 8 ? 0 : before[i] & mask[i];
                            Assert.AreEqual((byte)expected, data[i], at + " byte " + i.ToString());
                        }

                        checkedFrames++;
                    }
                }
            }

            Assert.AreEqual(60 * 3 * 20, checkedFrames);
        }

        // Bits of allowed signals set, then bits of withheld ones cleared, walked one bit at a time.
        private static byte[] Mask(TelemetrySignal[] signals, uint id)
        {
            byte[] mask = new byte[8];
            for (int pass = 0; pass < 2; pass++)
            {
                for (int s = 0; s < signals.Length; s++)
                {
                    bool allowed = TelemetryAction.AllowedOnBus(signals[s].Treatment.Action);
                    if (signals[s].Id != id || allowed != (pass == 0))
                    {
                        continue;
                    }

                    int bit = signals[s].Motorola ? ((signals[s].StartBit / 8) * 8) + 7 - (signals[s].StartBit % 8) : signals[s].StartBit;
                    for (int i = 0; i < signals[s].Length; i++, bit++)
                    {
                        int index = bit / 8;
                        int shift = signals[s].Motorola ? 7 - (bit % 8) : bit % 8;
                        mask[index] = (byte)(allowed ? mask[index] | (1 << shift) : mask[index] & ~(1 << shift));
                    }
                }
            }

            return mask;
        }
    }
}
