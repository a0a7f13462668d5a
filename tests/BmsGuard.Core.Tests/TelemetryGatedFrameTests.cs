using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// A frame whose signals are all rate-gated is counted without being decoded while every gate is
    /// shut: samples, times and the seen, dropped and emitted counters stay those of judging each
    /// signal of each frame, whatever the frame lengths and with a clock that sometimes goes back.
    /// </summary>
    [TestClass]
    public class TelemetryGatedFrameTests
    {
        private const int Signals = 7;

        [TestMethod]
        public void GatedFramesCountAsIfEverySignalWereJudged()
        {
            // 0x100: all paced or dropped (skipped while gated); 0x101: drop only; 0x102: one signal unpaced.
            TelemetrySignal[] signals =
            {
                TelemetryFixtures.Byte("p0", 0x100, 0, TelemetryFixtures.Treat(TelemetryAction.Downsample, 0, 1000, 0, 0, 0, 0)),
                TelemetryFixtures.Byte("p1", 0x100, 1, TelemetryFixtures.Treat(TelemetryAction.Quantize, 5, 3000, 0, 0, 0, 0)),
                TelemetryFixtures.Byte("p2", 0x100, 2, TelemetryFixtures.Treat(TelemetryAction.Forward, 0, 500, 0, 0, 0, 0)),
                TelemetryFixtures.Byte("d0", 0x100, 6, SignalTreatment.Of(TelemetryAction.Drop)),
                TelemetryFixtures.Byte("d1", 0x101, 3, SignalTreatment.Of(TelemetryAction.Drop)),
                TelemetryFixtures.Byte("f0", 0x102, 7, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Byte("p3", 0x102, 4, TelemetryFixtures.Treat(TelemetryAction.Downsample, 0, 2000, 0, 0, 0, 0)),
            };
            long[] every = { 1000, 3000, 500, -1, -1, 0, 2000 };
            long[] step = { 0, 5, 0, 0, 0, 0, 0 };
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], sink);
            System.Text.StringBuilder expected = new System.Text.StringBuilder();
            long[] seen = new long[Signals];
            long[] dropped = new long[Signals];
            long[] emitted = new long[Signals];
            long[] last = new long[Signals];
            bool[] accepted = new bool[Signals];
            uint[] ids = { 0x100, 0x101, 0x102 };
            XorShift random = new XorShift(7122026);
            byte[] data = new byte[8];
            long now = 0;
            for (int frame = 0; frame < 30000; frame++)
            {
                now += random.Chance(3) ? -(long)random.Below(4000) : random.Below(300);
                uint id = ids[random.Below(ids.Length)];
                int length = random.Chance(90) ? 8 : random.Below(9);
                for (int i = 0; i < 8; i++)
                {
                    data[i] = (byte)random.Next();
                }

                z.Observe(id, false, data, length, now);
                for (int s = 0; s < Signals; s++)
                {
                    if (signals[s].Id != id)
                    {
                        continue;
                    }

                    seen[s]++;
                    if (length < signals[s].BytesNeeded || every[s] < 0 || (every[s] > 0 && accepted[s] && now - last[s] < every[s]))
                    {
                        dropped[s]++;
                        continue;
                    }

                    accepted[s] = true;
                    last[s] = now;
                    long value = data[signals[s].StartBit / 8];
                    if (step[s] > 0)
                    {
                        value = ((value * 2) + step[s]) / (2 * step[s]) * step[s];
                    }

                    emitted[s]++;
                    expected.Append(s.ToString() + "=" + value.ToString() + "@" + now.ToString() + "\n");
                }

                // Compared frame by frame: nanoFramework's default StringBuilder holds about 40,000 chars (docs/device.md).
                Assert.AreEqual(expected.ToString(), sink.Take(), "frame " + frame.ToString());
                expected.Clear();
            }

            for (int s = 0; s < Signals; s++)
            {
                Assert.AreEqual(seen[s], z.Seen(s), "seen " + signals[s].Name);
                Assert.AreEqual(dropped[s], z.Dropped(s), "dropped " + signals[s].Name);
                Assert.AreEqual(emitted[s], z.Emitted(s), "emitted " + signals[s].Name);
            }

            Assert.IsTrue(emitted[0] > 100 && dropped[0] > emitted[0], "p0 both passes and is gated");
        }

        [TestMethod]
        public void GatedDelayedFramesReleaseAndCountAsIfEverySignalWereJudged()
        {
            // 0x200: paced delays beside a downsample and a drop (skipped while every gate is shut and
            // nothing held falls due); 0x201: an unpaced delay (never skipped). Advance runs now and then.
            TelemetrySignal[] signals =
            {
                TelemetryFixtures.Byte("q0", 0x200, 0, TelemetryFixtures.Treat(TelemetryAction.Delay, 0, 700, 0, 0, 2000, 3)),
                TelemetryFixtures.Byte("q1", 0x200, 1, TelemetryFixtures.Treat(TelemetryAction.Delay, 5, 1500, 0, 0, 500, 2)),
                TelemetryFixtures.Byte("p0", 0x200, 2, TelemetryFixtures.Treat(TelemetryAction.Downsample, 0, 1000, 0, 0, 0, 0)),
                TelemetryFixtures.Byte("d0", 0x200, 5, SignalTreatment.Of(TelemetryAction.Drop)),
                TelemetryFixtures.Byte("q2", 0x201, 3, TelemetryFixtures.Treat(TelemetryAction.Delay, 0, 0, 0, 0, 1000, 4)),
            };
            int n = signals.Length;
            long[] every = { 700, 1500, 1000, -1, 0 };
            long[] step = { 0, 5, 0, 0, 0 };
            long[] delay = { 2000, 500, 0, 0, 1000 };
            int[] slots = { 3, 2, 0, 0, 4 };
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], sink);
            System.Text.StringBuilder expected = new System.Text.StringBuilder();
            long[] seen = new long[n];
            long[] dropped = new long[n];
            long[] emitted = new long[n];
            long[] last = new long[n];
            bool[] accepted = new bool[n];
            long[][] heldValue = new long[n][];
            long[][] heldTime = new long[n][];
            int[] held = new int[n];
            for (int s = 0; s < n; s++)
            {
                heldValue[s] = new long[4];
                heldTime[s] = new long[4];
            }

            uint[] ids = { 0x200, 0x200, 0x200, 0x201 };
            XorShift random = new XorShift(8122026);
            byte[] data = new byte[8];
            long now = 0;
            for (int frame = 0; frame < 30000; frame++)
            {
                now += random.Chance(3) ? -(long)random.Below(3000) : random.Below(250);
                if (random.Chance(2))
                {
                    z.Advance(now);
                    for (int s = 0; s < n; s++)
                    {
                        Release(s, now, delay, heldValue, heldTime, held, emitted, expected);
                    }
                }

                uint id = ids[random.Below(ids.Length)];
                int length = random.Chance(90) ? 8 : random.Below(9);
                for (int i = 0; i < 8; i++)
                {
                    data[i] = (byte)random.Next();
                }

                z.Observe(id, false, data, length, now);
                for (int s = 0; s < n; s++)
                {
                    if (signals[s].Id != id)
                    {
                        continue;
                    }

                    seen[s]++;
                    if (length < signals[s].BytesNeeded || every[s] < 0)
                    {
                        dropped[s]++;
                        continue;
                    }

                    bool delayed = delay[s] > 0;
                    if (delayed)
                    {
                        Release(s, now, delay, heldValue, heldTime, held, emitted, expected);
                    }

                    if (every[s] > 0 && accepted[s] && now - last[s] < every[s])
                    {
                        dropped[s]++;
                        continue;
                    }

                    accepted[s] = true;
                    last[s] = now;
                    long value = data[signals[s].StartBit / 8];
                    if (step[s] > 0)
                    {
                        value = ((value * 2) + step[s]) / (2 * step[s]) * step[s];
                    }

                    if (!delayed)
                    {
                        emitted[s]++;
                        expected.Append(s.ToString() + "=" + value.ToString() + "@" + now.ToString() + "\n");
                    }
                    else if (held[s] == slots[s])
                    {
                        dropped[s]++;
                    }
                    else
                    {
                        heldValue[s][held[s]] = value;
                        heldTime[s][held[s]] = now;
                        held[s]++;
                    }
                }

                Assert.AreEqual(expected.ToString(), sink.Take(), "frame " + frame.ToString());
                expected.Clear();
            }

            for (int s = 0; s < n; s++)
            {
                Assert.AreEqual(seen[s], z.Seen(s), "seen " + signals[s].Name);
                Assert.AreEqual(dropped[s], z.Dropped(s), "dropped " + signals[s].Name);
                Assert.AreEqual(emitted[s], z.Emitted(s), "emitted " + signals[s].Name);
                Assert.AreEqual(held[s], z.Held(s), "held " + signals[s].Name);
            }

            Assert.IsTrue(emitted[0] > 100 && dropped[0] > emitted[0] && emitted[1] > 100, "delays both release and are gated");
        }

        // The model's delay ring: emits, oldest first, what has been held for at least its delay.
        private static void Release(int s, long now, long[] delay, long[][] value, long[][] time, int[] held, long[] emitted, System.Text.StringBuilder expected)
        {
            while (delay[s] > 0 && held[s] > 0 && now - time[s][0] >= delay[s])
            {
                emitted[s]++;
                expected.Append(s.ToString() + "=" + value[s][0].ToString() + "@" + time[s][0].ToString() + "\n");
                for (int i = 1; i < held[s]; i++)
                {
                    value[s][i - 1] = value[s][i];
                    time[s][i - 1] = time[s][i];
                }

                held[s]--;
            }
        }
    }
}
