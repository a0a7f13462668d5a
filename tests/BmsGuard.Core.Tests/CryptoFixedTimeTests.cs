using BmsGuard.Core.Crypto;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The fixed-time comparison behind every MAC check.</summary>
    [TestClass]
    public class CryptoFixedTimeTests
    {
        [TestMethod]
        public void EqualRangesCompareEqual()
        {
            byte[] a = CryptoHex.Bytes("00 11 22 33 44 55 66 77 88 99");
            byte[] b = CryptoHex.Bytes("ff ff 22 33 44 55 66 ff");
            Assert.IsTrue(FixedTime.Equals(a, 0, CryptoHex.Bytes("00 11 22 33 44 55 66 77 88 99"), 0, 10), "whole arrays");
            Assert.IsTrue(FixedTime.Equals(a, 2, b, 2, 5), "same offsets");
            Assert.IsTrue(FixedTime.Equals(CryptoHex.Bytes("ee ee 44 55"), 2, a, 4, 2), "different offsets");
            Assert.IsTrue(FixedTime.Equals(a, 0, a, 0, 10), "same array");
        }

        [TestMethod]
        public void DifferentRangesCompareUnequal()
        {
            byte[] a = CryptoHex.Bytes("00 11 22 33 44 55 66 77");
            Assert.IsFalse(FixedTime.Equals(a, 0, CryptoHex.Bytes("ff 11 22 33 44 55 66 77"), 0, 8), "first byte");
            Assert.IsFalse(FixedTime.Equals(a, 0, CryptoHex.Bytes("00 11 22 33 44 55 66 78"), 0, 8), "last byte");
            Assert.IsFalse(FixedTime.Equals(a, 0, a, 1, 7), "shifted by one");
        }

        [TestMethod]
        public void EveryOneBitDifferenceIsFound()
        {
            byte[] a = CryptoHex.Bytes("dfa66747 de9ae630 30ca3261 1497c827");
            for (int bit = 0; bit < 128; bit++)
            {
                byte[] b = CryptoHex.Bytes("dfa66747 de9ae630 30ca3261 1497c827");
                b[bit / 8] = (byte)(b[bit / 8] ^ (1 << (bit % 8)));
                Assert.IsFalse(FixedTime.Equals(a, 0, b, 0, 16), "bit " + bit.ToString());
                Assert.IsTrue(FixedTime.Equals(a, 0, b, 0, bit / 8), "the bytes before bit " + bit.ToString() + " still match");
            }
        }

        [TestMethod]
        public void ZeroLengthComparesEqualAndBadRangesThrow()
        {
            // Documented: a zero-length compare is vacuously equal, which is why the MAC Verify methods reject length 0.
            byte[] a = new byte[4];
            Assert.IsTrue(FixedTime.Equals(a, 4, new byte[0], 0, 0), "empty ranges");
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(null, 0, a, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(a, 0, null, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(a, 1, a, 0, 4));
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(a, 0, a, 0, 5));
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(a, 0, a, -1, 1));
            Assert.ThrowsException(typeof(System.ArgumentException), () => FixedTime.Equals(a, 0, a, 0, -1));
        }
    }
}
