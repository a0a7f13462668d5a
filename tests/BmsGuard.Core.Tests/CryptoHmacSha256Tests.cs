using BmsGuard.Core.Crypto;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// HMAC-SHA-256 known answers: RFC 4231 section 4, test cases 1 to 7 (keys and data from 4.2-4.8; case 5
    /// defines only the leftmost 128 bits). Cross-checked against dotnet/runtime
    /// src/libraries/System.Security.Cryptography/tests/Rfc4231HmacTests.cs (keys, data) and HmacSha256Tests.cs (MACs).
    /// </summary>
    [TestClass]
    public class CryptoHmacSha256Tests
    {
        [TestMethod]
        public void Rfc4231Case1()
        {
            Check(
                CryptoHex.Repeat(0x0B, 20),
                CryptoHex.Ascii("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                "RFC 4231 4.2");
        }

        [TestMethod]
        public void Rfc4231Case2KeyShorterThanTheMac()
        {
            Check(
                CryptoHex.Ascii("Jefe"),
                CryptoHex.Ascii("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "RFC 4231 4.3");
        }

        [TestMethod]
        public void Rfc4231Case3()
        {
            Check(
                CryptoHex.Repeat(0xAA, 20),
                CryptoHex.Repeat(0xDD, 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                "RFC 4231 4.4");
        }

        [TestMethod]
        public void Rfc4231Case4()
        {
            Check(
                CryptoHex.Bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                CryptoHex.Repeat(0xCD, 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                "RFC 4231 4.5");
        }

        [TestMethod]
        public void Rfc4231Case5TruncatedTo128Bits()
        {
            byte[] key = CryptoHex.Repeat(0x0C, 20);
            byte[] data = CryptoHex.Ascii("Test With Truncation");
            byte[] truncated = CryptoHex.Bytes("a3b6167473100ee06e0c796c2955552b");
            Expect.Bytes(truncated, CryptoHex.Prefix(HmacSha256.Mac(key, data), 16), "RFC 4231 4.6, leftmost 128 bits");

            HmacSha256 hmac = new HmacSha256(key);
            Assert.IsTrue(hmac.Verify(data, 0, data.Length, truncated, 0, 16), "the truncated MAC verifies");
            truncated[15] ^= 0x01;
            Assert.IsFalse(hmac.Verify(data, 0, data.Length, truncated, 0, 16), "last bit flipped");
        }

        [TestMethod]
        public void Rfc4231Case6KeyLongerThanTheBlockIsHashedFirst()
        {
            Check(
                CryptoHex.Repeat(0xAA, 131),
                CryptoHex.Ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "RFC 4231 4.7");
        }

        [TestMethod]
        public void Rfc4231Case7LongKeyAndLongData()
        {
            Check(
                CryptoHex.Repeat(0xAA, 131),
                CryptoHex.Ascii(
                    "This is a test using a larger than block-size key and a larger than block-size data."
                    + " The key needs to be hashed before being used by the HMAC algorithm."),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                "RFC 4231 4.8");
        }

        [TestMethod]
        public void KeyGivenAsARangeAndSetKeyReplaceTheKey()
        {
            byte[] data = CryptoHex.Ascii("what do ya want for nothing?");
            byte[] expected = CryptoHex.Bytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            byte[] embeddedKey = CryptoHex.Embed(CryptoHex.Ascii("Jefe"), 3, 4);
            HmacSha256 hmac = new HmacSha256(embeddedKey, 3, 4);
            Expect.Bytes(expected, Mac(hmac, data), "key at offset 3");

            hmac.SetKey(CryptoHex.Repeat(0x0B, 20), 0, 20);
            Expect.Bytes(
                CryptoHex.Bytes("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Mac(hmac, CryptoHex.Ascii("Hi There")),
                "after SetKey: RFC 4231 case 1");
        }

        [TestMethod]
        public void IncrementalUpdatesAndReuseGiveTheSameMac()
        {
            byte[] key = CryptoHex.Repeat(0xAA, 131);
            byte[] data = CryptoHex.Ascii("Test Using Larger Than Block-Size Key - Hash Key First");
            byte[] expected = CryptoHex.Bytes("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
            HmacSha256 hmac = new HmacSha256(key);
            for (int split = 0; split <= data.Length; split += 7)
            {
                hmac.Update(data, 0, split);
                hmac.Update(data, split, data.Length - split);
                Expect.Bytes(expected, hmac.Final(), "split at " + split.ToString());
            }

            hmac.Update(CryptoHex.Ascii("discarded"), 0, 9);
            byte[] output = CryptoHex.Repeat(0xEE, 1 + HmacSha256.MacSize + 1);
            hmac.Compute(CryptoHex.Embed(data, 2, 2), 2, data.Length, output, 1);
            Expect.Bytes(expected, CryptoHex.Slice(output, 1, HmacSha256.MacSize), "Compute discards the message in progress");
            Assert.AreEqual((byte)0xEE, output[0]);
            Assert.AreEqual((byte)0xEE, output[1 + HmacSha256.MacSize]);
        }

        [TestMethod]
        public void VerifyChecksTheLengthItIsGiven()
        {
            byte[] key = CryptoHex.Repeat(0x0B, 20);
            byte[] data = CryptoHex.Ascii("Hi There");
            byte[] mac = CryptoHex.Bytes("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
            HmacSha256 hmac = new HmacSha256(key);
            Assert.IsTrue(hmac.Verify(data, 0, data.Length, mac, 0, HmacSha256.MacSize), "full MAC");
            Assert.IsTrue(hmac.Verify(data, 0, data.Length, CryptoHex.Embed(mac, 4, 0), 4, 10), "80-bit prefix at offset 4");
            Assert.IsFalse(hmac.Verify(CryptoHex.Ascii("Hi there"), 0, 8, mac, 0, HmacSha256.MacSize), "other data");
            Assert.ThrowsException(typeof(System.ArgumentException), () => hmac.Verify(data, 0, data.Length, mac, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => hmac.Verify(data, 0, data.Length, mac, 0, 33));
            Assert.ThrowsException(typeof(System.ArgumentException), () => hmac.Verify(data, 0, data.Length, mac, 1, 32));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new HmacSha256(null));
            Assert.ThrowsException(typeof(System.ArgumentException), () => HmacSha256.Mac(key, null));
        }

        private static void Check(byte[] key, byte[] data, string expectedHex, string vector)
        {
            byte[] expected = CryptoHex.Bytes(expectedHex);
            Expect.Bytes(expected, HmacSha256.Mac(key, data), vector);
            Expect.Bytes(expected, Mac(new HmacSha256(key), data), vector + " (Compute into a buffer)");
        }

        private static byte[] Mac(HmacSha256 hmac, byte[] data)
        {
            byte[] mac = new byte[HmacSha256.MacSize];
            hmac.Compute(data, 0, data.Length, mac, 0);
            return mac;
        }
    }
}
