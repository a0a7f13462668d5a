namespace BmsGuard.Core
{
    /// <summary>
    /// Decides the BMS's diagnostic responses toward the TCU: they pass only as answers to requests
    /// the guard let through, never unsolicited (which could carry data out). O(1), no allocation.
    /// </summary>
    public interface IDiagnosticResponses
    {
        /// <summary>
        /// -1: not a diagnostic response id (the rules decide); 0: not an answer to a request let through,
        /// drop; 1: an answer, forward (its padding may have been rewritten in <paramref name="data"/>).
        /// </summary>
        int Judge(uint id, bool extended, byte[] data, int length, long nowMicros);
    }
}
