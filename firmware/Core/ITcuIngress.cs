namespace BmsGuard.Core
{
    /// <summary>
    /// Decides frames arriving from the TCU: the guarded channels (signed commands, SecOC frames,
    /// UDS) and default deny for everything else. Plugged into <see cref="Gateway.TcuIngress"/>.
    /// </summary>
    public interface ITcuIngress
    {
        /// <summary>The verdict for one TCU frame; only <see cref="Verdict.Forward"/> lets it reach the BMS unchanged.</summary>
        Verdict Decide(uint id, bool extended, bool remote, byte[] data, int length, long nowMicros);
    }
}
