using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Wraps a new key secret for transport in a key-management envelope: secret XOR
    /// HMAC-SHA256(issuerSecret, "BMSGwrap" || issuer key id (u16) || issuer counter (u32)). The issuer is
    /// the envelope's first signer and the counter its counter in that envelope, so each pad is used
    /// once and the secret never crosses the TCU in clear. Wrapping and unwrapping are the same XOR.
    /// </summary>
    public sealed class KeyWrap
    {
        private readonly HmacSha256 _mac = new HmacSha256(new byte[EnvelopeFormat.SecretSize]);
        private readonly byte[] _nonce = new byte[6];
        private readonly byte[] _pad = new byte[EnvelopeFormat.SecretSize];

        /// <summary>
        /// XORs 32 bytes of <paramref name="input"/> with the pad of the issuer's secret
        /// (<paramref name="issuerSecret"/> at <paramref name="secretOffset"/>, 32 bytes) into
        /// <paramref name="output"/>; input and output may be the same range. Allocates nothing.
        /// </summary>
        public void Apply(byte[] issuerSecret, int secretOffset, int issuerKeyId, uint issuerCounter, byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            _mac.SetKey(issuerSecret, secretOffset, EnvelopeFormat.SecretSize);
            EnvelopeFormat.WriteU16(_nonce, 0, issuerKeyId);
            EnvelopeFormat.WriteU32(_nonce, 2, issuerCounter);
            _mac.Update(EnvelopeFormat.WrapDomain, 0, EnvelopeFormat.WrapDomain.Length);
            _mac.Update(_nonce, 0, _nonce.Length);
            _mac.Final(_pad, 0);
            for (int i = 0; i < EnvelopeFormat.SecretSize; i++)
            {
                output[outputOffset + i] = (byte)(input[inputOffset + i] ^ _pad[i]);
            }

            System.Array.Clear(_pad, 0, _pad.Length);
        }

        /// <summary>The wrapped form of a 32-byte <paramref name="secret"/>, in a new array (for signers).</summary>
        /// <exception cref="System.ArgumentException">A secret is not 32 bytes.</exception>
        public static byte[] Wrap(byte[] issuerSecret, int issuerKeyId, uint issuerCounter, byte[] secret)
        {
            if (issuerSecret == null || issuerSecret.Length != EnvelopeFormat.SecretSize
                || secret == null || secret.Length != EnvelopeFormat.SecretSize)
            {
                throw new System.ArgumentException();
            }

            byte[] wrapped = new byte[EnvelopeFormat.SecretSize];
            new KeyWrap().Apply(issuerSecret, 0, issuerKeyId, issuerCounter, secret, 0, wrapped, 0);
            return wrapped;
        }
    }
}
