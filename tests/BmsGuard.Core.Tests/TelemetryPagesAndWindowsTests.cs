using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Multiplexed frames (disjoint pages, overlapping pages, paged beside plain signals) and aggregate
    /// windows against simple models on random frames, lengths and times, the clock sometimes going
    /// back: the same samples in the same order with the same times, and the same counters.
    /// </summary>
    [TestClass]
    public class TelemetryPagesAndWindowsTests
    {
        [TestMethod]
        public void PagedSignalsAreReadOnTheirPageOnlyWhateverTheGrouping()
        {
            SignalTreatment forward = SignalTreatment.Of(TelemetryAction.Forward);
            TelemetrySignal[] signals =
            {
                Paged("a0", 0x400, 1, 0, 0, forward), Paged("b0", 0x400, 2, 1, 1, forward), Paged("a1", 0x400, 3, 0, 0, forward),
                Paged("c0", 0x400, 7, 2, 4, forward),
                Paged("o0", 0x401, 1, 0, 3, forward), Paged("o1", 0x401, 2, 2, 5, forward),
                TelemetryFixtures.Byte("p0", 0x402, 5, forward), Paged("m0", 0x402, 1, 1, 1, forward), TelemetryFixtures.Byte("p1", 0x402, 6, forward),
            };
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], sink);
            System.Text.StringBuilder expected = new System.Text.StringBuilder();
            long[] seen = new long[signals.Length];
            long[] dropped = new long[signals.Length];
            XorShift random = new XorShift(4242);
            byte[] data = new byte[8];
            for (int frame = 0; frame < 6000; frame++)
            {
                uint id = (uint)(0x400 + random.Below(3));
                int len = random.Chance(85) ? 8 : random.Below(9);
                random.Next();
                for (int i = 0; i < 8; i++)
                {
                    data[i] = (byte)random.Next();
                }

                data[0] = (byte)random.Below(7);
                z.Observe(id, false, data, len, frame);
                for (int s = 0; s < signals.Length; s++)
                {
                    SignalMux mux = signals[s].Mux;
                    if (signals[s].Id != id || (mux != null && (len < 1 || data[0] < mux.Low || data[0] > mux.High)))
                    {
                        continue;
                    }

                    seen[s]++;
                    if (len < signals[s].BytesNeeded)
                    {
                        dropped[s]++;
                        continue;
                    }

                    expected.Append(s.ToString() + "=" + data[signals[s].StartBit / 8].ToString() + "@" + frame.ToString() + "\n");
                }

                // Compared frame by frame: nanoFramework's default StringBuilder holds about 40,000 chars (docs/device.md).
                Assert.AreEqual(expected.ToString(), sink.Take(), "frame " + frame.ToString());
                expected.Clear();
            }

            for (int s = 0; s < signals.Length; s++)
            {
                Assert.AreEqual(seen[s], z.Seen(s), "seen " + signals[s].Name);
                Assert.AreEqual(dropped[s], z.Dropped(s), "dropped " + signals[s].Name);
            }
        }

        [TestMethod]
        public void AggregateWindowsMatchTheirModelUnderARandomClock()
        {
            const long Window = 10000;
            TelemetrySignal[] signals = new TelemetrySignal[AggregateFunction.Count];
            for (int fn = 0; fn < AggregateFunction.Count; fn++)
            {
                signals[fn] = new TelemetrySignal("g" + fn.ToString(), 0x500, false, fn * 8, 8, false, true, 1, 0, 0, "", null,
                    TelemetryFixtures.Treat(TelemetryAction.Aggregate, fn == AggregateFunction.Mean ? 2 : 0, 0, Window, fn, 0, 0));
            }

            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(signals, new TelemetryIdentifier[0]), new byte[32], sink);
            System.Text.StringBuilder expected = new System.Text.StringBuilder();
            bool open = false;
            long start = 0;
            long[] min = new long[AggregateFunction.Count];
            long[] max = new long[AggregateFunction.Count];
            long[] sum = new long[AggregateFunction.Count];
            long[] last = new long[AggregateFunction.Count];
            int count = 0;
            XorShift random = new XorShift(99);
            byte[] data = new byte[8];
            long now = 0;
            for (int step = 0; step < 20000; step++)
            {
                now += random.Chance(4) ? -(long)random.Below(15000) : random.Below(900);
                bool advance = random.Chance(10);
                if (open && now - start >= Window)
                {
                    for (int fn = 0; fn < AggregateFunction.Count && count > 0; fn++)
                    {
                        long value = fn == AggregateFunction.Min ? min[fn] : fn == AggregateFunction.Max ? max[fn] : fn == AggregateFunction.Last ? last[fn] : Mean2(sum[fn], count);
                        expected.Append(fn.ToString() + "=" + value.ToString() + "@" + (start + Window).ToString() + "\n");
                    }

                    start += Window * ((now - start) / Window);
                    count = 0;
                    for (int fn = 0; fn < AggregateFunction.Count; fn++)
                    {
                        sum[fn] = 0;
                    }
                }

                if (advance)
                {
                    z.Advance(now);
                    Assert.AreEqual(expected.ToString(), sink.Take(), "advance at step " + step.ToString());
                    expected.Clear();
                    continue;
                }

                for (int i = 0; i < 8; i++)
                {
                    data[i] = (byte)random.Next();
                }

                z.Observe(0x500, false, data, 8, now);
                if (!open)
                {
                    open = true;
                    start = now;
                }

                for (int fn = 0; fn < AggregateFunction.Count; fn++)
                {
                    long v = (sbyte)data[fn];
                    min[fn] = count == 0 || v < min[fn] ? v : min[fn];
                    max[fn] = count == 0 || v > max[fn] ? v : max[fn];
                    sum[fn] += v;
                    last[fn] = v;
                }

                count++;
                Assert.AreEqual(expected.ToString(), sink.Take(), "frame at step " + step.ToString());
                expected.Clear();
            }

            Assert.IsTrue(z.Emitted(0) > 100, "windows closed");
        }

        // The mean rounded half away from zero, then to the nearest multiple of 2 (the mean signal's step).
        private static long Mean2(long sum, int count)
        {
            long mean = Round(sum, count);
            return Round(mean, 2) * 2;
        }

        private static long Round(long a, long b)
        {
            long twice = (a * 2) + (a < 0 ? -b : b);
            return twice / (2 * b);
        }

        private static TelemetrySignal Paged(string name, uint id, int index, int low, int high, SignalTreatment t)
        {
            return new TelemetrySignal(name, id, false, index * 8, 8, false, false, 1, 0, 0, "", new SignalMux(0, 8, false, low, high), t);
        }
    }
}
