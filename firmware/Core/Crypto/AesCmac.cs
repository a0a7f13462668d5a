namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// AES-128-CMAC (RFC 4493, NIST SP 800-38B) over <see cref="Aes128"/>, for SecOC-style frame MACs.
    /// SecOC sends only the leftmost bytes of the MAC (e.g. 3 bytes, 24 bits, in a classic CAN frame):
    /// <see cref="FinalTruncated"/>, <see cref="ComputeTruncated"/> and <see cref="Verify"/> take that
    /// length. A short MAC is only as strong as its length: pair it with a freshness value and a limit on
    /// failed checks. Subkeys are derived once per key; nothing is allocated per message. Not thread-safe.
    /// </summary>
    public sealed class AesCmac
    {
        /// <summary>Full MAC length in bytes.</summary>
        public const int MacSize = Aes128.BlockSize;

        // RFC 4493 2.3: const_Rb, the low byte of the reduction polynomial x^128 + x^7 + x^2 + x + 1.
        private const int Rb = 0x87;

        private readonly Aes128 _aes;
        private readonly byte[] _k1 = new byte[MacSize];
        private readonly byte[] _k2 = new byte[MacSize];
        private readonly byte[] _x = new byte[MacSize];
        private readonly byte[] _pending = new byte[MacSize];
        private readonly byte[] _mac = new byte[MacSize];
        private int _pendingLength;

        /// <summary>Creates a MAC with the 16-byte <paramref name="key"/>.</summary>
        /// <exception cref="System.ArgumentException"><paramref name="key"/> is not 16 bytes.</exception>
        public AesCmac(byte[] key)
        {
            _aes = new Aes128(key);
            DeriveSubkeys();
        }

        /// <summary>Creates a MAC with the 16 key bytes at <paramref name="offset"/> in <paramref name="key"/>.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 bytes follow <paramref name="offset"/>.</exception>
        public AesCmac(byte[] key, int offset)
        {
            _aes = new Aes128(key, offset);
            DeriveSubkeys();
        }

        /// <summary>Replaces the key and starts a new message.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 bytes follow <paramref name="offset"/>.</exception>
        public void SetKey(byte[] key, int offset)
        {
            _aes.SetKey(key, offset);
            DeriveSubkeys();
        }

        /// <summary>
        /// Copies the subkeys K1 and K2 (RFC 4493 2.3) into the given arrays, 16 bytes each.
        /// For known-answer tests: they are key material.
        /// </summary>
        /// <exception cref="System.ArgumentException">A subkey does not fit in its array.</exception>
        public void CopySubkeys(byte[] k1, int k1Offset, byte[] k2, int k2Offset)
        {
            CryptoArgs.Range(k1, k1Offset, MacSize);
            CryptoArgs.Range(k2, k2Offset, MacSize);
            for (int i = 0; i < MacSize; i++)
            {
                k1[k1Offset + i] = _k1[i];
                k2[k2Offset + i] = _k2[i];
            }
        }

        /// <summary>Discards any message in progress and starts a new one with the same key.</summary>
        public void Reset()
        {
            for (int i = 0; i < MacSize; i++)
            {
                _x[i] = 0;
            }

            _pendingLength = 0;
        }

        /// <summary>Adds <paramref name="count"/> bytes from <paramref name="input"/> to the message.</summary>
        /// <exception cref="System.ArgumentException">The range lies outside <paramref name="input"/>.</exception>
        public void Update(byte[] input, int offset, int count)
        {
            CryptoArgs.Range(input, offset, count);

            // The last block is treated differently (K1 or padding and K2), and only Final knows which block
            // is last, so a full block is held back until more data arrives.
            while (count > 0)
            {
                if (_pendingLength == MacSize)
                {
                    for (int i = 0; i < MacSize; i++)
                    {
                        _x[i] = (byte)(_x[i] ^ _pending[i]);
                    }

                    _aes.EncryptBlock(_x, 0, _x, 0);
                    _pendingLength = 0;
                }

                int take = MacSize - _pendingLength;
                if (take > count)
                {
                    take = count;
                }

                for (int i = 0; i < take; i++)
                {
                    _pending[_pendingLength + i] = input[offset + i];
                }

                _pendingLength += take;
                offset += take;
                count -= take;
            }
        }

        /// <summary>
        /// Writes the 16-byte MAC of the message to <paramref name="output"/> at <paramref name="outputOffset"/>
        /// and starts a new message with the same key.
        /// </summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 bytes fit at <paramref name="outputOffset"/>.</exception>
        public void Final(byte[] output, int outputOffset)
        {
            CryptoArgs.Range(output, outputOffset, MacSize);

            // RFC 4493 2.4 steps 4 and 6: a complete last block is XORed with K1; an incomplete one (or the
            // empty message) is padded with 10...0 and XORed with K2.
            byte[] subkey = _k1;
            if (_pendingLength < MacSize)
            {
                _pending[_pendingLength] = 0x80;
                for (int i = _pendingLength + 1; i < MacSize; i++)
                {
                    _pending[i] = 0;
                }

                subkey = _k2;
            }

            for (int i = 0; i < MacSize; i++)
            {
                _x[i] = (byte)(_x[i] ^ _pending[i] ^ subkey[i]);
            }

            _aes.EncryptBlock(_x, 0, output, outputOffset);
            Reset();
        }

        /// <summary>
        /// Writes the leftmost <paramref name="macLength"/> bytes (1 to 16) of the MAC, the truncation of
        /// RFC 4493 and SecOC, and starts a new message with the same key.
        /// </summary>
        /// <exception cref="System.ArgumentException">The length is not 1 to 16, or does not fit in <paramref name="output"/>.</exception>
        public void FinalTruncated(byte[] output, int outputOffset, int macLength)
        {
            CheckLength(macLength);
            CryptoArgs.Range(output, outputOffset, macLength);
            Final(_mac, 0);
            for (int i = 0; i < macLength; i++)
            {
                output[outputOffset + i] = _mac[i];
            }
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
        /// Like <see cref="Compute"/>, writing only the leftmost <paramref name="macLength"/> bytes (1 to 16).
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array, or the length is not 1 to 16.</exception>
        public void ComputeTruncated(byte[] input, int offset, int count, byte[] output, int outputOffset, int macLength)
        {
            CheckLength(macLength);
            CryptoArgs.Range(output, outputOffset, macLength);
            Reset();
            Update(input, offset, count);
            FinalTruncated(output, outputOffset, macLength);
        }

        /// <summary>
        /// True when the leftmost <paramref name="macLength"/> bytes (1 to 16) of the MAC of the message equal
        /// <paramref name="mac"/> at <paramref name="macOffset"/>, compared in fixed time. Any message in
        /// progress is discarded.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array, or the length is not 1 to 16.</exception>
        public bool Verify(byte[] input, int offset, int count, byte[] mac, int macOffset, int macLength)
        {
            CheckLength(macLength);
            CryptoArgs.Range(mac, macOffset, macLength);
            Compute(input, offset, count, _mac, 0);
            return FixedTime.Equals(_mac, 0, mac, macOffset, macLength);
        }

        /// <summary>AES-CMAC of all of <paramref name="data"/> under the 16-byte <paramref name="key"/>, in a new array.</summary>
        /// <exception cref="System.ArgumentException">An argument is null, or the key is not 16 bytes.</exception>
        public static byte[] Mac(byte[] key, byte[] data)
        {
            if (data == null)
            {
                throw new System.ArgumentException();
            }

            AesCmac cmac = new AesCmac(key);
            byte[] mac = new byte[MacSize];
            cmac.Compute(data, 0, data.Length, mac, 0);
            return mac;
        }

        private static void CheckLength(int macLength)
        {
            if (macLength < 1 || macLength > MacSize)
            {
                throw new System.ArgumentException();
            }
        }

        // RFC 4493 2.3: L = AES-128(K, 0^128); K1 = L << 1, XOR Rb if MSB(L); K2 likewise from K1.
        private void DeriveSubkeys()
        {
            byte[] l = _mac;
            for (int i = 0; i < MacSize; i++)
            {
                l[i] = 0;
            }

            _aes.EncryptBlock(l, 0, l, 0);
            Double(l, _k1);
            Double(_k1, _k2);

            // L is as secret as the key: do not leave it in the scratch buffer.
            for (int i = 0; i < MacSize; i++)
            {
                l[i] = 0;
            }

            Reset();
        }

        // Multiplication by x in GF(2^128): a one-bit left shift of the 16-byte big-endian value, reduced by
        // Rb when the top bit falls out. The reduction is a multiply by that bit, not a branch on key material.
        private static void Double(byte[] source, byte[] destination)
        {
            int carry = source[0] >> 7;
            for (int i = 0; i < MacSize - 1; i++)
            {
                destination[i] = (byte)((source[i] << 1) | (source[i + 1] >> 7));
            }

            destination[MacSize - 1] = (byte)((source[MacSize - 1] << 1) ^ (carry * Rb));
        }
    }
}
