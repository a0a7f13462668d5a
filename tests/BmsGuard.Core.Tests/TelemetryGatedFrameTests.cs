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
    }
}
