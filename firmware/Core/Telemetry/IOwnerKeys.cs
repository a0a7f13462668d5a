namespace BmsGuard.Core.Telemetry
{
    /// <summary>The owner keys provisioned on this guard, by key id: the only keys a policy bundle may be signed with.</summary>
    public interface IOwnerKeys
    {
        /// <summary>The HMAC-SHA256 secret of owner key <paramref name="keyId"/>, or null when no such owner key is provisioned.</summary>
        byte[] SecretFor(ushort keyId);
    }
}
