using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>TelemetryBatch: the exact bytes of the payload layout, varint edge cases, when a record does not fit or is invalid.</summary>
    [TestClass]
    public class TelemetryBatchTests
    {
        // 2026-01-01T00:00:00Z in unix ms; little-endian it is 00 a8 da 76 9b 01 00 00.
        private const long Base = 1767225600000;
        private const string BaseHex = "00a8da769b010000";

        private static string Hex(TelemetryBatch b)
        {
            return TelemetryRecorder.Hex(b.Buffer, b.Length);
        }

        private static string Records(TelemetryBatch b)
        {
            return TelemetryRecorder.Hex(b.Buffer, b.Length).Substring(TelemetryBatch.HeaderSize * 2);
        }

        [TestMethod]
        public void TwoSamplesGiveTheDocumentedBytes()
        {
            TelemetryBatch b = new TelemetryBatch(TelemetryBatch.SampleKind, 7, 512);
            Assert.AreEqual(TelemetryBatch.Added, b.AddSample(3, 523, Base));
            Assert.AreEqual(TelemetryBatch.Added, b.AddSample(4, -2, Base + 20));

            // version, kind, policy version 7, base time, count 2 | signal 3, delta 0, zigzag(523) | signal 4, zigzag(20), zigzag(-2)
            Assert.AreEqual("0101" + "07000000" + BaseHex + "0200" + "03" + "00" + "9608" + "04" + "28" + "03", Hex(b));
            Assert.AreEqual(23, b.Length);
            Assert.AreEqual(2, b.Count);
            Assert.AreEqual(Base, b.BaseMillis);
        }

        [TestMethod]
        public void ValueVarintsCoverZeroNegativesAndTheLongExtremes()
        {
            TelemetryBatch b = new TelemetryBatch(TelemetryBatch.SampleKind, 1, 512);
            b.AddSample(0, 0, 0);
            b.AddSample(1, -1, 0);
            b.AddSample(2, 63, 0);
            b.AddSample(3, 64, 0);
            b.AddSample(4, long.MaxValue, 0);
            b.AddSample(255, long.MinValue, 0);
            Assert.AreEqual("000000" + "010001" + "02007e" + "03008001" + "0400feffffffffffffffff01" + "ff00ffffffffffffffffff01", Records(b));
            Assert.AreEqual(6, b.Count);
            Assert.AreEqual(1, TelemetryBatch.VarintSize(0));
            Assert.AreEqual(10, TelemetryBatch.VarintSize(TelemetryBatch.Zigzag(long.MinValue)));
            Assert.AreEqual(-1L, TelemetryBatch.Zigzag(long.MinValue), "all 64 bits set");
        }

        [TestMethod]
        public void TimeDeltasAreSignedAndLimitedTo32Bits()
        {
            TelemetryBatch b = new TelemetryBatch(TelemetryBatch.SampleKind, 1, 512);
            long t = 3000000000;
            b.AddSample(1, 0, t);
            b.AddSample(1, 0, t - 5);
            b.AddSample(1, 0, t - 5 + TelemetryBatch.MaxDeltaMillis);
            b.AddSample(1, 0, t - 5);
            Assert.AreEqual("010000" + "010900" + "01feffffff0f00" + "01fdffffff0f00", Records(b));

            int before = b.Length;
            Assert.AreEqual(TelemetryBatch.Full, b.AddSample(1, 0, t - 5 + TelemetryBatch.MaxDeltaMillis + 1), "a gap beyond 2^31-1 ms");
            Assert.AreEqual(TelemetryBatch.Full, b.AddSample(1, 0, t - 5 + TelemetryBatch.MinDeltaMillis - 1), "a step back beyond 2^31 ms");
            Assert.AreEqual(before, b.Length, "a refused record leaves no trace");
            Assert.AreEqual(4, b.Count);

            b.Clear();
            Assert.AreEqual(TelemetryBatch.Added, b.AddSample(1, 0, t + TelemetryBatch.MaxDeltaMillis * 4), "an empty batch takes any time");
            Assert.AreEqual(t + (TelemetryBatch.MaxDeltaMillis * 4), b.BaseMillis);
        }

        [TestMethod]
        public void ARecordThatDoesNotFitIsRefusedAndTheBatchStaysValid()
        {
            TelemetryBatch b = new TelemetryBatch(TelemetryBatch.SampleKind, 1, TelemetryBatch.MinPayloadBytes);
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(TelemetryBatch.Added, b.AddSample(i, i, 1000 + i));
            }

            Assert.AreEqual(64, b.Length, "16-byte header and 16 records of 3 bytes");
            Assert.AreEqual(TelemetryBatch.Full, b.AddSample(16, 16, 1016));
            Assert.AreEqual(64, b.Length);
            Assert.AreEqual("1000", TelemetryRecorder.Hex(b.Buffer, 16).Substring(28), "count 16 in the header");

            b.Clear();
            Assert.IsTrue(b.IsEmpty);
            Assert.AreEqual(0, b.Length);
            Assert.AreEqual(TelemetryBatch.Added, b.AddSample(200, long.MinValue, 5000));
            Assert.AreEqual(TelemetryBatch.HeaderSize + 12, b.Length);
        }

        [TestMethod]
        public void InvalidRecordsAreNamedAndNotWritten()
        {
            TelemetryBatch s = new TelemetryBatch(TelemetryBatch.SampleKind, 1, 128);
            Assert.AreEqual(TelemetryBatch.Invalid, s.AddSample(256, 0, 0));
            Assert.AreEqual(TelemetryBatch.Invalid, s.AddSample(-1, 0, 0));
            Assert.AreEqual(TelemetryBatch.Invalid, s.AddSample(0, 0, -1));
            Assert.AreEqual(TelemetryBatch.Invalid, s.AddIdentifier(0, new byte[8], 8, 0), "a sample batch takes no identifiers");

            TelemetryBatch i = new TelemetryBatch(TelemetryBatch.IdentifierKind, 1, 128);
            Assert.AreEqual(TelemetryBatch.Invalid, i.AddSample(0, 0, 0), "an identifier batch takes no samples");
            Assert.AreEqual(TelemetryBatch.Invalid, i.AddIdentifier(0, new byte[33], 33, 0));
            Assert.AreEqual(TelemetryBatch.Invalid, i.AddIdentifier(0, new byte[8], 0, 0));
            Assert.AreEqual(TelemetryBatch.Invalid, i.AddIdentifier(0, new byte[8], 9, 0));
            Assert.AreEqual(TelemetryBatch.Invalid, i.AddIdentifier(0, null, 8, 0));
            Assert.IsTrue(s.IsEmpty && i.IsEmpty);
            Assert.AreEqual(0, s.Length + i.Length);
        }

        [TestMethod]
        public void IdentifierRecordsCarryIndexDeltaLengthAndBytes()
        {
            TelemetryBatch b = new TelemetryBatch(TelemetryBatch.IdentifierKind, 0x01020304, 128);
            byte[] p = new byte[] { 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8 };
            Assert.AreEqual(TelemetryBatch.Added, b.AddIdentifier(0, p, 8, Base));
            Assert.AreEqual(TelemetryBatch.Added, b.AddIdentifier(1, p, 9, Base + 1000));
            Assert.AreEqual("0102" + "04030201" + BaseHex + "0200" + "000008a0a1a2a3a4a5a6a7" + "01d00f09a0a1a2a3a4a5a6a7a8", Hex(b));
        }

        [TestMethod]
        public void LargestRecordsFitTheSmallestPayload()
        {
            TelemetryBatch i = new TelemetryBatch(TelemetryBatch.IdentifierKind, 1, TelemetryBatch.MinPayloadBytes);
            Assert.AreEqual(TelemetryBatch.Added, i.AddIdentifier(255, new byte[32], 32, 0));
            Assert.AreEqual(TelemetryBatch.Full, i.AddIdentifier(255, new byte[32], 32, TelemetryBatch.MaxDeltaMillis));
            Assert.AreEqual(TelemetryBatch.HeaderSize + 35, i.Length);
        }

        [TestMethod]
        public void ConstructorRefusesUnknownKindsAndSizesOutsideTheLimits()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryBatch(3, 1, 512));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryBatch(TelemetryBatch.SampleKind, 1, TelemetryBatch.MinPayloadBytes - 1));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new TelemetryBatch(TelemetryBatch.SampleKind, 1, TelemetryBatch.MaxPayloadBytes + 1));
        }
    }
}
