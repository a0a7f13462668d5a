namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Key provisioning, rotation and revocation carried by signed envelopes. The issuer is the
    /// envelope's first signer, which must rank highest among its co-signers: it may provision or revoke only keys of strictly lower rank
    /// (<see cref="Role"/> values: owner 3 &gt; fleet 2 &gt; workshop 1 &gt; battery maker 0), and a
    /// rotation always replaces the issuer's own secret. New secrets arrive wrapped (see <see cref="KeyWrap"/>).
    /// </summary>
    internal sealed class KeyCommands
    {
        private readonly KeyWrap _wrap = new KeyWrap();
        private readonly byte[] _secret = new byte[EnvelopeFormat.SecretSize];

        /// <summary>True for the three key-management types.</summary>
        internal static bool IsKeyCommand(int type)
        {
            return type == CommandType.ProvisionKey || type == CommandType.RotateKey || type == CommandType.RevokeKey;
        }

        /// <summary>
        /// The rank and ring checks for a key command whose signatures verified; <paramref name="slots"/>
        /// holds the signers' key slots, the issuer's first. Returns <see cref="CommandVerdict.Accepted"/> or why not.
        /// </summary>
        internal int Check(CommandEnvelope envelope, KeyRing keys, byte[] slots)
        {
            // Signature order is not covered by the MACs; requiring the issuer to rank highest among the
            // signers makes a reordered key envelope invalid instead of one with another issuer.
            int issuer = slots[0];
            for (int i = 1; i < envelope.SignatureCount; i++)
            {
                if (keys.RoleOf(slots[i]) > keys.RoleOf(issuer))
                {
                    return CommandVerdict.RankTooLow;
                }
            }

            byte[] data = envelope.Data;
            int p = EnvelopeFormat.ParametersOffset;
            switch (envelope.Type)
            {
                case CommandType.ProvisionKey:
                    if (keys.RoleOf(issuer) <= data[p + 2])
                    {
                        return CommandVerdict.RankTooLow;
                    }

                    if (keys.Find(EnvelopeFormat.ReadU16(data, p)) >= 0)
                    {
                        return CommandVerdict.KeyIdInUse;
                    }

                    return keys.HasRoom ? CommandVerdict.Accepted : CommandVerdict.KeyRingFull;
                case CommandType.RevokeKey:
                    int target = keys.Find(EnvelopeFormat.ReadU16(data, p));
                    if (target < 0)
                    {
                        return CommandVerdict.TargetKeyUnknown;
                    }

                    return keys.RoleOf(issuer) <= keys.RoleOf(target) ? CommandVerdict.RankTooLow : CommandVerdict.Accepted;
                default:
                    // Rotation targets the issuer's own key by construction: nothing to outrank.
                    return CommandVerdict.Accepted;
            }
        }

        /// <summary>
        /// Applies a checked key command to <paramref name="keys"/>; returns the <see cref="Audit.AuditKind"/>
        /// to record and writes the affected key id to <paramref name="keyId"/>.
        /// </summary>
        internal int Apply(CommandEnvelope envelope, KeyRing keys, int issuer, out int keyId)
        {
            byte[] data = envelope.Data;
            int p = EnvelopeFormat.ParametersOffset;
            uint counter = envelope.SignatureCounter(0);
            switch (envelope.Type)
            {
                case CommandType.ProvisionKey:
                    keyId = EnvelopeFormat.ReadU16(data, p);
                    keys.Unwrap(_wrap, issuer, counter, data, p + 3, _secret);
                    keys.Add(keyId, data[p + 2], _secret, 0);
                    System.Array.Clear(_secret, 0, _secret.Length);
                    return Audit.AuditKind.KeyProvisioned;
                case CommandType.RotateKey:
                    keyId = keys.KeyId(issuer);
                    keys.Unwrap(_wrap, issuer, counter, data, p, _secret);
                    keys.SetSecret(issuer, _secret, 0);
                    System.Array.Clear(_secret, 0, _secret.Length);
                    return Audit.AuditKind.KeyRotated;
                default:
                    keyId = EnvelopeFormat.ReadU16(data, p);
                    keys.Revoke(keys.Find(keyId));
                    return Audit.AuditKind.KeyRevoked;
            }
        }
    }
}
