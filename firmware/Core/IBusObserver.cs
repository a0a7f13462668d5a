namespace BmsGuard.Core
{
    /// <summary>
    /// Sees every well-formed frame from the BMS bus before the allowlist decides (and before byte
    /// edits), e.g. to keep the live vehicle state the safety interlocks need. Must be O(1) and
    /// allocation-free: it runs on the per-frame path.
    /// </summary>
    public interface IBusObserver
    {
        /// <summary>Observes one frame received at <paramref name="nowMicros"/>.</summary>
        void Observe(uint id, bool extended, byte[] data, int length, long nowMicros);
    }
}
