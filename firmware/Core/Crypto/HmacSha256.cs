namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// HMAC-SHA-256 (RFC 2104 over <see cref="Sha256"/>) in portable C#, for signed commands and the
    /// audit log on the stock nanoFramework image. Keys of any length; the key is processed once per
    /// <see cref="SetKey"/>. Incremental (<see cref="Reset"/>, <see cref="Update"/>,
    /// <see cref="Final(byte[], int)"/>) or in one call (<see cref="Compute"/>, <see cref="Verify"/>,
    /// <see cref="Mac"/>); nothing is allocated per message. Not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacSize = Sha256.HashSize;

        private const int InnerPad = 0x36;
        private const int OuterPad = 0x5C;

        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly byte[] _innerKey = new byte[Sha256.BlockSize];
        private readonly byte[] _outerKey = new byte[Sha256.BlockSize];
        private readonly byte[] _innerHash = new byte[MacSize];

        // The hash states after the padded key's block, made once per key: every MAC resumes from them instead of
        // compressing the key block twice again (on the interpreter a compression is most of a short MAC's cost).
        private readonly uint[] _innerState = new uint[8];
        private readonly uint[] _outerState = new uint[8];
        private readonly byte[] _expected = new byte[MacSize];

        /// <summary>Creates a MAC keyed with all of <paramref name="key"/> (any length, including 0).</summary>
        /// <exception cref="System.ArgumentException"><paramref name="key"/> is null.</exception>
        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new System.ArgumentException();
            }

            SetKey(key, 0, key.Length);
        }

        /// <summary>Creates a MAC keyed with <paramref name="count"/> bytes of <paramref name="key"/>.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="key"/>.</exception>
        public HmacSha256(byte[] key, int offset, int count)
        {
            SetKey(key, offset, count);
        }

        /// <summary>Replaces the key and starts a new message. The key bytes are copied.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="key"/>.</exception>
        public void SetKey(byte[] key, int offset, int count)
        {
            CryptoArgs.Range(key, offset, count);

            // RFC 2104 section 2: a key longer than the hash block is replaced by its hash; the key is then
            // zero-padded to the block size. _innerKey holds that padded key until the pads are applied.
            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                _innerKey[i] = 0;
            }

            if (count > Sha256.BlockSize)
            {
                _inner.Compute(key, offset, count, _innerKey, 0);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    _innerKey[i] = key[offset + i];
                }
            }

            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                _outerKey[i] = (byte)(_innerKey[i] ^ OuterPad);
                _innerKey[i] = (byte)(_innerKey[i] ^ InnerPad);
            }

            _inner.Reset();
            _inner.Update(_innerKey, 0, Sha256.BlockSize);
            _inner.CopyState(_innerState);
            _outer.Reset();
            _outer.Update(_outerKey, 0, Sha256.BlockSize);
            _outer.CopyState(_outerState);
            Reset();
        }

        /// <summary>Discards any message in progress and starts a new one with the same key.</summary>
        public void Reset()
        {
            _inner.Resume(_innerState, Sha256.BlockSize);
        }

        /// <summary>Adds <paramref name="count"/> bytes from <paramref name="input"/> to the message.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="input"/>.</exception>
        public void Update(byte[] input, int offset, int count)
        {
            _inner.Update(input, offset, count);
        }

        /// <summary>
        /// Writes the 32-byte MAC of the message to <paramref name="output"/> at <paramref name="outputOffset"/>
        /// and starts a new message with the same key.
        /// </summary>
        /// <exception cref="System.ArgumentException">Fewer than 32 bytes fit at <paramref name="outputOffset"/>.</exception>
        public void Final(byte[] output, int outputOffset)
        {
            CryptoArgs.Range(output, outputOffset, MacSize);

            // HMAC = H((K0 ^ opad) || H((K0 ^ ipad) || message)).
            _inner.Final(_innerHash, 0);
            _outer.Resume(_outerState, Sha256.BlockSize);
            _outer.Update(_innerHash, 0, MacSize);
            _outer.Final(output, outputOffset);
            Reset();
        }

        /// <summary>Like <see cref="Final(byte[], int)"/>, into a new 32-byte array.</summary>
        public byte[] Final()
        {
            byte[] mac = new byte[MacSize];
            Final(mac, 0);
            return mac;
        }

        /// <summary>
        /// MAC of <paramref name="count"/> bytes of <paramref name="input"/> as one message (any message in
        /// progress is discarded), written to <paramref name="output"/>; allocates nothing.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array.</exception>
        public void Compute(byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            CryptoArgs.Range(output, outputOffset, MacSize);
            Reset();
            Update(input, offset, count);
            Final(output, outputOffset);
        }

        /// <summary>
        /// True when the first <paramref name="macLength"/> bytes (1 to 32) of the MAC of the message equal
        /// <paramref name="mac"/> at <paramref name="macOffset"/>, compared in fixed time. Truncation keeps the
        /// leftmost bytes (RFC 2104 section 5, RFC 4231 test case 5); RFC 2104 advises at least 10 bytes.
        /// Any message in progress is discarded.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array, or the length is not 1 to 32.</exception>
        public bool Verify(byte[] input, int offset, int count, byte[] mac, int macOffset, int macLength)
        {
            if (macLength < 1 || macLength > MacSize)
            {
                throw new System.ArgumentException();
            }

            CryptoArgs.Range(mac, macOffset, macLength);
            Compute(input, offset, count, _expected, 0);
            return FixedTime.Equals(_expected, 0, mac, macOffset, macLength);
        }

        /// <summary>HMAC-SHA-256 of all of <paramref name="data"/> under <paramref name="key"/>, in a new array.</summary>
        /// <exception cref="System.ArgumentException">An argument is null.</exception>
        public static byte[] Mac(byte[] key, byte[] data)
        {
            if (data == null)
            {
                throw new System.ArgumentException();
            }

            HmacSha256 hmac = new HmacSha256(key);
            hmac.Update(data, 0, data.Length);
            return hmac.Final();
        }
    }
}
