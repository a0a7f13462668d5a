namespace BmsGuard.Core
{
    /// <summary>
    /// The owner's telemetry policy on the CAN path toward the TCU: after a rule forwarded a BMS frame,
    /// blank the bits of withheld signals; a frame with nothing allowed left is dropped. O(1), no allocation.
    /// </summary>
    public interface IEgressFilter
    {
        /// <summary>Zeroes withheld bits in place; false when nothing allowed remains.</summary>
        bool BlankWithheld(uint id, bool extended, byte[] data, int length);
    }
}
