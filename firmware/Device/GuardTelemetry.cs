using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.Device
{
    /// <summary>
    /// The telemetry side of the guard: the owner's signed policy (loaded from storage, or received on
    /// the command topic), the sanitizer it drives on every BMS frame and on the CAN path to the TCU,
    /// the batching publisher, and the store-and-forward uplink to the policy's broker. Commands that
    /// arrive on the command topic go to the command guard, never to the bus.
    /// </summary>
    public sealed class GuardTelemetry : ITelemetryOutlet, ICommandInbox
    {
        private readonly GuardFiles _files;
        private readonly KeyRing _keys;
        private readonly TcuIngress _ingress;
        private readonly IAuditTrail _audit;
        private readonly PolicyStore _store;
        private readonly byte[] _detail = new byte[8];
        private TelemetrySanitizer _sanitizer;
        private Gateway _gateway;
        private TelemetryPublisher _publisher;
        private Uplink _uplink;
        private IUplinkTransport _transport;
        private string _host;
        private long _destinationRefused;
        private long _envelopes;

        /// <summary>Loads the newest stored policy bundle that verifies with the owner's keys.</summary>
        public GuardTelemetry(GuardFiles files, KeyRing keys, string vin, TcuIngress ingress, IAuditTrail audit, long nowMicros)
        {
            _files = files;
            _keys = keys;
            _ingress = ingress;
            _audit = audit;
            byte[] vinBytes = new byte[17];
            for (int i = 0; i < 17; i++)
            {
                vinBytes[i] = (byte)vin[i];
            }

            _store = new PolicyStore(files.Policy, new RingOwnerKeys(keys), vinBytes, new StorageAnchor(files.PolicyAnchor));
            int loaded = _store.Load();
            if (_store.RefusedAtLoad > 0 && _audit != null)
            {
                // A stored bundle that no longer passes (or never could run) is skipped, not applied: say so.
                PutU32(_store.ActiveVersion, 0);
                PutU32(_store.LoadRefusedVersion, 4);
                _audit.Record(nowMicros, AuditKind.PolicyLoaded, _store.LoadRefusal, _detail, 8);
            }

            Audited(loaded, nowMicros);
        }

        /// <summary>
        /// The clock the uplink runs on (acknowledgement timeouts, reconnects, publish times in the audit
        /// log); null: the same time as the frames. The egress budget always runs on the frames' time. The emulator sets a wall clock when it
        /// replays faster than real time toward a real broker.
        /// </summary>
        public IClock UplinkClock;

        /// <summary>
        /// Whether the uplink's connection attempts are left to <see cref="Reconnect"/> instead of <see cref="Tick"/>
        /// (<see cref="Uplink.PumpConnects"/>): on the device the tick runs holding the node's gate, which the receive
        /// events wait for, and an attempt toward an unreachable broker blocks for the MQTT client's connect timeout.
        /// </summary>
        public bool ConnectOutsideTick
        {
            get
            {
                return _connectOutsideTick;
            }

            set
            {
                _connectOutsideTick = value;
                Uplink u = _uplink;
                if (u != null)
                {
                    u.PumpConnects = !value;
                }
            }
        }

        private bool _connectOutsideTick;

        /// <summary>
        /// Tries to open the uplink's session when it is down and due (<see cref="Uplink.Reconnect"/>); for
        /// <see cref="ConnectOutsideTick"/>. Call it from the thread that ticks, without holding the node's gate.
        /// </summary>
        public void Reconnect(long nowMicros)
        {
            Uplink u = _uplink;
            if (u != null)
            {
                u.Reconnect(UplinkClock == null ? nowMicros : UplinkClock.NowMicros);
            }
        }

        /// <summary>The policy store (active bundle, refusals by reason).</summary>
        public PolicyStore Store
        {
            get { return _store; }
        }

        /// <summary>The active sanitizer; null without a policy.</summary>
        public TelemetrySanitizer Sanitizer
        {
            get { return _sanitizer; }
        }

        /// <summary>The batching publisher; null without a policy.</summary>
        public TelemetryPublisher Publisher
        {
            get { return _publisher; }
        }

        /// <summary>The uplink; null until <see cref="Connect"/> succeeded under a policy.</summary>
        public Uplink Uplink
        {
            get { return _uplink; }
        }

        /// <summary>Times a broker outside the policy's list was refused.</summary>
        public long DestinationRefused
        {
            get { return _destinationRefused; }
        }

        /// <summary>Command envelopes that arrived on the command topic.</summary>
        public long Envelopes
        {
            get { return _envelopes; }
        }

        /// <summary>MQTT topic the guard subscribes to for commands and policy bundles, under <paramref name="topicPrefix"/>.</summary>
        public static string CommandTopic(string topicPrefix)
        {
            return topicPrefix + "commands";
        }

        /// <summary>
        /// Publishes through <paramref name="transport"/>, which talks to <paramref name="host"/>; refused (false,
        /// counted) without a policy or when the policy does not list the host.
        /// </summary>
        public bool Connect(IUplinkTransport transport, string host)
        {
            _transport = transport;
            _host = host;
            return BuildUplink();
        }

        /// <summary>Offers a policy bundle (bench tool or command topic); returns the <see cref="BundleReason"/>.</summary>
        public int OfferPolicy(byte[] bundle, int length, long nowMicros)
        {
            return Audited(_store.Offer(bundle, length), nowMicros);
        }

        /// <summary>
        /// Plugs the active sanitizer into <paramref name="gateway"/> as a BMS observer (after those already
        /// there) and as its egress filter, and plugs each later policy's sanitizer in its place. The gateway
        /// calls the sanitizer itself: no call through this class per frame. Without a policy the rule table
        /// alone governs the CAN path.
        /// </summary>
        public void Attach(Gateway gateway)
        {
            _gateway = gateway;
            Plug(null);
        }

        // Swaps the sanitizer the gateway calls (under the node's gate, as everything that drives the guard).
        private void Plug(TelemetrySanitizer previous)
        {
            Gateway gateway = _gateway;
            if (gateway == null || previous == _sanitizer)
            {
                return;
            }

            gateway.ReplaceObserver(previous, _sanitizer);
            gateway.EgressFilter = _sanitizer;
        }

        /// <inheritdoc />
        public bool Publish(int topic, byte[] payload, int length)
        {
            Uplink u = _uplink;
            return u != null && u.Enqueue(topic, payload, 0, length);
        }

        /// <inheritdoc />
        public void Submit(byte[] envelope, int length, long nowMicros)
        {
            if (length >= 4 && envelope[0] == (byte)'B' && envelope[1] == (byte)'G' && envelope[2] == (byte)'T' && envelope[3] == (byte)'P')
            {
                OfferPolicy(envelope, length, nowMicros);
                return;
            }

            _envelopes++;
            _ingress.SubmitEnvelope(envelope, length, nowMicros);
        }

        /// <summary>Periodic work (every 10..100 ms): window ends and delayed samples, batch flushes, the uplink.</summary>
        public void Tick(long nowMicros)
        {
            if (_sanitizer != null)
            {
                _sanitizer.Advance(nowMicros);
                _publisher.Tick(nowMicros);
            }

            if (_uplink != null)
            {
                _uplink.Pump(UplinkClock == null ? nowMicros : UplinkClock.NowMicros, nowMicros);
            }
        }

        /// <summary>Sends what is batched now (end of a replay, before a planned shutdown).</summary>
        public void Flush(long nowMicros)
        {
            if (_publisher != null)
            {
                _sanitizer.Advance(nowMicros);
                _publisher.Flush(nowMicros);
            }

            if (_uplink != null)
            {
                // Twice: the first round publishes, the second collects what was acknowledged meanwhile.
                _uplink.Pump(UplinkClock == null ? nowMicros : UplinkClock.NowMicros, nowMicros);
                _uplink.Pump(UplinkClock == null ? nowMicros : UplinkClock.NowMicros, nowMicros);
            }
        }

        private int Audited(int reason, long nowMicros)
        {
            if (reason == BundleReason.Accepted)
            {
                Activate();
            }

            if (_audit != null && reason != BundleReason.NoBundle)
            {
                PutU32(_store.ActiveVersion, 0);
                _audit.Record(nowMicros, AuditKind.PolicyLoaded, reason, _detail, 4);
            }

            return reason;
        }

        private void PutU32(uint value, int at)
        {
            _detail[at] = (byte)(value >> 24);
            _detail[at + 1] = (byte)(value >> 16);
            _detail[at + 2] = (byte)(value >> 8);
            _detail[at + 3] = (byte)value;
        }

        private void Activate()
        {
            TelemetryPolicy policy = _store.Active;
            byte[] owner = new RingOwnerKeys(_keys).SecretFor(_store.ActiveKeyId);
            if (policy == null || owner == null)
            {
                return;
            }

            _publisher = new TelemetryPublisher(this, _store.ActiveVersion, TelemetryPublisher.DefaultPayloadBytes, TelemetryPublisher.DefaultFlushMicros);
            TelemetrySanitizer previous = _sanitizer;
            _sanitizer = new TelemetrySanitizer(policy, PseudonymKey.Derive(owner), _publisher);
            Plug(previous);
            if (_transport != null)
            {
                BuildUplink();
            }
        }

        private bool BuildUplink()
        {
            TelemetryPolicy policy = _store.Active;
            if (policy == null || _transport == null)
            {
                return false;
            }

            if (!policy.IsBrokerAllowed(_host))
            {
                _destinationRefused++;
                _uplink = null;
                return false;
            }

            // A new policy keeps the queue only if its topics are the same; otherwise the old queue's
            // messages were meant for topics the owner no longer wants.
            string[] topics = TelemetryPublisher.Topics(policy.TopicPrefix);
            UplinkDropPolicy drop = policy.DropNewest ? UplinkDropPolicy.DropNewest : UplinkDropPolicy.DropOldest;
            if (_uplink != null && _uplink.Policy.Topics[0] == topics[0] && _uplink.Policy.BytesPerHour == policy.EgressBytesPerHour && _uplink.Policy.Drop == drop)
            {
                return true;
            }

            UplinkPolicy uplink = TelemetryUplink.For(policy.TopicPrefix, policy.EgressBytesPerHour, policy.DropNewest, _files.Uplink.Length > 0);
            Uplink built = new Uplink(uplink, _transport, _audit, _files.Uplink.Length > 0 ? _files.Uplink : null);
            built.PumpConnects = !_connectOutsideTick;
            _uplink = built;
            return true;
        }
    }
}
