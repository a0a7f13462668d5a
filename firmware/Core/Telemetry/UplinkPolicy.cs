namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// How an <see cref="Uplink"/> queues and sends: sizes, drop policy, egress budget, in-flight window,
    /// timers and the topic table (records carry a topic's index, not its name). Plain data; its text
    /// form is <see cref="UplinkPolicyText"/>. <see cref="Check"/> names the first invalid setting.
    /// </summary>
    public sealed class UplinkPolicy
    {
        /// <summary>Largest budget accepted: the token bucket keeps bytes times microseconds in 64 bits.</summary>
        public const long MaxBytesPerHour = 2000000000;

        /// <summary>Largest in-flight window.</summary>
        public const int MaxInflight = 32;

        /// <summary>Most topics a table may hold (the record's topic field is one byte).</summary>
        public const int MaxTopics = 255;

        private string[] _topics;
        private int _queueBytes;
        private int _maxMessageBytes;
        private int _segmentBytes;
        private UplinkDropPolicy _drop;
        private long _bytesPerHour;
        private int _inflight;
        private long _ackTimeoutMicros;
        private long _reconnectMicros;

        /// <summary>Creates the default policy for <paramref name="topics"/> (index = position).</summary>
        public UplinkPolicy(string[] topics)
        {
            Topics = topics;
            QueueBytes = 4096;
            MaxMessageBytes = 512;
            SegmentBytes = 0;
            Drop = UplinkDropPolicy.DropOldest;
            BytesPerHour = 0;
            Inflight = 4;
            AckTimeoutMicros = 10000000;
            ReconnectMicros = 2000000;
        }

        /// <summary>Topic names by index; ASCII, no wildcards.</summary>
        public string[] Topics
        {
            get { return _topics; }
            set { _topics = value; }
        }

        /// <summary>Bytes of the RAM ring; each message takes its payload plus <see cref="Uplink.RamRecordOverhead"/>.</summary>
        public int QueueBytes
        {
            get { return _queueBytes; }
            set { _queueBytes = value; }
        }

        /// <summary>Largest payload accepted; larger ones are dropped as too large.</summary>
        public int MaxMessageBytes
        {
            get { return _maxMessageBytes; }
            set { _maxMessageBytes = value; }
        }

        /// <summary>Bytes per storage segment the queue spills to when RAM is full; 0 = no spill.</summary>
        public int SegmentBytes
        {
            get { return _segmentBytes; }
            set { _segmentBytes = value; }
        }

        /// <summary>What goes when everything is full.</summary>
        public UplinkDropPolicy Drop
        {
            get { return _drop; }
            set { _drop = value; }
        }

        /// <summary>Egress budget in payload bytes per hour (token bucket, full at start); 0 = unlimited.</summary>
        public long BytesPerHour
        {
            get { return _bytesPerHour; }
            set { _bytesPerHour = value; }
        }

        /// <summary>Messages published and not yet acknowledged at most.</summary>
        public int Inflight
        {
            get { return _inflight; }
            set { _inflight = value; }
        }

        /// <summary>Wait for the oldest acknowledgement before publishing the in-flight messages again.</summary>
        public long AckTimeoutMicros
        {
            get { return _ackTimeoutMicros; }
            set { _ackTimeoutMicros = value; }
        }

        /// <summary>Pause between connection attempts.</summary>
        public long ReconnectMicros
        {
            get { return _reconnectMicros; }
            set { _reconnectMicros = value; }
        }

        /// <summary>Null when the policy is usable, otherwise the reason it is not.</summary>
        public string Check()
        {
            if (Topics == null || Topics.Length == 0 || Topics.Length > MaxTopics)
            {
                return "1 to 255 topics are needed";
            }

            for (int i = 0; i < Topics.Length; i++)
            {
                string reason = CheckTopic(Topics[i]);
                if (reason != null)
                {
                    return "topic " + i.ToString() + ": " + reason;
                }
            }

            if (MaxMessageBytes < 1 || MaxMessageBytes > 65535)
            {
                return "max-message must be 1 to 65535 bytes";
            }

            if (QueueBytes < MaxMessageBytes + Uplink.RamRecordOverhead)
            {
                return "queue must hold one largest message (max-message + " + Uplink.RamRecordOverhead.ToString() + " bytes)";
            }

            if (SegmentBytes != 0 && SegmentBytes < MaxMessageBytes + Uplink.SpillRecordOverhead)
            {
                return "segment must be 0 or hold one largest message (max-message + " + Uplink.SpillRecordOverhead.ToString() + " bytes)";
            }

            if (BytesPerHour < 0 || BytesPerHour > MaxBytesPerHour)
            {
                return "budget must be 0 (none) to 2000000000 bytes per hour";
            }

            if (BytesPerHour != 0 && BytesPerHour < MaxMessageBytes)
            {
                return "budget must allow one largest message per hour";
            }

            if (Inflight < 1 || Inflight > MaxInflight)
            {
                return "inflight must be 1 to 32";
            }

            if (AckTimeoutMicros <= 0 || ReconnectMicros <= 0)
            {
                return "ack-timeout and reconnect must be positive";
            }

            return null;
        }

        /// <summary>Null when <paramref name="topic"/> can be published to, otherwise why not.</summary>
        public static string CheckTopic(string topic)
        {
            if (topic == null || topic.Length == 0 || topic.Length > 200)
            {
                return "a topic has 1 to 200 characters";
            }

            for (int c = 0; c < topic.Length; c++)
            {
                char ch = topic[c];
                if (ch <= ' ' || ch > '~' || ch == '#' || ch == '+')
                {
                    return "'" + topic + "' must be printable ASCII without spaces or wildcards";
                }
            }

            return null;
        }
    }
}
