namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The uplink settings a telemetry policy runs with on the guard, in one place: the guard builds its
    /// <see cref="Uplink"/> from <see cref="For"/>, and <c>TelemetryPolicy.Build</c> (which policy
    /// compile, bundle decoding and so the policy store all go through) refuses a policy whose settings
    /// <see cref="UplinkPolicy.Check"/> would refuse. A signed bundle therefore cannot be stored and then
    /// fail to start the uplink.
    /// </summary>
    public static class TelemetryUplink
    {
        /// <summary>RAM queue of the guard's uplink.</summary>
        public const int QueueBytes = 16384;

        /// <summary>Bytes per spill segment when the guard has storage for the queue.</summary>
        public const int SegmentBytes = 16384;

        /// <summary>Smallest egress budget a policy may set: one largest payload per hour.</summary>
        public const long MinBytesPerHour = TelemetryPublisher.DefaultPayloadBytes;

        /// <summary>Largest egress budget a policy may set.</summary>
        public const long MaxBytesPerHour = UplinkPolicy.MaxBytesPerHour;

        /// <summary>The uplink settings for a policy's topic prefix, budget and drop policy; <paramref name="spill"/>: storage segments exist.</summary>
        public static UplinkPolicy For(string topicPrefix, long bytesPerHour, bool dropNewest, bool spill)
        {
            UplinkPolicy uplink = new UplinkPolicy(TelemetryPublisher.Topics(topicPrefix));
            uplink.BytesPerHour = bytesPerHour;
            uplink.Drop = dropNewest ? UplinkDropPolicy.DropNewest : UplinkDropPolicy.DropOldest;
            uplink.MaxMessageBytes = TelemetryPublisher.DefaultPayloadBytes;
            uplink.QueueBytes = QueueBytes;
            uplink.SegmentBytes = spill ? SegmentBytes : 0;
            return uplink;
        }

        /// <summary>Null when the guard can run an uplink with these settings (with or without spill), else why not.</summary>
        public static string Check(string topicPrefix, long bytesPerHour, bool dropNewest)
        {
            if (bytesPerHour < MinBytesPerHour || bytesPerHour > MaxBytesPerHour)
            {
                return "egress budget must be 512 to 2000000000 bytes per hour";
            }

            string error = For(topicPrefix, bytesPerHour, dropNewest, true).Check();
            if (error == null)
            {
                error = For(topicPrefix, bytesPerHour, dropNewest, false).Check();
            }

            return error == null ? null : "uplink: " + error;
        }
    }
}
