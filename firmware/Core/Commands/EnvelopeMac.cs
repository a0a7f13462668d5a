using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The MAC of one envelope signature: HMAC-SHA256(secret, "BMSGv1" || body || role || key id ||
    /// counter). The signature's own header bytes are MACed in place, so role, key id and counter
    /// cannot be swapped between signatures or envelopes.
    /// </summary>
    public static class EnvelopeMac
    {
        /// <summary>
        /// Writes the MAC to <paramref name="output"/> at <paramref name="outputOffset"/> using
        /// <paramref name="mac"/>, already keyed with the signer's secret. <paramref name="header"/> at
        /// <paramref name="headerOffset"/> holds the 7 bytes role, key id, counter.
        /// </summary>
        public static void Compute(HmacSha256 mac, byte[] body, int bodyLength, byte[] header, int headerOffset, byte[] output, int outputOffset)
        {
            mac.Reset();
            mac.Update(EnvelopeFormat.MacDomain, 0, EnvelopeFormat.MacDomain.Length);
            mac.Update(body, 0, bodyLength);
            mac.Update(header, headerOffset, EnvelopeFormat.SignatureHeaderSize);
            mac.Final(output, outputOffset);
        }
    }
}
