namespace BmsGuard.Core
{
    /// <summary>
    /// Remembers, per identifier, when a frame was last forwarded, in a fixed open-addressed table
    /// allocated once. Lookups probe at most <see cref="MaxProbes"/> slots, so the cost is bounded;
    /// when an identifier finds no slot the caller fails closed (<see cref="Verdict.RateStateFull"/>).
    /// </summary>
    public sealed class RateLimiter
    {
        /// <summary>Longest probe sequence before giving up.</summary>
        public const int MaxProbes = 16;

        /// <summary>Outcome: the frame may pass (and its time was recorded).</summary>
        public const int Pass = 0;

        /// <summary>Outcome: too soon after the previous forwarded frame of this identifier.</summary>
        public const int TooSoon = 1;

        /// <summary>Outcome: no free slot for a new identifier.</summary>
        public const int Full = 2;

        private const uint Occupied = 0x40000000;
        private const uint ExtendedBit = 0x80000000;

        private readonly uint[] _keys;
        private readonly long[] _last;
        private readonly int _mask;
        private readonly int _shift;
        private int _used;

        /// <summary>Creates a table with room for at least <paramref name="capacity"/> identifiers.</summary>
        public RateLimiter(int capacity)
        {
            int size = 8;
            int bits = 3;
            while (size < capacity * 2)
            {
                size <<= 1;
                bits++;
            }

            _keys = new uint[size];
            _last = new long[size];
            _mask = size - 1;
            _shift = 32 - bits;
        }

        /// <summary>Identifiers currently tracked.</summary>
        public int Used
        {
            get { return _used; }
        }

        /// <summary>Slots in the table.</summary>
        public int Capacity
        {
            get { return _keys.Length; }
        }

        /// <summary>
        /// Decides whether a frame of <paramref name="id"/> may pass at <paramref name="nowMicros"/>
        /// given a minimum interval, and records the time when it may.
        /// </summary>
        public int Check(uint id, bool extended, long nowMicros, long minIntervalMicros)
        {
            uint key = id | Occupied | (extended ? ExtendedBit : 0);
            int slot = (int)((key * 2654435769u) >> _shift);
            for (int probe = 0; probe < MaxProbes; probe++)
            {
                uint k = _keys[slot];
                if (k == key)
                {
                    if (nowMicros - _last[slot] < minIntervalMicros)
                    {
                        return TooSoon;
                    }

                    _last[slot] = nowMicros;
                    return Pass;
                }

                if (k == 0)
                {
                    _keys[slot] = key;
                    _last[slot] = nowMicros;
                    _used++;
                    return Pass;
                }

                slot = (slot + 1) & _mask;
            }

            return Full;
        }

        /// <summary>Forgets every identifier (used when a new rule table is loaded).</summary>
        public void Clear()
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                _keys[i] = 0;
                _last[i] = 0;
            }

            _used = 0;
        }
    }
}
