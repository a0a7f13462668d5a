using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>TelemetryPublisher: flushes by size, by age and by time gap, topics, refused payloads, counters, sanitizer wiring.</summary>
    [TestClass]
    public class TelemetryPublisherTests
    {
        private const long Second = 1000000;

        // 2026-01-01T00:00:00Z in unix microseconds.
        private const long T0 = 1767225600000000;

        private static TelemetryPublisher Publisher(RecordingOutlet outlet, int size)
        {
            return new TelemetryPublisher(outlet, 9, size, Second);
        }

        [TestMethod]
        public void AFullPayloadIsPublishedWhenTheNextSampleDoesNotFit()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, TelemetryBatch.MinPayloadBytes);
            for (int i = 0; i < 16; i++)
            {
                p.Sample(i, i, T0 + (i * 1000));
            }

            Assert.AreEqual(0, outlet.Count, "16 samples of 3 bytes fill 64 bytes exactly");
            p.Sample(16, 16, T0 + 16000);
            Assert.AreEqual(1, outlet.Count);
            Assert.AreEqual(TelemetryPublisher.TelemetryTopic, outlet.Topic(0));
            Assert.AreEqual(64, outlet.Length(0));
            Assert.AreEqual(16, outlet.Record(0));
            Assert.AreEqual(1, p.PendingSamples);
            Assert.AreEqual(17L, p.Samples);
            Assert.AreEqual(1L, p.Batches);
            Assert.AreEqual(64L, p.Bytes);
        }

        [TestMethod]
        public void APayloadIsPublishedOnceItIsAsOldAsTheFlushInterval()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Sample(0, 1, T0);
            p.Sample(0, 2, T0 + 400000);
            p.Tick(T0 + Second - 1);
            Assert.AreEqual(0, outlet.Count);
            p.Tick(T0 + Second);
            Assert.AreEqual(1, outlet.Count);
            Assert.AreEqual(2, outlet.Record(0));
            p.Tick(T0 + (5 * Second));
            Assert.AreEqual(1, outlet.Count, "nothing pending, nothing published");

            // Without Tick, the next sample past the interval publishes the old payload before it opens a new one.
            p.Sample(1, 3, T0 + (6 * Second));
            p.Sample(1, 4, T0 + (7 * Second));
            Assert.AreEqual(2, outlet.Count);
            Assert.AreEqual(1, outlet.Record(1));
            Assert.AreEqual(1, p.PendingSamples);
        }

        [TestMethod]
        public void AgeCountsFromTheLatestTimeSeenNotFromOldSampleTimes()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Tick(T0 + (30 * Second));
            p.Sample(0, 1, T0); // a delayed sample, 30 s old: the payload opens now, at T0 + 30 s
            p.Tick(T0 + (30 * Second) + 999999);
            Assert.AreEqual(0, outlet.Count);
            p.Tick(T0 + (10 * Second)); // the clock going back changes nothing
            p.Tick(T0 + (31 * Second));
            Assert.AreEqual(1, outlet.Count);
        }

        [TestMethod]
        public void AGapBeyondTheDeltaRangeStartsANewPayload()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = new TelemetryPublisher(outlet, 9, 512, 100L * 24 * 3600 * Second);
            long gap = (TelemetryBatch.MaxDeltaMillis + 1) * 1000;
            p.Sample(0, 1, T0);
            p.Sample(0, 2, T0 + 1000);
            p.Sample(0, 3, T0 + 1000 + gap);
            Assert.AreEqual(1, outlet.Count);
            Assert.AreEqual(2, outlet.Record(0));
            p.Flush(T0 + 1000 + gap);
            Assert.AreEqual(2, outlet.Count);
            Assert.AreEqual("00a8da769b010000", outlet.Hex(0).Substring(12, 16), "first payload's base time");
            Assert.AreEqual(3L, p.Samples);
            Assert.AreEqual(0L, p.Rejected);
        }

        [TestMethod]
        public void IdentifiersTravelInTheirOwnPayloadsOnTopicOne()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Sample(2, 5, T0);
            p.Identifier(0, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 8, T0 + 1500);
            p.Flush(T0 + 2000);
            Assert.AreEqual(2, outlet.Count);
            Assert.AreEqual(TelemetryPublisher.TelemetryTopic, outlet.Topic(0));
            Assert.AreEqual(TelemetryPublisher.IdentifierTopic, outlet.Topic(1));
            Assert.AreEqual("0102" + "09000000", outlet.Hex(1).Substring(0, 12), "version 1, identifier kind, policy version 9");
            Assert.AreEqual("0100" + "000008" + "0102030405060708", outlet.Hex(1).Substring(28), "count 1, identifier 0, delta 0, 8 bytes");
            Assert.AreEqual(1L, p.Identifiers);
            Assert.AreEqual(1L, p.Samples);
            Assert.AreEqual(2L, p.Batches);
        }

        [TestMethod]
        public void ARefusedPayloadIsCountedAndDiscarded()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            outlet.Accept = false;
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Sample(0, 1, T0);
            p.Sample(0, 2, T0 + 1000);
            p.Tick(T0 + Second);
            Assert.AreEqual(1L, p.FlushFailures);
            Assert.AreEqual(2L, p.RecordsLost);
            Assert.AreEqual(0L, p.Batches);
            Assert.AreEqual(0L, p.Bytes);
            Assert.AreEqual(0, p.PendingSamples);

            outlet.Accept = true;
            p.Sample(0, 3, T0 + (2 * Second));
            p.Flush(T0 + (2 * Second));
            Assert.AreEqual(1L, p.Batches);
            Assert.AreEqual(1, outlet.Count);
            Assert.AreEqual(1, outlet.Record(0), "only the new sample");
        }

        [TestMethod]
        public void SamplesThatCannotBeEncodedAreRejectedNotPublished()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Sample(256, 1, T0);
            p.Sample(0, 1, -1);
            p.Identifier(0, new byte[40], 40, T0);
            p.Flush(T0);
            Assert.AreEqual(3L, p.Rejected);
            Assert.AreEqual(0L, p.Samples);
            Assert.AreEqual(0, outlet.Count);
        }

        [TestMethod]
        public void TimesAreMillisecondsRoundedDown()
        {
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            p.Sample(0, 0, T0 + 999);
            p.Sample(0, 0, T0 + 1000);
            p.Sample(0, 0, T0 + 2999);
            p.Flush(T0 + 3000);
            Assert.AreEqual("000000" + "000200" + "000200", outlet.Hex(0).Substring(32));
        }

        [TestMethod]
        public void TheSanitizerFeedsThePublisherSampleForSample()
        {
            TelemetrySignal s = TelemetryFixtures.Byte("a", 0x100, 1, SignalTreatment.Of(TelemetryAction.Forward));
            TelemetryPolicy policy = TelemetryFixtures.Policy(new TelemetrySignal[] { s }, new TelemetryIdentifier[0]);
            RecordingOutlet outlet = new RecordingOutlet();
            TelemetryPublisher p = Publisher(outlet, 512);
            TelemetrySanitizer z = new TelemetrySanitizer(policy, new byte[32], p);
            for (int i = 0; i < 100; i++)
            {
                z.Observe(0x100, false, TelemetryFixtures.Frame(0, i % 50, 0, 0), 8, T0 + (i * 20000));
            }

            p.Flush(T0 + (2 * Second));
            Assert.AreEqual(z.Emitted(0), p.Samples);
            Assert.AreEqual(2, outlet.Count, "100 samples over 2 s: one payload per second");
            Assert.AreEqual(100, outlet.Record(0) + outlet.Record(1));
            Assert.AreEqual(332L, p.Bytes, "two 16-byte headers and 100 samples of 3 bytes (values below 64, 20 ms steps)");
        }

        [TestMethod]
        public void TopicsAreNamedUnderThePrefix()
        {
            string[] topics = TelemetryPublisher.Topics("owner/bms-guard/");
            Assert.AreEqual(2, topics.Length);
            Assert.AreEqual("owner/bms-guard/telemetry", topics[TelemetryPublisher.TelemetryTopic]);
            Assert.AreEqual("owner/bms-guard/identifiers", topics[TelemetryPublisher.IdentifierTopic]);
        }

        [TestMethod]
        public void ConstructorRefusesANullOutletAndANonPositiveInterval()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryPublisher(null, 1, 512, Second));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryPublisher(new RecordingOutlet(), 1, 512, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryPublisher(new RecordingOutlet(), 1, 10, Second));
        }
    }

    /// <summary>Keeps a copy of every payload offered (up to 64), with its topic; refuses them while <see cref="Accept"/> is false.</summary>
    public sealed class RecordingOutlet : ITelemetryOutlet
    {
        private readonly byte[][] _payloads = new byte[64][];
        private readonly int[] _topics = new int[64];
        private int _count;

        /// <summary>What Publish returns.</summary>
        public bool Accept = true;

        /// <summary>Payloads taken.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <inheritdoc/>
        public bool Publish(int topic, byte[] payload, int length)
        {
            if (!Accept)
            {
                return false;
            }

            byte[] copy = new byte[length];
            System.Array.Copy(payload, copy, length);
            _payloads[_count] = copy;
            _topics[_count] = topic;
            _count++;
            return true;
        }

        /// <summary>Topic of payload <paramref name="i"/>.</summary>
        public int Topic(int i)
        {
            return _topics[i];
        }

        /// <summary>Length of payload <paramref name="i"/>.</summary>
        public int Length(int i)
        {
            return _payloads[i].Length;
        }

        /// <summary>Record count from payload <paramref name="i"/>'s header.</summary>
        public int Record(int i)
        {
            byte[] p = _payloads[i];
            return p[14] | (p[15] << 8);
        }

        /// <summary>Lower-case hex of payload <paramref name="i"/>.</summary>
        public string Hex(int i)
        {
            byte[] p = _payloads[i];
            return TelemetryRecorder.Hex(p, p.Length);
        }
    }
}
