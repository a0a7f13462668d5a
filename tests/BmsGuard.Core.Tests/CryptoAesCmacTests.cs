using BmsGuard.Core.Crypto;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// AES-CMAC known answers from RFC 4493 section 4: the subkeys (with L = AES-128(K, 0)) and examples 1 to
    /// 4 (0, 16, 40 and 64 bytes). MACs cross-checked against bcgit/bc-java
    /// core/src/test/java/org/bouncycastle/crypto/test/CMacTest.java (output_k128_m0..m64) and torvalds/linux
    /// lib/crypto/tests/aes_cbc_macs_kunit.c (examples 1 to 3); then truncation as SecOC uses it.
    /// </summary>
    [TestClass]
    public class CryptoAesCmacTests
    {
        private const string Key = "2b7e1516 28aed2a6 abf71588 09cf4f3c";

        // The 64-byte message of example 4; examples 1 to 3 are its first 0, 16 and 40 bytes.
        private const string Message =
            "6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51"
            + " 30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710";

        [TestMethod]
        public void Rfc4493SubkeyGeneration()
        {
            byte[] l = new byte[16];
            new Aes128(CryptoHex.Bytes(Key)).EncryptBlock(new byte[16], 0, l, 0);
            Expect.Bytes(CryptoHex.Bytes("7df76b0c 1ab899b3 3e42f047 b91b546f"), l, "AES-128(key, 0)");

            byte[] k1 = new byte[16];
            byte[] k2 = new byte[17];
            new AesCmac(CryptoHex.Bytes(Key)).CopySubkeys(k1, 0, k2, 1);
            Expect.Bytes(CryptoHex.Bytes("fbeed618 35713366 7c85e08f 7236a8de"), k1, "K1");
            Expect.Bytes(CryptoHex.Bytes("f7ddac30 6ae266cc f90bc11e e46d513b"), CryptoHex.Slice(k2, 1, 16), "K2");
        }

        [TestMethod]
        public void Rfc4493Example1EmptyMessage()
        {
            Check(0, "bb1d6929 e9593728 7fa37d12 9b756746", "RFC 4493 example 1");
        }

        [TestMethod]
        public void Rfc4493Example2OneBlock()
        {
            Check(16, "070a16b4 6b4d4144 f79bdd9d d04a287c", "RFC 4493 example 2");
        }

        [TestMethod]
        public void Rfc4493Example3PartialLastBlock()
        {
            Check(40, "dfa66747 de9ae630 30ca3261 1497c827", "RFC 4493 example 3");
        }

        [TestMethod]
        public void Rfc4493Example4FourBlocks()
        {
            Check(64, "51f0bebf 7e3b9d92 fc497417 79363cfe", "RFC 4493 example 4");
        }

        [TestMethod]
        public void AnySplitOfTheMessageGivesTheSameMac()
        {
            // Splits on and around block boundaries are where a held-back last block goes wrong.
            byte[] message = CryptoHex.Bytes(Message);
            byte[] expected = CryptoHex.Bytes("51f0bebf 7e3b9d92 fc497417 79363cfe");
            AesCmac cmac = new AesCmac(CryptoHex.Bytes(Key));
            byte[] mac = new byte[16];
            for (int split = 0; split <= message.Length; split++)
            {
                cmac.Update(message, 0, split);
                cmac.Update(message, split, 0);
                cmac.Update(message, split, message.Length - split);
                cmac.Final(mac, 0);
                Expect.Bytes(expected, mac, "split at " + split.ToString());
            }

            for (int i = 0; i < 40; i++)
            {
                cmac.Update(message, i, 1);
            }

            cmac.Final(mac, 0);
            Expect.Bytes(CryptoHex.Bytes("dfa66747 de9ae630 30ca3261 1497c827"), mac, "40 bytes one at a time");
        }

        [TestMethod]
        public void TruncatedMacIsTheLeftmostBytes()
        {
            // SecOC-style 24-bit MAC of example 3's message: the first 3 bytes of dfa66747....
            byte[] message = CryptoHex.Bytes(Message);
            AesCmac cmac = new AesCmac(CryptoHex.Bytes(Key));
            byte[] output = CryptoHex.Repeat(0xEE, 6);
            cmac.ComputeTruncated(message, 0, 40, output, 2, 3);
            Expect.Bytes(CryptoHex.Bytes("eeee dfa667 ee"), output, "3 bytes at offset 2, nothing else written");

            cmac.Update(message, 0, 16);
            byte[] full = new byte[16];
            cmac.FinalTruncated(full, 0, 16);
            Expect.Bytes(CryptoHex.Bytes("070a16b4 6b4d4144 f79bdd9d d04a287c"), full, "16 of 16 bytes is the full MAC");

            Assert.ThrowsException(typeof(System.ArgumentException), () => cmac.ComputeTruncated(message, 0, 40, output, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => cmac.ComputeTruncated(message, 0, 40, output, 0, 17));
            Assert.ThrowsException(typeof(System.ArgumentException), () => cmac.ComputeTruncated(message, 0, 40, output, 4, 3));
        }

        [TestMethod]
        public void VerifyAcceptsTheMacAndRejectsAnyChange()
        {
            byte[] message = CryptoHex.Bytes(Message);
            AesCmac cmac = new AesCmac(CryptoHex.Bytes(Key));
            byte[] truncated = CryptoHex.Bytes("dfa667");
            Assert.IsTrue(cmac.Verify(message, 0, 40, truncated, 0, 3), "24-bit MAC of example 3");
            Assert.IsTrue(cmac.Verify(message, 0, 40, CryptoHex.Bytes("dfa66747 de9ae630 30ca3261 1497c827"), 0, 16), "full MAC");

            for (int bit = 0; bit < 24; bit++)
            {
                byte[] forged = CryptoHex.Bytes("dfa667");
                forged[bit / 8] = (byte)(forged[bit / 8] ^ (1 << (bit % 8)));
                Assert.IsFalse(cmac.Verify(message, 0, 40, forged, 0, 3), "MAC bit " + bit.ToString() + " flipped");
            }

            message[39] ^= 0x01;
            Assert.IsFalse(cmac.Verify(message, 0, 40, truncated, 0, 3), "message bit flipped");
            Assert.IsFalse(cmac.Verify(message, 0, 39, truncated, 0, 3), "message shortened");
            Assert.ThrowsException(typeof(System.ArgumentException), () => cmac.Verify(message, 0, 40, truncated, 0, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => cmac.Verify(message, 0, 40, truncated, 1, 3));
        }

        [TestMethod]
        public void SetKeyAndOffsetsSelectTheKey()
        {
            byte[] embedded = CryptoHex.Embed(CryptoHex.Bytes(Key), 5, 3);
            AesCmac cmac = new AesCmac(embedded, 5);
            byte[] mac = new byte[16];
            cmac.Compute(CryptoHex.Embed(CryptoHex.Bytes(Message), 1, 1), 1, 16, mac, 0);
            Expect.Bytes(CryptoHex.Bytes("070a16b4 6b4d4144 f79bdd9d d04a287c"), mac, "key at offset 5, message at offset 1");

            cmac.SetKey(new byte[16], 0);
            cmac.Compute(new byte[0], 0, 0, mac, 0);
            Assert.AreNotEqual(Expect.Hex(CryptoHex.Bytes("bb1d6929 e9593728 7fa37d12 9b756746")), Expect.Hex(mac));
            cmac.SetKey(embedded, 5);
            cmac.Compute(new byte[0], 0, 0, mac, 0);
            Expect.Bytes(CryptoHex.Bytes("bb1d6929 e9593728 7fa37d12 9b756746"), mac, "back to the RFC key");

            Assert.ThrowsException(typeof(System.ArgumentException), () => new AesCmac(new byte[15]));
            Assert.ThrowsException(typeof(System.ArgumentException), () => AesCmac.Mac(new byte[16], null));
        }

        private static void Check(int length, string expectedHex, string vector)
        {
            byte[] key = CryptoHex.Bytes(Key);
            byte[] message = CryptoHex.Prefix(CryptoHex.Bytes(Message), length);
            byte[] expected = CryptoHex.Bytes(expectedHex);
            Expect.Bytes(expected, AesCmac.Mac(key, message), vector);

            AesCmac cmac = new AesCmac(key);
            byte[] mac = new byte[AesCmac.MacSize];
            cmac.Compute(message, 0, message.Length, mac, 0);
            Expect.Bytes(expected, mac, vector + " (Compute into a buffer)");
            cmac.Update(message, 0, message.Length);
            cmac.Final(mac, 0);
            Expect.Bytes(expected, mac, vector + " (Update, Final)");
        }
    }
}
