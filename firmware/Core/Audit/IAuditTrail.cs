namespace BmsGuard.Core.Audit
{
    /// <summary>Where the guard's components record their decisions (the hash-chained audit log on the device).</summary>
    public interface IAuditTrail
    {
        /// <summary>
        /// Appends one record: what happened (<see cref="AuditKind"/>), the component's reason code
        /// (its verdict enum value), and up to 64 bytes of detail (e.g. command type, key id, counter).
        /// </summary>
        void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength);
    }
}
