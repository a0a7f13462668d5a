namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// AES-128 block encryption (FIPS-197) in portable C#, the cipher under <see cref="AesCmac"/>.
    /// nanoFramework's Aes needs a firmware image built with System.Security.Cryptography; this runs on
    /// the stock image. Encryption only: CMAC never decrypts. The key schedule is computed once per key.
    /// Byte-oriented for clarity; the only table is the 256-byte S-box, and MixColumns has no
    /// data-dependent branch. S-box lookups are indexed by key-dependent bytes, the usual cache-timing
    /// caveat of table-based AES on cores with a data cache. Not thread-safe.
    /// </summary>
    public sealed class Aes128
    {
        /// <summary>Block length in bytes.</summary>
        public const int BlockSize = 16;

        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 16;

        /// <summary>Number of rounds (Nr) for a 128-bit key.</summary>
        public const int Rounds = 10;

        /// <summary>Words in the expanded key: Nb * (Nr + 1) = 44 (FIPS-197 5.2).</summary>
        public const int KeyScheduleWords = 4 * (Rounds + 1);

        private static readonly byte[] SBox = BuildSBox();

        private readonly byte[] _roundKeys = new byte[4 * KeyScheduleWords];
        private readonly byte[] _state = new byte[BlockSize];

        /// <summary>Creates a cipher with the 16-byte <paramref name="key"/>.</summary>
        /// <exception cref="System.ArgumentException"><paramref name="key"/> is not 16 bytes.</exception>
        public Aes128(byte[] key)
        {
            if (key == null || key.Length != KeySize)
            {
                throw new System.ArgumentException();
            }

            SetKey(key, 0);
        }

        /// <summary>Creates a cipher with the 16 key bytes at <paramref name="offset"/> in <paramref name="key"/>.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 bytes follow <paramref name="offset"/>.</exception>
        public Aes128(byte[] key, int offset)
        {
            SetKey(key, offset);
        }

        /// <summary>Replaces the key: expands the 16 bytes at <paramref name="offset"/> into the round keys.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 bytes follow <paramref name="offset"/>.</exception>
        public void SetKey(byte[] key, int offset)
        {
            CryptoArgs.Range(key, offset, KeySize);

            // FIPS-197 5.2 with Nk = 4: w[i] = w[i-4] ^ temp, where temp = w[i-1], or for every fourth word
            // SubWord(RotWord(w[i-1])) ^ Rcon[i/4]. Word i is bytes 4i..4i+3 of _roundKeys.
            byte[] w = _roundKeys;
            for (int i = 0; i < KeySize; i++)
            {
                w[i] = key[offset + i];
            }

            int rcon = 0x01;
            for (int i = 4; i < KeyScheduleWords; i++)
            {
                int previous = 4 * (i - 1);
                int t0 = w[previous];
                int t1 = w[previous + 1];
                int t2 = w[previous + 2];
                int t3 = w[previous + 3];
                if ((i & 3) == 0)
                {
                    int first = t0;
                    t0 = SBox[t1] ^ rcon;
                    t1 = SBox[t2];
                    t2 = SBox[t3];
                    t3 = SBox[first];
                    rcon = XTime(rcon);
                }

                int at = 4 * i;
                w[at] = (byte)(w[at - 16] ^ t0);
                w[at + 1] = (byte)(w[at - 15] ^ t1);
                w[at + 2] = (byte)(w[at - 14] ^ t2);
                w[at + 3] = (byte)(w[at - 13] ^ t3);
            }
        }

        /// <summary>
        /// Word <paramref name="index"/> (0 to 43) of the expanded key, w[i] as FIPS-197 Appendix A prints it
        /// (first byte most significant). For known-answer tests: it is key material.
        /// </summary>
        /// <exception cref="System.ArgumentException"><paramref name="index"/> is outside 0 to 43.</exception>
        public uint KeyScheduleWord(int index)
        {
            if (index < 0 || index >= KeyScheduleWords)
            {
                throw new System.ArgumentException();
            }

            int at = 4 * index;
            return ((uint)_roundKeys[at] << 24) | ((uint)_roundKeys[at + 1] << 16) | ((uint)_roundKeys[at + 2] << 8) | _roundKeys[at + 3];
        }

        /// <summary>
        /// Encrypts the 16-byte block at <paramref name="inputOffset"/> into <paramref name="output"/> at
        /// <paramref name="outputOffset"/>. Input and output may be the same bytes.
        /// </summary>
        /// <exception cref="System.ArgumentException">A block does not fit in its array.</exception>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CryptoArgs.Range(input, inputOffset, BlockSize);
            CryptoArgs.Range(output, outputOffset, BlockSize);

            // FIPS-197 5.1: state byte s[r + 4c] is row r, column c, which is also the input byte order.
            byte[] s = _state;
            for (int i = 0; i < BlockSize; i++)
            {
                s[i] = (byte)(input[inputOffset + i] ^ _roundKeys[i]);
            }

            for (int round = 1; round < Rounds; round++)
            {
                SubBytesShiftRows(s);
                MixColumns(s);
                AddRoundKey(s, round);
            }

            SubBytesShiftRows(s);
            AddRoundKey(s, Rounds);
            for (int i = 0; i < BlockSize; i++)
            {
                output[outputOffset + i] = s[i];
            }
        }

        private void AddRoundKey(byte[] s, int round)
        {
            int at = BlockSize * round;
            for (int i = 0; i < BlockSize; i++)
            {
                s[i] = (byte)(s[i] ^ _roundKeys[at + i]);
            }
        }

        // FIPS-197 5.1.1 and 5.1.2: substitute every byte, then rotate row r left by r columns.
        private static void SubBytesShiftRows(byte[] s)
        {
            for (int i = 0; i < BlockSize; i++)
            {
                s[i] = SBox[s[i]];
            }

            byte t = s[1];
            s[1] = s[5];
            s[5] = s[9];
            s[9] = s[13];
            s[13] = t;

            t = s[2];
            s[2] = s[10];
            s[10] = t;
            t = s[6];
            s[6] = s[14];
            s[14] = t;

            t = s[15];
            s[15] = s[11];
            s[11] = s[7];
            s[7] = s[3];
            s[3] = t;
        }

        // FIPS-197 5.1.3: each column times {03}x^3 + {01}x^2 + {01}x + {02}. With t = a0^a1^a2^a3,
        // b0 = {02}a0 ^ {03}a1 ^ a2 ^ a3 = a0 ^ t ^ xtime(a0 ^ a1), and likewise for the other rows.
        private static void MixColumns(byte[] s)
        {
            for (int c = 0; c < BlockSize; c += 4)
            {
                int a0 = s[c];
                int a1 = s[c + 1];
                int a2 = s[c + 2];
                int a3 = s[c + 3];
                int t = a0 ^ a1 ^ a2 ^ a3;
                s[c] = (byte)(a0 ^ t ^ XTime(a0 ^ a1));
                s[c + 1] = (byte)(a1 ^ t ^ XTime(a1 ^ a2));
                s[c + 2] = (byte)(a2 ^ t ^ XTime(a2 ^ a3));
                s[c + 3] = (byte)(a3 ^ t ^ XTime(a3 ^ a0));
            }
        }

        // FIPS-197 4.2.1: multiplication by {02} in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1, without a
        // branch on the (secret) high bit.
        private static int XTime(int b)
        {
            return ((b << 1) ^ (((b >> 7) & 1) * 0x1B)) & 0xFF;
        }

        private static int Rotl8(int b, int n)
        {
            return ((b << n) | (b >> (8 - n))) & 0xFF;
        }

        // The S-box of FIPS-197 5.1.1, computed rather than typed in (no 256-entry table to get wrong, and
        // no array initializer, which would need RuntimeHelpers.InitializeArray): the multiplicative
        // inverse in GF(2^8), from log/antilog tables over the generator {03}, then the affine transformation.
        private static byte[] BuildSBox()
        {
            byte[] antilog = new byte[256];
            byte[] log = new byte[256];
            int x = 1;
            for (int i = 0; i < 255; i++)
            {
                antilog[i] = (byte)x;
                log[x] = (byte)i;
                x ^= XTime(x);
            }

            byte[] box = new byte[256];
            for (int v = 0; v < 256; v++)
            {
                // {03}^i has inverse {03}^(255 - i); {00} maps to itself.
                int inverse = v == 0 ? 0 : antilog[(255 - log[v]) % 255];

                // Equation 5.1: b'_i = b_i ^ b_(i+4) ^ b_(i+5) ^ b_(i+6) ^ b_(i+7) ^ c_i, with c = {63}.
                box[v] = (byte)(inverse ^ Rotl8(inverse, 1) ^ Rotl8(inverse, 2) ^ Rotl8(inverse, 3) ^ Rotl8(inverse, 4) ^ 0x63);
            }

            return box;
        }
    }
}
