namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The sanitizer's sink on the way out: batches samples into <see cref="TelemetryBatch"/> payloads (topic
    /// <see cref="TelemetryTopic"/>) and identifier pseudonyms into payloads of their own (topic
    /// <see cref="IdentifierTopic"/>), and hands each to an <see cref="ITelemetryOutlet"/> when the next record
    /// does not fit (size, record count, or a time gap beyond the delta range) or when it is older than the flush
    /// interval. Times are unix microseconds, as the sanitizer gives them; payloads carry milliseconds (floor).
    /// Age is measured on the latest time seen (a sample's, or <see cref="Tick"/>'s), so a clock that goes back
    /// never holds a batch open. Two buffers allocated once, nothing per sample. Not thread-safe: call it from
    /// the thread that runs the sanitizer.
    /// </summary>
    public sealed class TelemetryPublisher : ITelemetrySink
    {
        /// <summary>Topic index of sample payloads.</summary>
        public const int TelemetryTopic = 0;

        /// <summary>Topic index of identifier payloads.</summary>
        public const int IdentifierTopic = 1;

        /// <summary>Topic name of sample payloads, under the policy's topic prefix.</summary>
        public const string TelemetryTopicName = "telemetry";

        /// <summary>Topic name of identifier payloads, under the policy's topic prefix.</summary>
        public const string IdentifierTopicName = "identifiers";

        /// <summary>Default largest payload (the uplink's default largest message).</summary>
        public const int DefaultPayloadBytes = 512;

        /// <summary>Default flush interval, 1 s.</summary>
        public const long DefaultFlushMicros = 1000000;

        private readonly ITelemetryOutlet _outlet;
        private readonly TelemetryBatch _samples;
        private readonly TelemetryBatch _identifiers;
        private readonly long _flushMicros;

        private long _now;
        private long _samplesOpened;
        private long _identifiersOpened;

        private long _sampleCount;
        private long _identifierCount;
        private long _batches;
        private long _bytes;
        private long _flushFailures;
        private long _recordsLost;
        private long _rejected;

        /// <summary>
        /// A publisher for policy version <paramref name="policyVersion"/> into <paramref name="outlet"/>, payloads of
        /// at most <paramref name="maxPayloadBytes"/>, none held longer than <paramref name="flushMicros"/> (&gt; 0).
        /// </summary>
        /// <exception cref="System.ArgumentException">The outlet is null, the size is outside the batch's limits, or the interval is not positive.</exception>
        public TelemetryPublisher(ITelemetryOutlet outlet, uint policyVersion, int maxPayloadBytes, long flushMicros)
        {
            if (outlet == null || flushMicros <= 0)
            {
                throw new System.ArgumentException();
            }

            _outlet = outlet;
            _flushMicros = flushMicros;
            _samples = new TelemetryBatch(TelemetryBatch.SampleKind, policyVersion, maxPayloadBytes);
            _identifiers = new TelemetryBatch(TelemetryBatch.IdentifierKind, policyVersion, maxPayloadBytes);
        }

        /// <summary>The uplink topic table for these payloads, by index: prefix + "telemetry", prefix + "identifiers".</summary>
        public static string[] Topics(string topicPrefix)
        {
            return new string[] { topicPrefix + TelemetryTopicName, topicPrefix + IdentifierTopicName };
        }

        /// <summary>Samples taken into a payload.</summary>
        public long Samples
        {
            get { return _sampleCount; }
        }

        /// <summary>Pseudonyms taken into a payload.</summary>
        public long Identifiers
        {
            get { return _identifierCount; }
        }

        /// <summary>Payloads the outlet took.</summary>
        public long Batches
        {
            get { return _batches; }
        }

        /// <summary>Payload bytes the outlet took.</summary>
        public long Bytes
        {
            get { return _bytes; }
        }

        /// <summary>Payloads the outlet refused (each is discarded; its records count in <see cref="RecordsLost"/>).</summary>
        public long FlushFailures
        {
            get { return _flushFailures; }
        }

        /// <summary>Samples and pseudonyms in refused payloads.</summary>
        public long RecordsLost
        {
            get { return _recordsLost; }
        }

        /// <summary>Records that cannot be encoded (index above 255, a time before 1970, a bad pseudonym length); never sent.</summary>
        public long Rejected
        {
            get { return _rejected; }
        }

        /// <summary>Records waiting in the sample payload.</summary>
        public int PendingSamples
        {
            get { return _samples.Count; }
        }

        /// <summary>Records waiting in the identifier payload.</summary>
        public int PendingIdentifiers
        {
            get { return _identifiers.Count; }
        }

        /// <inheritdoc/>
        public void Sample(int signal, long valueUnits, long timeMicros)
        {
            Saw(timeMicros);
            FlushIfOld(_samples, _samplesOpened, TelemetryTopic);
            long ms = timeMicros < 0 ? -1 : timeMicros / 1000;
            int r = _samples.AddSample(signal, valueUnits, ms);
            if (r == TelemetryBatch.Full)
            {
                Publish(_samples, TelemetryTopic);
                r = _samples.AddSample(signal, valueUnits, ms);
            }

            if (r != TelemetryBatch.Added)
            {
                _rejected++;
                return;
            }

            _sampleCount++;
            if (_samples.Count == 1)
            {
                _samplesOpened = _now;
            }
        }

        /// <inheritdoc/>
        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros)
        {
            Saw(timeMicros);
            FlushIfOld(_identifiers, _identifiersOpened, IdentifierTopic);
            long ms = timeMicros < 0 ? -1 : timeMicros / 1000;
            int r = _identifiers.AddIdentifier(signal, pseudonym, len, ms);
            if (r == TelemetryBatch.Full)
            {
                Publish(_identifiers, IdentifierTopic);
                r = _identifiers.AddIdentifier(signal, pseudonym, len, ms);
            }

            if (r != TelemetryBatch.Added)
            {
                _rejected++;
                return;
            }

            _identifierCount++;
            if (_identifiers.Count == 1)
            {
                _identifiersOpened = _now;
            }
        }

        /// <summary>Publishes each payload that has been open for the flush interval by <paramref name="nowMicros"/>. Call it periodically.</summary>
        public void Tick(long nowMicros)
        {
            Saw(nowMicros);
            FlushIfOld(_samples, _samplesOpened, TelemetryTopic);
            FlushIfOld(_identifiers, _identifiersOpened, IdentifierTopic);
        }

        /// <summary>Publishes whatever is pending now (e.g. before the policy changes or the guard stops).</summary>
        public void Flush(long nowMicros)
        {
            Saw(nowMicros);
            Publish(_samples, TelemetryTopic);
            Publish(_identifiers, IdentifierTopic);
        }

        private void Saw(long micros)
        {
            if (micros > _now)
            {
                _now = micros;
            }
        }

        private void FlushIfOld(TelemetryBatch batch, long opened, int topic)
        {
            if (!batch.IsEmpty && _now - opened >= _flushMicros)
            {
                Publish(batch, topic);
            }
        }

        private void Publish(TelemetryBatch batch, int topic)
        {
            if (batch.IsEmpty)
            {
                return;
            }

            if (_outlet.Publish(topic, batch.Buffer, batch.Length))
            {
                _batches++;
                _bytes += batch.Length;
            }
            else
            {
                _flushFailures++;
                _recordsLost += batch.Count;
            }

            batch.Clear();
        }
    }
}
