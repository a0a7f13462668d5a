using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>BlankWithheld: per-id AND masks toward the TCU, and the O(1) bounds of the frame index.</summary>
    [TestClass]
    public class TelemetryBlankingTests
    {
        [TestMethod]
        public void WithheldAndUnnamedBitsAreZeroedAllowedBitsKept()
        {
            TelemetrySignal motorola = new TelemetrySignal("m", 0x200, false, 35, 12, true, false, 1, 0, 0, "", null,
                TelemetryFixtures.Treat(TelemetryAction.Aggregate, 0, 0, 1000, AggregateFunction.Max, 0, 0));
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Byte("keep", 0x200, 0, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Byte("secret", 0x200, 1, SignalTreatment.Of(TelemetryAction.Drop)),
                new TelemetrySignal("nibble", 0x200, false, 20, 4, false, false, 1, 0, 0, "", null, SignalTreatment.Of(TelemetryAction.Forward)),
                motorola,
            }, new TelemetryIdentifier[0]);
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], new TelemetryRecorder());
            byte[] data = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
            Assert.IsTrue(z.BlankWithheld(0x200, false, data, 8));

            // keep: byte 0; nibble: bits 4..7 of byte 2; Motorola 12 bits from bit 3 of byte 4 down through bit 0 of byte 5.
            byte[] expected = new byte[] { 0xFF, 0x00, 0xF0, 0x00, 0x0F, 0xFF, 0x00, 0x00 };
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual(expected[i], data[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void FramesWithNothingAllowedAndUnknownFramesAreRefused()
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Byte("debug", 0x6B0, 0, SignalTreatment.Of(TelemetryAction.Drop)),
                TelemetryFixtures.Paged("serial0", 0x3F0, 1, 0, TelemetryFixtures.Part(0, 0)),
            }, new TelemetryIdentifier[] { new TelemetryIdentifier("serial", IdentifierAction.Pseudonymize, 16, 0) });
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], new TelemetryRecorder());
            byte[] data = TelemetryFixtures.Frame(1, 2, 3, 4);
            Assert.IsFalse(z.BlankWithheld(0x6B0, false, data, 8));
            Assert.AreEqual((byte)0, data[0]);
            data = TelemetryFixtures.Frame(0, 'S', 3, 4);
            Assert.IsFalse(z.BlankWithheld(0x3F0, false, data, 8), "identifier parts never reach the TCU");
            Assert.AreEqual((byte)0, data[1]);
            data = TelemetryFixtures.Frame(1, 2, 3, 4);
            Assert.IsFalse(z.BlankWithheld(0x123, false, data, 8), "a frame the policy does not name");
            Assert.AreEqual((byte)0, data[3]);
            Assert.AreEqual(3L, z.FramesWithheld);
        }

        [TestMethod]
        public void MultiplexorOfAnAllowedPagedSignalIsKeptButOverlapWithAWithheldPageIsBlanked()
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Paged("page0", 0x3F0, 1, 0, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Paged("page0b", 0x3F0, 2, 0, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Paged("page1", 0x3F0, 2, 1, SignalTreatment.Of(TelemetryAction.Drop)),
            }, new TelemetryIdentifier[0]);
            TelemetrySanitizer z = new TelemetrySanitizer(p, new byte[32], new TelemetryRecorder());
            byte[] data = TelemetryFixtures.Frame(0, 0x11, 0x22, 0x33);
            Assert.IsTrue(z.BlankWithheld(0x3F0, false, data, 4));
            Assert.AreEqual((byte)0, data[0], "switch value 0 kept");
            Assert.AreEqual((byte)0x11, data[1]);
            Assert.AreEqual((byte)0, data[2], "byte 2 is also page 1's withheld signal: blanked on every page");
            Assert.AreEqual((byte)0, data[3]);
            data = TelemetryFixtures.Frame(5, 0x11, 0x22, 0x33);
            Assert.IsTrue(z.BlankWithheld(0x3F0, false, data, 4));
            Assert.AreEqual((byte)5, data[0], "the switch itself is kept");
        }

        [TestMethod]
        public void ObserveTouchesOnlyTheFramesOwnSignalsWhateverThePolicySize()
        {
            // The same frame under a 1-signal policy and under a 255-signal policy: identical samples, and the
            // other 254 signals' counters untouched (the index goes straight to the frame's own signals).
            TelemetrySignal[] big = new TelemetrySignal[TelemetryPolicy.MaxSignals];
            big[0] = TelemetryFixtures.Byte("x", 0x100, 0, SignalTreatment.Of(TelemetryAction.Forward));
            for (int i = 1; i < big.Length; i++)
            {
                big[i] = TelemetryFixtures.Byte("s" + i.ToString(), (uint)(0x200 + (i / 8)), i % 8, SignalTreatment.Of(TelemetryAction.Forward));
            }

            TelemetryRecorder smallSink = new TelemetryRecorder();
            TelemetryRecorder bigSink = new TelemetryRecorder();
            TelemetrySanitizer small = new TelemetrySanitizer(TelemetryFixtures.Policy(new TelemetrySignal[] { big[0] }, new TelemetryIdentifier[0]), new byte[32], smallSink);
            TelemetrySanitizer large = new TelemetrySanitizer(TelemetryFixtures.Policy(big, new TelemetryIdentifier[0]), new byte[32], bigSink);
            for (int t = 0; t < 100; t++)
            {
                byte[] frame = TelemetryFixtures.Frame(t, 1, 2, 3);
                small.Observe(0x100, false, frame, 8, t);
                large.Observe(0x100, false, frame, 8, t);
            }

            Assert.AreEqual(smallSink.Take(), bigSink.Take());
            Assert.AreEqual(100L, large.Seen(0));
            for (int i = 1; i < big.Length; i++)
            {
                Assert.AreEqual(0L, large.Seen(i));
            }
        }

        [TestMethod]
        public void LimitsThatKeepLookupConstantAreEnforced()
        {
            TelemetrySignal[] ext = new TelemetrySignal[9];
            for (int i = 0; i < ext.Length; i++)
            {
                ext[i] = new TelemetrySignal("e" + i.ToString(), (uint)(0x18FF0000 + i), true, 0, 8, false, false, 1, 0, 0, "", null, SignalTreatment.Of(TelemetryAction.Forward));
            }

            string error;
            Assert.IsNull(TelemetryPolicy.Build(ext, new TelemetryIdentifier[0], new string[] { "b" }, "p/", 512, out error));
            Assert.AreEqual("more than 8 extended frames", error);
            TelemetrySignal[] eight = new TelemetrySignal[8];
            System.Array.Copy(ext, eight, 8);
            Assert.IsNotNull(TelemetryPolicy.Build(eight, new TelemetryIdentifier[0], new string[] { "b" }, "p/", 512, out error));

            TelemetrySignal[] crowded = new TelemetrySignal[65];
            for (int i = 0; i < crowded.Length; i++)
            {
                crowded[i] = new TelemetrySignal("c" + i.ToString(), 0x100, false, i % 64, 1, false, false, 1, 0, 0, "", null, SignalTreatment.Of(TelemetryAction.Forward));
            }

            Assert.IsNull(TelemetryPolicy.Build(crowded, new TelemetryIdentifier[0], new string[] { "b" }, "p/", 512, out error));
            Assert.AreEqual("more than 64 signals in frame 0x100", error);
        }
    }
}
