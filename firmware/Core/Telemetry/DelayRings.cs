namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// One small fixed ring of (value, time) per delayed signal, all in two flat arrays allocated once per
    /// policy. Observations go in at the tail and leave from the head once their delay has passed; a full ring
    /// refuses the newest observation (the caller counts it dropped) rather than emitting early.
    /// </summary>
    internal sealed class DelayRings
    {
        private readonly int[] _first;
        private readonly int[] _size;
        private readonly int[] _head;
        private readonly int[] _count;
        private readonly long[] _values;
        private readonly long[] _times;

        /// <summary>Rings for the delayed signals of <paramref name="signals"/>.</summary>
        internal DelayRings(TelemetrySignal[] signals)
        {
            int n = signals.Length;
            _first = new int[n];
            _size = new int[n];
            _head = new int[n];
            _count = new int[n];
            int total = 0;
            for (int s = 0; s < n; s++)
            {
                _first[s] = total;
                _size[s] = signals[s].Treatment.Action == TelemetryAction.Delay ? signals[s].Treatment.DelaySlots : 0;
                total += _size[s];
            }

            _values = new long[total];
            _times = new long[total];
        }

        /// <summary>Observations held back for signal <paramref name="s"/>.</summary>
        internal int Count(int s)
        {
            return _count[s];
        }

        /// <summary>Appends an observation; false when the ring is full.</summary>
        internal bool Push(int s, long value, long time)
        {
            if (_count[s] == _size[s])
            {
                return false;
            }

            int at = _first[s] + ((_head[s] + _count[s]) % _size[s]);
            _values[at] = value;
            _times[at] = time;
            _count[s]++;
            return true;
        }

        /// <summary>True when the oldest held observation of <paramref name="s"/> is due at <paramref name="now"/>.</summary>
        internal bool Due(int s, long now, long delay)
        {
            return _count[s] > 0 && now - _times[_first[s] + _head[s]] >= delay;
        }

        /// <summary>Value of the oldest held observation.</summary>
        internal long HeadValue(int s)
        {
            return _values[_first[s] + _head[s]];
        }

        /// <summary>Time of the oldest held observation.</summary>
        internal long HeadTime(int s)
        {
            return _times[_first[s] + _head[s]];
        }

        /// <summary>Removes the oldest held observation.</summary>
        internal void Pop(int s)
        {
            _head[s] = (_head[s] + 1) % _size[s];
            _count[s]--;
        }
    }
}
