using BmsGuard.Core.Crypto;
using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>TelemetrySanitizer: exact samples and times for every action, identifiers, counters.</summary>
    [TestClass]
    public class TelemetrySanitizerTests
    {
        private static TelemetrySanitizer One(SignalTreatment t, TelemetryRecorder sink)
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[] { TelemetryFixtures.Byte("a", 0x100, 1, t) }, new TelemetryIdentifier[0]);
            return new TelemetrySanitizer(p, new byte[32], sink);
        }

        [TestMethod]
        public void ForwardEmitsEveryObservationWithScalingAndOffset()
        {
            TelemetrySignal s = new TelemetrySignal("t", 0x1F2, false, 0, 8, false, false, 1, -40, 0, "degC", null, SignalTreatment.Of(TelemetryAction.Forward));
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(new TelemetrySignal[] { s }, new TelemetryIdentifier[0]), new byte[32], sink);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(65, 0, 0, 0), 8, 1000);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(10, 0, 0, 0), 8, 2000);
            z.Observe(0x1F2, true, TelemetryFixtures.Frame(10, 0, 0, 0), 8, 3000);
            Assert.AreEqual("0=25@1000\n0=-30@2000\n", sink.Take());
            Assert.AreEqual(2L, z.Seen(0));
            Assert.AreEqual(2L, z.Emitted(0));
            Assert.AreEqual(1L, z.UnknownFrames, "the extended id 0x1F2 is another frame");
        }

        [TestMethod]
        public void QuantizeRoundsToTheNearestStepHalvesAwayFromZero()
        {
            TelemetrySignal s = new TelemetrySignal("v", 0x1F0, false, 0, 16, false, true, 1, 0, 1, "V", null,
                TelemetryFixtures.Treat(TelemetryAction.Quantize, 5, 0, 0, 0, 0, 0));
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(TelemetryFixtures.Policy(new TelemetrySignal[] { s }, new TelemetryIdentifier[0]), new byte[32], sink);
            int[] raws = new int[] { 3521, 3523, 3522, 3525, -2, -3, -7 };
            for (int i = 0; i < raws.Length; i++)
            {
                z.Observe(0x1F0, false, new byte[] { (byte)raws[i], (byte)(raws[i] >> 8) }, 2, i);
            }

            Assert.AreEqual("0=3520@0\n0=3525@1\n0=3520@2\n0=3525@3\n0=0@4\n0=-5@5\n0=-5@6\n", sink.Take());
        }

        [TestMethod]
        public void DownsampleKeepsOneObservationPerMinimumInterval()
        {
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = One(TelemetryFixtures.Treat(TelemetryAction.Downsample, 0, 100000, 0, 0, 0, 0), sink);
            long[] times = new long[] { 0, 50000, 100000, 150000, 260000, 359999 };
            for (int i = 0; i < times.Length; i++)
            {
                z.Observe(0x100, false, TelemetryFixtures.Frame(0, i + 1, 0, 0), 8, times[i]);
            }

            Assert.AreEqual("0=1@0\n0=3@100000\n0=5@260000\n", sink.Take());
            Assert.AreEqual(6L, z.Seen(0));
            Assert.AreEqual(3L, z.Emitted(0));
            Assert.AreEqual(3L, z.Dropped(0));
        }

        [TestMethod]
        public void AggregateEmitsMinMaxMeanLastAtEachWindowEnd()
        {
            SignalTreatment min = TelemetryFixtures.Treat(TelemetryAction.Aggregate, 0, 0, 1000000, AggregateFunction.Min, 0, 0);
            SignalTreatment max = TelemetryFixtures.Treat(TelemetryAction.Aggregate, 0, 0, 1000000, AggregateFunction.Max, 0, 0);
            SignalTreatment mean = TelemetryFixtures.Treat(TelemetryAction.Aggregate, 0, 0, 1000000, AggregateFunction.Mean, 0, 0);
            SignalTreatment last = TelemetryFixtures.Treat(TelemetryAction.Aggregate, 0, 0, 1000000, AggregateFunction.Last, 0, 0);
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Byte("min", 0x1F2, 0, min), TelemetryFixtures.Byte("max", 0x1F2, 1, max),
                TelemetryFixtures.Byte("mean", 0x1F2, 2, mean), TelemetryFixtures.Byte("last", 0x1F2, 3, last),
            }, new TelemetryIdentifier[0]);
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], sink);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(10, 10, 10, 10), 8, 500000);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(20, 20, 21, 20), 8, 700000);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(15, 15, 15, 15), 8, 1400000);
            Assert.AreEqual("", sink.Take(), "the first window [0.5 s, 1.5 s) is still open");
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(30, 30, 30, 30), 8, 1500000);
            Assert.AreEqual("0=10@1500000\n1=20@1500000\n2=15@1500000\n3=15@1500000\n", sink.Take(), "mean 46/3 = 15.33 -> 15");
            z.Advance(2499999);
            Assert.AreEqual("", sink.Take());
            z.Advance(2500000);
            Assert.AreEqual("0=30@2500000\n1=30@2500000\n2=30@2500000\n3=30@2500000\n", sink.Take());
            z.Advance(9000000);
            Assert.AreEqual("", sink.Take(), "an empty window emits nothing");
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(1, 1, 1, 1), 8, 9100000);
            z.Observe(0x1F2, false, TelemetryFixtures.Frame(1, 1, 2, 1), 8, 9200000);
            z.Advance(9500000);
            Assert.AreEqual("0=1@9500000\n1=1@9500000\n2=2@9500000\n3=1@9500000\n", sink.Take(), "windows stay aligned to 0.5 s; mean 1.5 rounds to 2");
            Assert.AreEqual(3L, z.Emitted(2));
            Assert.AreEqual(0L, z.Dropped(2));
        }

        [TestMethod]
        public void DelayHoldsSamplesInASmallRingAndKeepsTheirTimes()
        {
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = One(TelemetryFixtures.Treat(TelemetryAction.Delay, 0, 0, 0, 0, 1000000, 2), sink);
            z.Observe(0x100, false, TelemetryFixtures.Frame(0, 1, 0, 0), 8, 0);
            z.Observe(0x100, false, TelemetryFixtures.Frame(0, 2, 0, 0), 8, 300000);
            z.Observe(0x100, false, TelemetryFixtures.Frame(0, 3, 0, 0), 8, 600000);
            Assert.AreEqual(1L, z.Dropped(0), "the ring of 2 is full: the newest is dropped, never sent early");
            Assert.AreEqual(2, z.Held(0));
            z.Advance(999999);
            Assert.AreEqual("", sink.Take());
            z.Advance(1000000);
            Assert.AreEqual("0=1@0\n", sink.Take());
            z.Observe(0x100, false, TelemetryFixtures.Frame(0, 4, 0, 0), 8, 1300000);
            Assert.AreEqual("0=2@300000\n", sink.Take());
            z.Advance(2300000);
            Assert.AreEqual("0=4@1300000\n", sink.Take());
            Assert.AreEqual(3L, z.Emitted(0));
        }

        [TestMethod]
        public void DropEmitsNothingAndShortFramesAreCounted()
        {
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = One(SignalTreatment.Of(TelemetryAction.Drop), sink);
            z.Observe(0x100, false, TelemetryFixtures.Frame(1, 2, 3, 4), 8, 0);
            Assert.AreEqual(0, sink.Count);
            Assert.AreEqual(1L, z.Dropped(0));

            TelemetrySanitizer f = One(SignalTreatment.Of(TelemetryAction.Forward), sink);
            f.Observe(0x100, false, TelemetryFixtures.Frame(1, 2, 3, 4), 1, 0);
            Assert.AreEqual(0, sink.Count, "byte 1 is not in a 1-byte frame");
            Assert.AreEqual(1L, f.Seen(0));
            Assert.AreEqual(1L, f.Dropped(0));
        }

        [TestMethod]
        public void MultiplexedSignalsAreReadOnlyOnTheirPage()
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Paged("p0", 0x3F0, 1, 0, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Paged("p1", 0x3F0, 1, 1, SignalTreatment.Of(TelemetryAction.Forward)),
            }, new TelemetryIdentifier[0]);
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], sink);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(1, 77, 0, 0), 8, 5);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(0, 66, 0, 0), 8, 6);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(2, 55, 0, 0), 8, 7);
            Assert.AreEqual("1=77@5\n0=66@6\n", sink.Take());
            Assert.AreEqual(1L, z.Seen(0));
            Assert.AreEqual(1L, z.Seen(1));
        }

        [TestMethod]
        public void IdentifierLeavesOnlyAsTruncatedHmacOfItsRawBytesWhenCompleteAndChanged()
        {
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(i * 7);
            }

            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Paged("s0", 0x3F0, 1, 0, TelemetryFixtures.Part(0, 0)),
                TelemetryFixtures.Paged("s1", 0x3F0, 2, 0, TelemetryFixtures.Part(0, 1)),
                TelemetryFixtures.Paged("s2", 0x3F0, 1, 1, TelemetryFixtures.Part(0, 2)),
            }, new TelemetryIdentifier[] { new TelemetryIdentifier("serial", IdentifierAction.Pseudonymize, 8, 3600000000L) });
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(p, key, sink);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(0, 'A', 'B', 0), 8, 100);
            Assert.AreEqual(0, sink.Count, "page 1 not seen yet");
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(1, 'C', 0, 0), 8, 200);
            string expected = TelemetryRecorder.Hex(HmacSha256.Mac(key, new byte[] { (byte)'A', (byte)'B', (byte)'C' }), 8);
            Assert.AreEqual("0#" + expected + "@200\n", sink.Take());

            z.Observe(0x3F0, false, TelemetryFixtures.Frame(0, 'A', 'B', 0), 8, 300);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(1, 'C', 0, 0), 8, 400);
            Assert.AreEqual("", sink.Take(), "unchanged and the hour has not passed");
            Assert.AreEqual(1L, z.IdentifierUnchanged(0));
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(0, 'A', 'B', 0), 8, 3600000200L);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(1, 'C', 0, 0), 8, 3600000200L);
            Assert.AreEqual("0#" + expected + "@3600000200\n", sink.Take(), "re-emitted after every=1h");
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(0, 'A', 'X', 0), 8, 3600000300L);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(1, 'C', 0, 0), 8, 3600000400L);
            string changed = TelemetryRecorder.Hex(HmacSha256.Mac(key, new byte[] { (byte)'A', (byte)'X', (byte)'C' }), 8);
            Assert.AreEqual("0#" + changed + "@3600000400\n", sink.Take(), "a changed value leaves at once");
            Assert.AreEqual(3L, z.IdentifierEmitted(0));
            Assert.AreEqual(0L, z.Emitted(0), "parts never leave as samples");
        }

        [TestMethod]
        public void DroppedIdentifierNeverLeaves()
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[] { TelemetryFixtures.Byte("vin0", 0x3F0, 1, TelemetryFixtures.Part(0, 0)) },
                new TelemetryIdentifier[] { new TelemetryIdentifier("vin", IdentifierAction.Drop, 0, 0) });
            TelemetryRecorder sink = new TelemetryRecorder();
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], sink);
            z.Observe(0x3F0, false, TelemetryFixtures.Frame(2, 'W', 0, 0), 8, 1);
            Assert.AreEqual(0, sink.Count);
            Assert.AreEqual(1L, z.Seen(0));
            Assert.AreEqual(1L, z.Dropped(0));
            Assert.AreEqual(0L, z.IdentifierEmitted(0));
        }

        [TestMethod]
        public void PseudonymKeyIsTheOwnerSecretsHmacOfTheLabel()
        {
            byte[] secret = new byte[32];
            secret[0] = 1;
            byte[] label = new byte[PseudonymKey.Label.Length];
            for (int i = 0; i < label.Length; i++)
            {
                label[i] = (byte)PseudonymKey.Label[i];
            }

            Assert.AreEqual(TelemetryRecorder.Hex(HmacSha256.Mac(secret, label), 32), TelemetryRecorder.Hex(PseudonymKey.Derive(secret), 32));
            Assert.AreNotEqual(TelemetryRecorder.Hex(secret, 32), TelemetryRecorder.Hex(PseudonymKey.Derive(secret), 32));
        }
    }
}
