using System.Security.Cryptography;
using BmsGuard.Core.Crypto;
using Xunit;

namespace BmsGuard.Tests.Crypto;

/// <summary>
/// The firmware's portable crypto against .NET's own implementations on seeded random inputs: SHA256,
/// HMACSHA256 and Aes (ECB, no padding) as references, and for AES-CMAC an independent CMAC written here
/// from RFC 4493's algorithm over .NET's Aes. The known-answer tests are in tests/BmsGuard.Core.Tests/Crypto*Tests.cs.
/// </summary>
public class CryptoCrossCheckTests
{
    private const int MaxMessage = 300;
    private const int MaxKey = 200;

    [Fact]
    public void Sha256_matches_dotnet_for_every_length_up_to_300_bytes()
    {
        var random = new Random(1804);
        var sha = new Sha256();
        var digest = new byte[Sha256.HashSize];
        for (int length = 0; length <= MaxMessage; length++)
        {
            byte[] message = Bytes(random, length);
            byte[] expected = SHA256.HashData(message);

            Assert.Equal(expected, Sha256.Hash(message));

            // The same message in random pieces, through a reused instance.
            int at = 0;
            while (at < length)
            {
                int piece = random.Next(0, length - at + 1);
                sha.Update(message, at, piece);
                at += piece;
            }

            sha.Final(digest, 0);
            Assert.Equal(expected, digest);
        }
    }

    [Fact]
    public void Sha256_matches_dotnet_on_long_messages_fed_in_random_pieces()
    {
        var random = new Random(2);
        var sha = new Sha256();
        for (int round = 0; round < 20; round++)
        {
            byte[] message = Bytes(random, random.Next(1_000, 20_000));
            int at = 0;
            while (at < message.Length)
            {
                int piece = Math.Min(random.Next(0, 200), message.Length - at);
                sha.Update(message, at, piece);
                at += piece;
            }

            Assert.Equal(SHA256.HashData(message), sha.Final());
        }
    }

    [Fact]
    public void HmacSha256_matches_dotnet_for_keys_up_to_200_bytes_and_messages_up_to_300()
    {
        var random = new Random(2104);
        var mac = new byte[HmacSha256.MacSize];
        for (int keyLength = 0; keyLength <= MaxKey; keyLength++)
        {
            byte[] key = Bytes(random, keyLength);
            var hmac = new HmacSha256(key);
            for (int i = 0; i < 4; i++)
            {
                byte[] message = Bytes(random, random.Next(0, MaxMessage + 1));
                byte[] expected = HMACSHA256.HashData(key, message);

                hmac.Compute(message, 0, message.Length, mac, 0);
                Assert.Equal(expected, mac);
                Assert.Equal(expected, HmacSha256.Mac(key, message));
                Assert.True(hmac.Verify(message, 0, message.Length, expected, 0, HmacSha256.MacSize));
            }
        }

        // Every message length under one key of each kind: short, exactly one block, longer than a block.
        foreach (int keyLength in new[] { 1, 32, 63, 64, 65, 131 })
        {
            byte[] key = Bytes(random, keyLength);
            var hmac = new HmacSha256(key);
            for (int length = 0; length <= MaxMessage; length++)
            {
                byte[] message = Bytes(random, length);
                int split = random.Next(0, length + 1);
                hmac.Update(message, 0, split);
                hmac.Update(message, split, length - split);
                Assert.Equal(HMACSHA256.HashData(key, message), hmac.Final());
            }
        }
    }

    [Fact]
    public void Aes128_matches_dotnet_aes_ecb_on_random_keys_and_blocks()
    {
        var random = new Random(197);
        using Aes reference = Aes.Create();
        var block = new byte[Aes128.BlockSize];
        for (int i = 0; i < 1_000; i++)
        {
            byte[] key = Bytes(random, Aes128.KeySize);
            byte[] plaintext = Bytes(random, Aes128.BlockSize * (1 + random.Next(0, 4)));
            reference.Key = key;
            byte[] expected = reference.EncryptEcb(plaintext, PaddingMode.None);

            var aes = new Aes128(key);
            for (int at = 0; at < plaintext.Length; at += Aes128.BlockSize)
            {
                aes.EncryptBlock(plaintext, at, block, 0);
                Assert.Equal(expected.AsSpan(at, Aes128.BlockSize).ToArray(), block);
            }
        }
    }

