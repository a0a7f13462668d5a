namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) in portable C#. nanoFramework's System.Security.Cryptography has no SHA256
    /// class and needs a firmware image built with it; this one runs on the stock image and is the same
    /// code on the host. Incremental (<see cref="Reset"/>, <see cref="Update"/>, <see cref="Final(byte[], int)"/>)
    /// or in one call (<see cref="Compute"/>, <see cref="Hash(byte[])"/>). An instance owns its working
    /// buffers, so hashing allocates nothing after construction. Not thread-safe.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>Message block length in bytes (also HMAC's block size).</summary>
        public const int BlockSize = 64;

        // Bytes 56..63 of the last block carry the message length; padding must end before them.
        private const int LengthOffset = BlockSize - 8;

        private static readonly uint[] K = RoundConstants();

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockSize];
        private int _blockLength;
        private long _length;

        /// <summary>Creates a hash ready for its first <see cref="Update"/>.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Discards any message in progress and starts a new one.</summary>
        public void Reset()
        {
            // FIPS 180-4 5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
            _h[0] = 0x6A09E667;
            _h[1] = 0xBB67AE85;
            _h[2] = 0x3C6EF372;
            _h[3] = 0xA54FF53A;
            _h[4] = 0x510E527F;
            _h[5] = 0x9B05688C;
            _h[6] = 0x1F83D9AB;
            _h[7] = 0x5BE0CD19;
            _blockLength = 0;
            _length = 0;
        }

        /// <summary>Adds <paramref name="count"/> bytes from <paramref name="input"/> to the message.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="input"/>.</exception>
        public void Update(byte[] input, int offset, int count)
        {
            CryptoArgs.Range(input, offset, count);
            _length += count;

            // Top up a partly filled block first; whole blocks then go straight from the caller's array.
            if (_blockLength > 0)
            {
                int take = BlockSize - _blockLength;
                if (take > count)
                {
                    take = count;
                }

                for (int i = 0; i < take; i++)
                {
                    _block[_blockLength + i] = input[offset + i];
                }

                _blockLength += take;
                offset += take;
                count -= take;
                if (_blockLength < BlockSize)
                {
                    return;
                }

                Compress(_block, 0);
                _blockLength = 0;
            }

            while (count >= BlockSize)
            {
                Compress(input, offset);
                offset += BlockSize;
                count -= BlockSize;
            }

            for (int i = 0; i < count; i++)
            {
                _block[i] = input[offset + i];
            }

            _blockLength = count;
        }

        /// <summary>
        /// Pads the message, writes its 32-byte digest to <paramref name="output"/> at
        /// <paramref name="outputOffset"/>, and resets the hash for the next message.
        /// </summary>
        /// <exception cref="System.ArgumentException">Fewer than 32 bytes fit at <paramref name="outputOffset"/>.</exception>
        public void Final(byte[] output, int outputOffset)
        {
            CryptoArgs.Range(output, outputOffset, HashSize);

            // FIPS 180-4 5.1.1: a single 1 bit, zeros up to 56 mod 64 bytes, then the length in bits (64-bit big-endian).
            long bits = _length << 3;
            _block[_blockLength++] = 0x80;
            if (_blockLength > LengthOffset)
            {
                Zero(_block, _blockLength, BlockSize);
                Compress(_block, 0);
                _blockLength = 0;
            }

            Zero(_block, _blockLength, LengthOffset);
            for (int i = 0; i < 8; i++)
            {
                _block[LengthOffset + i] = (byte)(bits >> (56 - (8 * i)));
            }

            Compress(_block, 0);
            for (int i = 0; i < 8; i++)
            {
                WriteBigEndian(_h[i], output, outputOffset + (4 * i));
            }

            Reset();
        }

        /// <summary>Like <see cref="Final(byte[], int)"/>, into a new 32-byte array.</summary>
        public byte[] Final()
        {
            byte[] digest = new byte[HashSize];
            Final(digest, 0);
            return digest;
        }

        /// <summary>
        /// Hashes <paramref name="count"/> bytes of <paramref name="input"/> as one message (any message in
        /// progress is discarded) and writes the digest to <paramref name="output"/>; allocates nothing.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array.</exception>
        public void Compute(byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            // Check the output before touching any state, so a bad call leaves the hash as it was.
            CryptoArgs.Range(output, outputOffset, HashSize);
            Reset();
            Update(input, offset, count);
            Final(output, outputOffset);
        }

        /// <summary>SHA-256 of all of <paramref name="input"/>, in a new array (allocates a hash instance).</summary>
        /// <exception cref="System.ArgumentException"><paramref name="input"/> is null.</exception>
        public static byte[] Hash(byte[] input)
        {
            if (input == null)
            {
                throw new System.ArgumentException();
            }

            return Hash(input, 0, input.Length);
        }

        /// <summary>SHA-256 of <paramref name="count"/> bytes of <paramref name="input"/>, in a new array.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="input"/>.</exception>
        public static byte[] Hash(byte[] input, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(input, offset, count);
            return sha.Final();
        }

        // HMAC's key blocks, compressed once per key: the chaining value after whole blocks, and a hash resumed from it.
        internal void CopyState(uint[] into)
        {
            for (int i = 0; i < 8; i++)
            {
                into[i] = _h[i];
            }
        }

        internal void Resume(uint[] state, long length)
        {
            for (int i = 0; i < 8; i++)
            {
                _h[i] = state[i];
            }

            _blockLength = 0;
            _length = length;
        }

        // FIPS 180-4 6.2.2: one 64-byte block into the running hash value.
        private void Compress(byte[] data, int offset)
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++)
            {
                w[t] = ReadBigEndian(data, offset + (4 * t));
            }

            // The rotations are written out: on nanoFramework's interpreter a call costs as much as dozens of IL
            // instructions, and a compression made 576 of them (docs/device.md, "Frames from the TCU, and what an audit record costs").
            for (int t = 16; t < 64; t++)
            {
                uint w2 = w[t - 2];
                uint w15 = w[t - 15];
                uint sigma1 = ((w2 >> 17) | (w2 << 15)) ^ ((w2 >> 19) | (w2 << 13)) ^ (w2 >> 10);
                uint sigma0 = ((w15 >> 7) | (w15 << 25)) ^ ((w15 >> 18) | (w15 << 14)) ^ (w15 >> 3);
                w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
            }

            uint a = _h[0];
            uint b = _h[1];
            uint c = _h[2];
            uint d = _h[3];
            uint e = _h[4];
            uint f = _h[5];
            uint g = _h[6];
            uint h = _h[7];
            uint[] k = K;
            for (int t = 0; t < 64; t++)
            {
                uint bigSigma1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = h + bigSigma1 + choose + k[t] + w[t];
                uint bigSigma0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = bigSigma0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            _h[0] += a;
            _h[1] += b;
            _h[2] += c;
            _h[3] += d;
            _h[4] += e;
            _h[5] += f;
            _h[6] += g;
            _h[7] += h;
        }

        private static uint ReadBigEndian(byte[] data, int offset)
        {
            return ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
        }

        private static void WriteBigEndian(uint value, byte[] output, int offset)
        {
            output[offset] = (byte)(value >> 24);
            output[offset + 1] = (byte)(value >> 16);
            output[offset + 2] = (byte)(value >> 8);
            output[offset + 3] = (byte)value;
        }

        private static void Zero(byte[] data, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                data[i] = 0;
            }
        }

        // FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        // Filled by statements rather than an array initializer: an initializer compiles to
        // RuntimeHelpers.InitializeArray plus a compiler-generated type, outside the verified API list.
        private static uint[] RoundConstants()
        {
            uint[] k = new uint[64];
            Put(k, 0, 0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5);
            Put(k, 4, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5);
            Put(k, 8, 0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3);
            Put(k, 12, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174);
            Put(k, 16, 0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC);
            Put(k, 20, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA);
            Put(k, 24, 0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7);
            Put(k, 28, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967);
            Put(k, 32, 0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13);
            Put(k, 36, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85);
            Put(k, 40, 0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3);
            Put(k, 44, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070);
            Put(k, 48, 0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5);
            Put(k, 52, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3);
            Put(k, 56, 0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208);
            Put(k, 60, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2);
            return k;
        }

        private static void Put(uint[] k, int index, uint k0, uint k1, uint k2, uint k3)
        {
            k[index] = k0;
            k[index + 1] = k1;
            k[index + 2] = k2;
            k[index + 3] = k3;
        }
    }
}
