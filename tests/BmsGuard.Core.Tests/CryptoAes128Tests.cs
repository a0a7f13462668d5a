using BmsGuard.Core.Crypto;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// AES-128 known answers from FIPS-197: the Appendix A.1 key expansion (all 44 words, as round keys),
    /// the Appendix B cipher example and the Appendix C.1 example vector. Round keys cross-checked against
    /// RustCrypto/block-ciphers aes/src/armv8/test_expand.rs (AES128_EXP_KEYS, "FIPS 197 Appendix A.1").
    /// </summary>
    [TestClass]
    public class CryptoAes128Tests
    {
        private const string AppendixAKey = "2b7e151628aed2a6abf7158809cf4f3c";

        [TestMethod]
        public void Fips197AppendixA1KeyExpansion()
        {
            // w[4r] .. w[4r+3] for round r = 0 .. 10.
            string[] roundKeys = new string[]
            {
                "2b7e1516 28aed2a6 abf71588 09cf4f3c",
                "a0fafe17 88542cb1 23a33939 2a6c7605",
                "f2c295f2 7a96b943 5935807a 7359f67f",
                "3d80477d 4716fe3e 1e237e44 6d7a883b",
                "ef44a541 a8525b7f b671253b db0bad00",
                "d4d1c6f8 7c839d87 caf2b8bc 11f915bc",
                "6d88a37a 110b3efd dbf98641 ca0093fd",
                "4e54f70e 5f5fc9f3 84a64fb2 4ea6dc4f",
                "ead27321 b58dbad2 312bf560 7f8d292f",
                "ac7766f3 19fadc21 28d12941 575c006e",
                "d014f9a8 c9ee2589 e13f0cc8 b6630ca6",
            };

            Aes128 aes = new Aes128(CryptoHex.Bytes(AppendixAKey));
            Assert.AreEqual(44, Aes128.KeyScheduleWords);
            for (int round = 0; round <= Aes128.Rounds; round++)
            {
                byte[] words = new byte[16];
                for (int j = 0; j < 4; j++)
                {
                    uint w = aes.KeyScheduleWord((4 * round) + j);
                    words[4 * j] = (byte)(w >> 24);
                    words[(4 * j) + 1] = (byte)(w >> 16);
                    words[(4 * j) + 2] = (byte)(w >> 8);
                    words[(4 * j) + 3] = (byte)w;
                }

                Expect.Bytes(CryptoHex.Bytes(roundKeys[round]), words, "round key " + round.ToString());
            }

            Assert.AreEqual(0xA0FAFE17u, aes.KeyScheduleWord(4));
            Assert.AreEqual(0xB6630CA6u, aes.KeyScheduleWord(43));
            Assert.ThrowsException(typeof(System.ArgumentException), () => aes.KeyScheduleWord(44));
            Assert.ThrowsException(typeof(System.ArgumentException), () => aes.KeyScheduleWord(-1));
        }

        [TestMethod]
        public void Fips197AppendixBCipherExample()
        {
            Aes128 aes = new Aes128(CryptoHex.Bytes(AppendixAKey));
            Expect.Bytes(
                CryptoHex.Bytes("3925841d02dc09fbdc118597196a0b32"),
                Encrypt(aes, CryptoHex.Bytes("3243f6a8885a308d313198a2e0370734")),
                "FIPS-197 Appendix B");
        }

        [TestMethod]
        public void Fips197AppendixC1Aes128()
        {
            Aes128 aes = new Aes128(CryptoHex.Bytes("000102030405060708090a0b0c0d0e0f"));
            Expect.Bytes(
                CryptoHex.Bytes("69c4e0d86a7b0430d8cdb78070b4c55a"),
                Encrypt(aes, CryptoHex.Bytes("00112233445566778899aabbccddeeff")),
                "FIPS-197 Appendix C.1");
        }

        [TestMethod]
        public void EncryptsInPlaceAndAtOffsets()
        {
            byte[] key = CryptoHex.Embed(CryptoHex.Bytes("000102030405060708090a0b0c0d0e0f"), 7, 1);
            Aes128 aes = new Aes128(key, 7);
            byte[] expected = CryptoHex.Bytes("69c4e0d86a7b0430d8cdb78070b4c55a");

            byte[] block = CryptoHex.Embed(CryptoHex.Bytes("00112233445566778899aabbccddeeff"), 3, 2);
            aes.EncryptBlock(block, 3, block, 3);
            Expect.Bytes(expected, CryptoHex.Slice(block, 3, 16), "in place at offset 3");
            Assert.AreEqual((byte)0xEE, block[2]);
            Assert.AreEqual((byte)0xEE, block[19]);

            aes.SetKey(CryptoHex.Bytes(AppendixAKey), 0);
            Expect.Bytes(
                CryptoHex.Bytes("3925841d02dc09fbdc118597196a0b32"),
                Encrypt(aes, CryptoHex.Bytes("3243f6a8885a308d313198a2e0370734")),
                "after SetKey");
        }

        [TestMethod]
        public void KeysAndBlocksOfTheWrongSizeAreRejected()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new Aes128(new byte[15]));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new Aes128(new byte[17]));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new Aes128(null));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new Aes128(new byte[20], 5));
            Aes128 aes = new Aes128(new byte[16]);
            Assert.ThrowsException(typeof(System.ArgumentException), () => aes.EncryptBlock(new byte[15], 0, new byte[16], 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => aes.EncryptBlock(new byte[16], 0, new byte[16], 1));
        }

        private static byte[] Encrypt(Aes128 aes, byte[] plaintext)
        {
            byte[] ciphertext = new byte[Aes128.BlockSize];
            aes.EncryptBlock(plaintext, 0, ciphertext, 0);
            return ciphertext;
        }
    }
}
