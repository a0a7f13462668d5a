using BmsGuard.Core.Telemetry;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// A scripted uplink transport: a broker that is reachable or not, sessions that can be cut, and
    /// acknowledgements given by the test (or at once with <see cref="AutoAck"/>). Records every publish
    /// with the sequence number the tests put in the first 4 payload bytes.
    /// </summary>
    public sealed class UplinkFakeTransport : IUplinkTransport
    {
        private const int Capacity = 8192;

        private readonly int[] _seqs = new int[Capacity];
        private readonly int[] _ids = new int[Capacity];
        private readonly int[] _lengths = new int[Capacity];
        private readonly string[] _topics = new string[Capacity];
        private readonly bool[] _acked = new bool[Capacity];
        private bool _connected;
        private int _nextId = 1;

        /// <summary>Whether a connection attempt succeeds.</summary>
        public bool Reachable = true;

        /// <summary>Acknowledge every publish at once.</summary>
        public bool AutoAck = true;

        /// <summary>Connection attempts so far.</summary>
        public int ConnectAttempts;

        /// <summary>Publishes accepted so far.</summary>
        public int Count;

        /// <summary>Service calls so far.</summary>
        public int ServiceCalls;

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <inheritdoc />
        public bool TryConnect(long nowMicros)
        {
            ConnectAttempts++;
            _connected = Reachable;
            if (_connected)
            {
                // A clean session: acknowledgements of the old one are gone.
                for (int i = 0; i < Capacity; i++)
                {
                    _acked[i] = false;
                }
            }

            return _connected;
        }

        /// <summary>The broker goes away (or the session breaks).</summary>
        public void Cut()
        {
            _connected = false;
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int length)
        {
            if (!_connected)
            {
                return -1;
            }

            int id = _nextId++;
            _ids[Count] = id;
            _lengths[Count] = length;
            _topics[Count] = topic;
            _seqs[Count] = length >= 4 ? UplinkMessages.SeqOf(payload) : -1;
            Count++;
            if (AutoAck)
            {
                _acked[id] = true;
            }

            return id;
        }

        /// <inheritdoc />
        public bool IsAcknowledged(int messageId)
        {
            return _connected && _acked[messageId];
        }

        /// <inheritdoc />
        public void Service(long nowMicros)
        {
            ServiceCalls++;
        }

        /// <summary>Acknowledges the <paramref name="index"/>-th publish.</summary>
        public void Ack(int index)
        {
            _acked[_ids[index]] = true;
        }

        /// <summary>Sequence number in the <paramref name="index"/>-th publish.</summary>
        public int SeqAt(int index)
        {
            return _seqs[index];
        }

        /// <summary>Topic of the <paramref name="index"/>-th publish.</summary>
        public string TopicAt(int index)
        {
            return _topics[index];
        }

        /// <summary>Payload length of the <paramref name="index"/>-th publish.</summary>
        public int LengthAt(int index)
        {
            return _lengths[index];
        }
    }
}
