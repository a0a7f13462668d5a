using BmsGuard.Core.Telemetry;

namespace BmsGuard.Core.Commands
{
    /// <summary>The owner keys of the guard's key ring, for verifying telemetry policy bundles: revoked and non-owner keys never verify.</summary>
    public sealed class RingOwnerKeys : IOwnerKeys
    {
        private readonly KeyRing _ring;

        /// <summary>Looks keys up in <paramref name="ring"/> at each call, so provisioning, rotation and revocation apply at once.</summary>
        public RingOwnerKeys(KeyRing ring)
        {
            _ring = ring;
        }

        /// <inheritdoc />
        public byte[] SecretFor(ushort keyId)
        {
            int slot = _ring.Find(keyId);
            if (slot < 0 || _ring.IsRevoked(slot) || _ring.RoleOf(slot) != Role.Owner)
            {
                return null;
            }

            byte[] secret = new byte[EnvelopeFormat.SecretSize];
            _ring.CopySecret(slot, secret, 0);
            return secret;
        }
    }
}
