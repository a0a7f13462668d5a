namespace BmsGuard.Core.Telemetry
{
    /// <summary>Which message goes when the queue (RAM and storage) is full. Every drop is counted.</summary>
    public enum UplinkDropPolicy
    {
        /// <summary>Evict the oldest queued messages until the new one fits (freshest telemetry wins).</summary>
        DropOldest = 0,

        /// <summary>Refuse the new message (the history already queued wins).</summary>
        DropNewest = 1,
    }
}
