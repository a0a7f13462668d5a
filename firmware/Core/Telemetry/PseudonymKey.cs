using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The key identifiers are pseudonymized with, derived from the owner's secret so the owner's backend
    /// can compute the same pseudonyms for serials it already knows (and correlate) while the broker, the
    /// TCU and anyone reading the bundle cannot: the key is never in the bundle or on the wire.
    /// </summary>
    public static class PseudonymKey
    {
        /// <summary>Domain label, so the pseudonym key differs from every other use of the owner secret.</summary>
        public const string Label = "bmsguard telemetry pseudonym v1";

        /// <summary>HMAC-SHA256(<paramref name="ownerSecret"/>, ASCII <see cref="Label"/>), 32 bytes.</summary>
        /// <exception cref="System.ArgumentException"><paramref name="ownerSecret"/> is null.</exception>
        public static byte[] Derive(byte[] ownerSecret)
        {
            byte[] label = new byte[Label.Length];
            for (int i = 0; i < label.Length; i++)
            {
                label[i] = (byte)Label[i];
            }

            return HmacSha256.Mac(ownerSecret, label);
        }
    }
}
