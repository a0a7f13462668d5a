using System.Threading;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Store and forward for telemetry: a bounded queue of (topic index, payload) messages in a
    /// preallocated RAM ring, spilling to storage segments when RAM is full, published in order with
    /// QoS 1 through an <see cref="IUplinkTransport"/>. A message leaves the queue only when the broker
    /// acknowledged it (at-least-once): what was in flight when the session dropped, or whose
    /// acknowledgement timed out, is published again, oldest first. An egress budget (bytes per hour)
    /// pauses publishing; the drop policy decides what goes when everything is full; every drop is
    /// counted by reason (<see cref="Counters"/>) and every publish is audited (<see cref="UplinkAudit"/>).
    /// </summary>
    /// <remarks>
    /// <see cref="Enqueue"/> (any thread) and <see cref="Pump(long)"/> (one thread, e.g. the main loop) are
    /// serialized by a monitor; the connection attempt runs outside it, so a slow connect never blocks
    /// producers, and a caller can make it outside its own lock too (<see cref="PumpConnects"/>,
    /// <see cref="Reconnect"/>). No allocation per message in steady state.
    /// </remarks>
    public sealed class Uplink
    {
        /// <summary>RAM bytes a message takes besides its payload.</summary>
        public const int RamRecordOverhead = UplinkRing.HeaderBytes;

        /// <summary>Storage bytes a message takes besides its payload.</summary>
        public const int SpillRecordOverhead = UplinkSpill.RecordOverhead;

        private readonly object _gate = new object();
        private readonly UplinkPolicy _policy;
        private readonly IUplinkTransport _transport;
        private readonly UplinkRing _ring;
        private readonly UplinkSpill _spill;
        private readonly UplinkBudget _budget;
        private readonly UplinkAudit _audit;
        private readonly UplinkCounters _counters = new UplinkCounters();
        private readonly byte[] _scratch;

        // The first _sent records of the ring are in flight, with these ids and send times; the next
        // record to publish starts at _sendOffset. The first _everSent records were published at least once.
        private readonly int[] _inflightIds;
        private readonly long[] _sentAt;
        private int _sent;
        private int _sendOffset;
        private int _everSent;

        private bool _connected;
        private bool _attempted;
        private long _nextConnectMicros;
        private bool _budgetPaused;
        private bool _pumpConnects = true;

        /// <summary>
        /// Creates the uplink and recovers what <paramref name="spillSegments"/> hold from before a reset
        /// (torn records are cut and counted). <paramref name="audit"/> and <paramref name="spillSegments"/>
        /// may be null; storage is used only when the policy's segment size is not 0.
        /// </summary>
        /// <exception cref="System.ArgumentException">The policy is invalid (<see cref="UplinkPolicy.Check"/>) or the transport is null.</exception>
        public Uplink(UplinkPolicy policy, IUplinkTransport transport, IAuditTrail audit, IStorageFile[] spillSegments)
        {
            if (policy == null || transport == null || policy.Check() != null)
            {
                throw new System.ArgumentException();
            }

            _policy = policy;
            _transport = transport;
            _ring = new UplinkRing(policy.QueueBytes);
            _spill = new UplinkSpill(spillSegments, policy.SegmentBytes, policy.MaxMessageBytes);
            _budget = new UplinkBudget(policy.BytesPerHour);
            _audit = new UplinkAudit(audit, policy.Topics);
            _scratch = new byte[policy.MaxMessageBytes];
            _inflightIds = new int[policy.Inflight];
            _sentAt = new long[policy.Inflight];

            int torn;
            int recovered = _spill.Recover(out torn);
            _counters.Recovered = recovered;
            _counters.Enqueued = recovered;
            _counters.TornRecords = torn;
        }

        /// <summary>The policy in force.</summary>
        public UplinkPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>What happened so far.</summary>
        public UplinkCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Messages queued (RAM and storage), in flight included.</summary>
        public int Pending
        {
            get { return _ring.Count + _spill.Count; }
        }

        /// <summary>Messages in RAM.</summary>
        public int InRam
        {
            get { return _ring.Count; }
        }

        /// <summary>Messages in storage.</summary>
        public int InStorage
        {
            get { return _spill.Count; }
        }

        /// <summary>Messages published and not yet acknowledged.</summary>
        public int InFlight
        {
            get { return _sent; }
        }

        /// <summary>True while the egress budget holds publishing back.</summary>
        public bool BudgetPaused
        {
            get { return _budgetPaused; }
        }

        /// <summary>Payload bytes the budget allows now (long.MaxValue when unlimited).</summary>
        public long BudgetAvailableBytes
        {
            get { return _budget.AvailableBytes; }
        }

        /// <summary>
        /// Queues <paramref name="length"/> bytes of <paramref name="payload"/> from <paramref name="offset"/>
        /// for topic <paramref name="topic"/> (copied). False when this message was dropped: too large,
        /// unknown topic, or the queue is full under <see cref="UplinkDropPolicy.DropNewest"/>. Under
        /// <see cref="UplinkDropPolicy.DropOldest"/> the oldest messages go instead (counted). May write
        /// storage when RAM is full.
        /// </summary>
        public bool Enqueue(int topic, byte[] payload, int offset, int length)
        {
            Monitor.Enter(_gate);
            try
            {
                _counters.Enqueued++;
                if (topic < 0 || topic >= _policy.Topics.Length || length < 0 || length > _policy.MaxMessageBytes)
                {
                    _counters.DroppedTooLarge++;
                    return false;
                }

                while (!Place(topic, payload, offset, length))
                {
                    // One message is lost per turn: the new one (drop newest, or nothing older left) or the oldest.
                    CountDrop();
                    if (_policy.Drop == UplinkDropPolicy.DropNewest || !DropOldest())
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>
        /// Does one round of bounded work: delivers inbound commands (transport), reconnects when the
        /// session is down (at most once per reconnect interval), collects acknowledgements, moves
        /// stored messages back to RAM as room allows and publishes up to the in-flight window within
        /// the budget.
        /// </summary>
        public void Pump(long nowMicros)
        {
            Pump(nowMicros, nowMicros);
        }

        /// <summary>
        /// As <see cref="Pump(long)"/>, with the egress budget refilled on <paramref name="budgetMicros"/>
        /// instead: the emulator runs timers on the wall clock toward a real broker but measures the budget
        /// on the capture's time, which is the time the budget is about (a replay runs faster than real time).
        /// </summary>
        public void Pump(long nowMicros, long budgetMicros)
        {
            _transport.Service(nowMicros);
            if (!_transport.IsConnected)
            {
                Monitor.Enter(_gate);
                try
                {
                    if (_connected)
                    {
                        _connected = false;
                        _counters.Disconnects++;
                        RestartInflight();
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                if (!_pumpConnects || !Attempt(nowMicros))
                {
                    return;
                }
            }

            Monitor.Enter(_gate);
            try
            {
                if (!_connected)
                {
                    // A new session knows nothing of the old one's messages: publish the in-flight ones again.
                    _connected = true;
                    _counters.Connects++;
                    RestartInflight();
                }

                _budget.Refill(budgetMicros);
                CollectAcknowledgements(nowMicros);
                Refill();
                Publish(nowMicros);
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>
        /// Whether <see cref="Pump(long)"/> opens a session that is down (default true). A caller whose lock around Pump
        /// holds up other work (the device's node gate, which the receive events wait for) sets it false and calls
        /// <see cref="Reconnect"/> outside that lock: a connection attempt blocks for up to the transport's connect timeout.
        /// </summary>
        public bool PumpConnects
        {
            get { return _pumpConnects; }
            set { _pumpConnects = value; }
        }

        /// <summary>
        /// Tries to open the session when it is down and the reconnect interval has passed since the last attempt: what
        /// <see cref="Pump(long)"/> does when <see cref="PumpConnects"/>. Call it from the pump's thread.
        /// </summary>
        public void Reconnect(long nowMicros)
        {
            if (!_transport.IsConnected)
            {
                Attempt(nowMicros);
            }
        }

        // One connection attempt, at most once per reconnect interval; true when the session is up.
        private bool Attempt(long nowMicros)
        {
            if (_attempted && nowMicros < _nextConnectMicros)
            {
                return false;
            }

            _attempted = true;
            _nextConnectMicros = nowMicros + _policy.ReconnectMicros;
            return _transport.TryConnect(nowMicros);
        }

        private void RestartInflight()
        {
            _sent = 0;
            _sendOffset = _ring.Head;
        }

        private void CollectAcknowledgements(long nowMicros)
        {
            while (_sent > 0 && _transport.IsAcknowledged(_inflightIds[0]))
            {
                _ring.Pop();
                ShiftInflight();
                _counters.Acknowledged++;
            }

            if (_sent == 0)
            {
                _sendOffset = _ring.Head;
            }
            else if (nowMicros - _sentAt[0] >= _policy.AckTimeoutMicros)
            {
                _counters.AckTimeouts++;
                RestartInflight();
            }
        }

        private void Publish(long nowMicros)
        {
            if (_sent == 0)
            {
                _sendOffset = _ring.Head;
            }

            while (_sent < _policy.Inflight && _sent < _ring.Count)
            {
                int topic = _ring.TopicAt(_sendOffset);
                int length = _ring.LengthAt(_sendOffset);
                if (!_budget.CanSpend(length))
                {
                    if (!_budgetPaused)
                    {
                        _budgetPaused = true;
                        _counters.BudgetPauses++;
                    }

                    return;
                }

                _ring.CopyPayload(_sendOffset, _scratch);
                int id = _transport.Publish(_policy.Topics[topic], _scratch, length);
                if (id < 0)
                {
                    _counters.PublishRefused++;
                    return;
                }

                _budgetPaused = false;
                _budget.Spend(length);
                bool resend = _sent < _everSent;
                _audit.Record(nowMicros, topic, _scratch, length, resend);
                _inflightIds[_sent] = id;
                _sentAt[_sent] = nowMicros;
                _sent++;
                if (_sent > _everSent)
                {
                    _everSent = _sent;
                }

                _counters.Published++;
                _counters.PublishedBytes += length;
                if (resend)
                {
                    _counters.Resent++;
                }

                _sendOffset = _ring.Next(_sendOffset);
            }
        }

        // Moves spilled messages back into RAM, oldest first, while they fit. Only while connected (from
        // Pump): during an outage stored messages stay on storage, where a reset does not lose them.
        private void Refill()
        {
            int topic;
            int length;
            while ((length = _spill.Peek(out topic)) >= 0 && RamRecordOverhead + length <= _ring.Free)
            {
                _spill.Take(_scratch);
                _ring.TryPush(topic, _scratch, 0, length);
            }
        }

        // RAM while nothing waits in storage (order), then storage; false when both are full.
        private bool Place(int topic, byte[] payload, int offset, int length)
        {
            if (_spill.Count == 0 && _ring.TryPush(topic, payload, offset, length))
            {
                return true;
            }

            if (_spill.TryAppend(topic, payload, offset, length))
            {
                _counters.Spilled++;
                return true;
            }

            return false;
        }

        // Evicts the oldest message: RAM holds the older ones, storage the newer (in flight or not; a late
        // acknowledgement for it is ignored). Storage space comes back a segment at a time, so making
        // room there may evict several messages, oldest first.
        private bool DropOldest()
        {
            if (_ring.Count > 0)
            {
                _ring.Pop();
                if (_sent > 0)
                {
                    ShiftInflight();
                }
                else if (_everSent > 0)
                {
                    _everSent--;
                }

                if (_sent == 0)
                {
                    _sendOffset = _ring.Head;
                }

                return true;
            }

            return _spill.Take(null) >= 0;
        }

        // The head record left the ring: drop its in-flight slot.
        private void ShiftInflight()
        {
            for (int i = 1; i < _sent; i++)
            {
                _inflightIds[i - 1] = _inflightIds[i];
                _sentAt[i - 1] = _sentAt[i];
            }

            _sent--;
            if (_everSent > 0)
            {
                _everSent--;
            }
        }

        private void CountDrop()
        {
            if (_budgetPaused && _connected)
            {
                _counters.DroppedOverBudget++;
            }
            else
            {
                _counters.DroppedQueueFull++;
            }
        }
    }
}
