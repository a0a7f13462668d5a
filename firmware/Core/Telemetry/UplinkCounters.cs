using System.Text;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// What an <see cref="Uplink"/> did since it started. Every message offered is accounted for:
    /// Enqueued = Acknowledged + DroppedQueueFull + DroppedOverBudget + DroppedTooLarge + the messages
    /// still queued (<see cref="Uplink.Pending"/>).
    /// </summary>
    public sealed class UplinkCounters
    {
        private long _enqueued;
        private long _recovered;
        private long _published;
        private long _resent;
        private long _publishedBytes;
        private long _acknowledged;
        private long _droppedQueueFull;
        private long _droppedOverBudget;
        private long _droppedTooLarge;
        private long _budgetPauses;
        private long _spilled;
        private long _tornRecords;
        private long _connects;
        private long _disconnects;
        private long _ackTimeouts;
        private long _publishRefused;

        /// <summary>Messages offered to <see cref="Uplink.Enqueue"/>, plus those recovered from storage at start.</summary>
        public long Enqueued
        {
            get { return _enqueued; }
            internal set { _enqueued = value; }
        }

        /// <summary>Of <see cref="Enqueued"/>, the ones found intact in storage at start.</summary>
        public long Recovered
        {
            get { return _recovered; }
            internal set { _recovered = value; }
        }

        /// <summary>PUBLISH hand-overs to the transport, first sends and resends.</summary>
        public long Published
        {
            get { return _published; }
            internal set { _published = value; }
        }

        /// <summary>Of <see cref="Published"/>, messages sent again (after a reconnect or an acknowledgement timeout).</summary>
        public long Resent
        {
            get { return _resent; }
            internal set { _resent = value; }
        }

        /// <summary>Payload bytes of <see cref="Published"/>.</summary>
        public long PublishedBytes
        {
            get { return _publishedBytes; }
            internal set { _publishedBytes = value; }
        }

        /// <summary>Messages acknowledged by the broker and removed from the queue.</summary>
        public long Acknowledged
        {
            get { return _acknowledged; }
            internal set { _acknowledged = value; }
        }

        /// <summary>Messages dropped because RAM and storage were full (broker unreachable or slow).</summary>
        public long DroppedQueueFull
        {
            get { return _droppedQueueFull; }
            internal set { _droppedQueueFull = value; }
        }

        /// <summary>Messages dropped because the queue filled while the egress budget held publishing back.</summary>
        public long DroppedOverBudget
        {
            get { return _droppedOverBudget; }
            internal set { _droppedOverBudget = value; }
        }

        /// <summary>Messages refused for their size (above max-message) or an unknown topic index.</summary>
        public long DroppedTooLarge
        {
            get { return _droppedTooLarge; }
            internal set { _droppedTooLarge = value; }
        }

        /// <summary>Times publishing paused because the egress budget was spent.</summary>
        public long BudgetPauses
        {
            get { return _budgetPauses; }
            internal set { _budgetPauses = value; }
        }

        /// <summary>Messages written to storage because RAM was full.</summary>
        public long Spilled
        {
            get { return _spilled; }
            internal set { _spilled = value; }
        }

        /// <summary>Torn records (a power cut mid-write) cut from storage at start.</summary>
        public long TornRecords
        {
            get { return _tornRecords; }
            internal set { _tornRecords = value; }
        }

        /// <summary>Sessions opened.</summary>
        public long Connects
        {
            get { return _connects; }
            internal set { _connects = value; }
        }

        /// <summary>Sessions lost.</summary>
        public long Disconnects
        {
            get { return _disconnects; }
            internal set { _disconnects = value; }
        }

        /// <summary>Acknowledgements that did not come within ack-timeout (the in-flight messages were sent again).</summary>
        public long AckTimeouts
        {
            get { return _ackTimeouts; }
            internal set { _ackTimeouts = value; }
        }

        /// <summary>Publishes the transport refused (returned -1).</summary>
        public long PublishRefused
        {
            get { return _publishRefused; }
            internal set { _publishRefused = value; }
        }

        /// <summary>All drops, whatever the reason.</summary>
        public long Dropped
        {
            get { return DroppedQueueFull + DroppedOverBudget + DroppedTooLarge; }
        }

        /// <summary>One "name value" line per counter, in declaration order.</summary>
        public string Print()
        {
            StringBuilder sb = new StringBuilder();
            Line(sb, "enqueued", Enqueued);
            Line(sb, "recovered", Recovered);
            Line(sb, "published", Published);
            Line(sb, "resent", Resent);
            Line(sb, "published-bytes", PublishedBytes);
            Line(sb, "acknowledged", Acknowledged);
            Line(sb, "dropped-queue-full", DroppedQueueFull);
            Line(sb, "dropped-over-budget", DroppedOverBudget);
            Line(sb, "dropped-too-large", DroppedTooLarge);
            Line(sb, "budget-pauses", BudgetPauses);
            Line(sb, "spilled", Spilled);
            Line(sb, "torn-records", TornRecords);
            Line(sb, "connects", Connects);
            Line(sb, "disconnects", Disconnects);
            Line(sb, "ack-timeouts", AckTimeouts);
            Line(sb, "publish-refused", PublishRefused);
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, string name, long value)
        {
            sb.Append(name);
            sb.Append(' ');
            sb.Append(value.ToString());
            sb.Append('\n');
        }
    }
}
