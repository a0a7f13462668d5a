namespace BmsGuard.Core
{
    /// <summary>
    /// Receives every gateway decision, forwarded or dropped, after it is made. The emulator writes
    /// them to capture files; the device counts them and, in a later stage, appends them to the audit log.
    /// Implementations must not keep the data buffer: it is reused.
    /// </summary>
    public interface IDecisionSink
    {
        /// <summary>Called once per frame presented to <see cref="Gateway.Decide"/>.</summary>
        /// <param name="from">Bus the frame arrived on.</param>
        /// <param name="id">Frame identifier.</param>
        /// <param name="extended">True for a 29-bit identifier.</param>
        /// <param name="remote">True for a remote (RTR) frame.</param>
        /// <param name="data">Payload as forwarded (edited) or as received (dropped); may be null.</param>
        /// <param name="length">Data length code (0..8).</param>
        /// <param name="verdict">The decision.</param>
        /// <param name="ruleIndex">Index of the deciding rule, or <see cref="RuleIndex.NoRule"/>.</param>
        /// <param name="nowMicros">Decision time in microseconds.</param>
        void OnDecision(
            GatewayPort from,
            uint id,
            bool extended,
            bool remote,
            byte[] data,
            int length,
            Verdict verdict,
            int ruleIndex,
            long nowMicros);
    }
}