    [Fact]
    public void AesCmac_matches_an_rfc4493_cmac_built_on_dotnet_aes()
    {
        var random = new Random(4493);
        var mac = new byte[AesCmac.MacSize];
        for (int round = 0; round < 4; round++)
        {
            byte[] key = Bytes(random, Aes128.KeySize);
            var cmac = new AesCmac(key);
            var reference = new ReferenceCmac(key);

            var k1 = new byte[16];
            var k2 = new byte[16];
            cmac.CopySubkeys(k1, 0, k2, 0);
            Assert.Equal(reference.K1, k1);
            Assert.Equal(reference.K2, k2);

            for (int length = 0; length <= MaxMessage; length++)
            {
                byte[] message = Bytes(random, length);
                byte[] expected = reference.Mac(message);

                cmac.Compute(message, 0, length, mac, 0);
                Assert.Equal(expected, mac);

                int split = random.Next(0, length + 1);
                cmac.Update(message, 0, split);
                cmac.Update(message, split, length - split);
                cmac.Final(mac, 0);
                Assert.Equal(expected, mac);

                int macLength = random.Next(1, AesCmac.MacSize + 1);
                Assert.True(cmac.Verify(message, 0, length, expected, 0, macLength));
                byte[] forged = (byte[])expected.Clone();
                forged[random.Next(0, macLength)] ^= (byte)(1 << random.Next(0, 8));
                Assert.False(cmac.Verify(message, 0, length, forged, 0, macLength));
            }
        }
    }

    [Fact]
    public void AesCmac_subkeys_match_for_both_values_of_the_top_bit()
    {
        // K1 and K2 take the Rb branch only when the top bit is set; find keys for each of the four cases.
        var random = new Random(7);
        var seen = new bool[4];
        var k1 = new byte[16];
        var k2 = new byte[16];
        for (int i = 0; i < 200 && Array.IndexOf(seen, false) >= 0; i++)
        {
            byte[] key = Bytes(random, Aes128.KeySize);
            var reference = new ReferenceCmac(key);
            new AesCmac(key).CopySubkeys(k1, 0, k2, 0);
            Assert.Equal(reference.K1, k1);
            Assert.Equal(reference.K2, k2);
            seen[((reference.L[0] >> 7) << 1) | (reference.K1[0] >> 7)] = true;
        }

        Assert.DoesNotContain(false, seen);
    }

    [Fact]
    public void FixedTime_equals_agrees_with_sequence_equal()
    {
        var random = new Random(16);
        for (int i = 0; i < 2_000; i++)
        {
            int count = random.Next(0, 40);
            byte[] a = Bytes(random, count + 8);
            byte[] b = (byte[])a.Clone();
            if (random.Next(0, 2) == 0 && count > 0)
            {
                b[random.Next(0, count)] ^= (byte)(1 << random.Next(0, 8));
            }

            bool expected = a.AsSpan(0, count).SequenceEqual(b.AsSpan(0, count));
            Assert.Equal(expected, FixedTime.Equals(a, 0, b, 0, count));
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// RFC 4493 section 2 written directly over .NET's AES-128 (ECB, no padding): Generate_Subkey (2.3)
    /// and AES-CMAC (2.4), whole-message, with nothing shared with the firmware's implementation.
    /// </summary>
    private sealed class ReferenceCmac
    {
        private readonly byte[] _key;

        public ReferenceCmac(byte[] key)
        {
            _key = key;
            L = Encrypt(new byte[16]);
            K1 = Double(L);
            K2 = Double(K1);
        }

        public byte[] L { get; }

        public byte[] K1 { get; }

        public byte[] K2 { get; }

        public byte[] Mac(byte[] message)
        {
            // Step 2-3: n blocks, the last complete or not (the empty message counts as one incomplete block).
            int n = Math.Max(1, (message.Length + 15) / 16);
            bool lastComplete = message.Length > 0 && message.Length % 16 == 0;

            // Step 4: M_last = M_n XOR K1, or padding(M_n) XOR K2.
            var last = new byte[16];
            int lastStart = 16 * (n - 1);
            int lastLength = message.Length - lastStart;
            Array.Copy(message, lastStart, last, 0, lastLength);
            if (!lastComplete)
            {
                last[lastLength] = 0x80;
            }

            byte[] subkey = lastComplete ? K1 : K2;
            for (int i = 0; i < 16; i++)
            {
                last[i] ^= subkey[i];
            }

            // Steps 5-7: CBC-MAC with a zero IV.
            var x = new byte[16];
            for (int block = 0; block < n - 1; block++)
            {
                for (int i = 0; i < 16; i++)
                {
                    x[i] ^= message[(16 * block) + i];
                }

                x = Encrypt(x);
            }

            for (int i = 0; i < 16; i++)
            {
                x[i] ^= last[i];
            }

            return Encrypt(x);
        }

        private byte[] Encrypt(byte[] block)
        {
            using Aes aes = Aes.Create();
            aes.Key = _key;
            return aes.EncryptEcb(block, PaddingMode.None);
        }

        // K := L << 1, XOR const_Rb (0x87 in the last byte) when MSB(L) was set.
        private static byte[] Double(byte[] value)
        {
            var shifted = new System.Numerics.BigInteger(value, isUnsigned: true, isBigEndian: true) << 1;
            bool msb = (value[0] & 0x80) != 0;
            byte[] wide = shifted.ToByteArray(isUnsigned: true, isBigEndian: true);
            var result = new byte[16];
            int copy = Math.Min(16, wide.Length);
            Array.Copy(wide, wide.Length - copy, result, 16 - copy, copy);
            if (msb)
            {
                result[15] ^= 0x87;
            }

            return result;
        }
    }
}
