namespace BmsGuard.Core.Tests
{
    /// <summary>Decision sink that records every call, copying the payload as the sink saw it.</summary>
    public sealed class RecordingSink : IDecisionSink
    {
        private readonly GatewayPort[] _ports;
        private readonly uint[] _ids;
        private readonly bool[] _extended;
        private readonly bool[] _remote;
        private readonly byte[][] _data;
        private readonly int[] _lengths;
        private readonly Verdict[] _verdicts;
        private readonly int[] _rules;
        private readonly long[] _times;
        private int _count;

        /// <summary>Creates a sink that can record up to <paramref name="capacity"/> decisions.</summary>
        public RecordingSink(int capacity)
        {
            _ports = new GatewayPort[capacity];
            _ids = new uint[capacity];
            _extended = new bool[capacity];
            _remote = new bool[capacity];
            _data = new byte[capacity][];
            _lengths = new int[capacity];
            _verdicts = new Verdict[capacity];
            _rules = new int[capacity];
            _times = new long[capacity];
        }

        /// <summary>Decisions recorded so far.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <inheritdoc/>
        public void OnDecision(
            GatewayPort from,
            uint id,
            bool extended,
            bool remote,
            byte[] data,
            int length,
            Verdict verdict,
            int ruleIndex,
            long nowMicros)
        {
            int i = _count++;
            _ports[i] = from;
            _ids[i] = id;
            _extended[i] = extended;
            _remote[i] = remote;
            _lengths[i] = length;
            _verdicts[i] = verdict;
            _rules[i] = ruleIndex;
            _times[i] = nowMicros;
            if (data != null)
            {
                byte[] copy = new byte[data.Length];
                for (int b = 0; b < data.Length; b++)
                {
                    copy[b] = data[b];
                }

                _data[i] = copy;
            }
        }

        /// <summary>Port of decision <paramref name="i"/>.</summary>
        public GatewayPort Port(int i)
        {
            return _ports[i];
        }

        /// <summary>Identifier of decision <paramref name="i"/>.</summary>
        public uint Id(int i)
        {
            return _ids[i];
        }

        /// <summary>Id type of decision <paramref name="i"/>.</summary>
        public bool Extended(int i)
        {
            return _extended[i];
        }

        /// <summary>Remote flag of decision <paramref name="i"/>.</summary>
        public bool Remote(int i)
        {
            return _remote[i];
        }

        /// <summary>Payload copy taken during decision <paramref name="i"/>, or null.</summary>
        public byte[] Data(int i)
        {
            return _data[i];
        }

        /// <summary>Length of decision <paramref name="i"/>.</summary>
        public int Length(int i)
        {
            return _lengths[i];
        }

        /// <summary>Verdict of decision <paramref name="i"/>.</summary>
        public Verdict VerdictAt(int i)
        {
            return _verdicts[i];
        }

        /// <summary>Deciding rule of decision <paramref name="i"/>.</summary>
        public int Rule(int i)
        {
            return _rules[i];
        }

        /// <summary>Time of decision <paramref name="i"/>.</summary>
        public long Time(int i)
        {
            return _times[i];
        }
    }
}
