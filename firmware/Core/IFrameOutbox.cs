namespace BmsGuard.Core
{
    /// <summary>
    /// Frames the guard itself originates (ISO-TP flow control and negative responses toward the
    /// TCU, the BMS's native command after a verified command, command status replies). Rare, never
    /// per forwarded frame; implementations copy the payload before returning.
    /// </summary>
    public interface IFrameOutbox
    {
        /// <summary>Sends a data frame to the bus on <paramref name="to"/>; false when it could not be queued (counted by the caller).</summary>
        bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length);
    }
}
