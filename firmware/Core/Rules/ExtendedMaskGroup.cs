namespace BmsGuard.Core
{
    /// <summary>
    /// All extended-id rules that share one mask and one inverse flag, compiled for O(1) lookup:
    /// a plain group is an open-addressed hash from masked key to the first rule with that key;
    /// an inverse group needs only its first rule and the first rule with a different key.
    /// </summary>
    internal sealed class ExtendedMaskGroup
    {
        internal const ushort None = 0xFFFF;

        internal readonly uint Mask;
        internal readonly bool Inverse;

        // Plain groups: open addressing over (key, rule + 1) pairs side by side, so a probe reads one
        // cache line; capacity a power of two, at most a quarter full, so most lookups end at the
        // first slot (fewer mispredicted probe loops). 0 in the rule half means an empty slot.
        private uint[] _slots;
        private int _slotMask;
        private int _shift;

        // Inverse groups: rule r matches when the frame's key differs from r's key, so the first
        // match is the first rule unless the frame has its key, then the first rule with another key.
        private ushort _first = None;
        private uint _firstKey;
        private ushort _second = None;

        internal int Count;

        // Smallest rule index in the group (rules are added in table order, so the first added).
        internal int FirstRule = int.MaxValue;

        internal ExtendedMaskGroup(uint mask, bool inverse)
        {
            Mask = mask;
            Inverse = inverse;
        }

        /// <summary>Allocates the hash table once the number of members is known.</summary>
        internal void Allocate()
        {
            if (Inverse)
            {
                return;
            }

            // At least 16 slots: a group of one or two masked rules is probed by every frame no
            // earlier rule matched, and a near-empty table answers "no" at the first slot.
            int capacity = 16;
            int bits = 4;
            while (capacity < Count * 4)
            {
                capacity <<= 1;
                bits++;
            }

            _slots = new uint[capacity * 2];
            _slotMask = capacity - 1;
            _shift = 32 - bits;
        }

        /// <summary>Adds rule <paramref name="index"/> with masked key <paramref name="key"/>; earlier rules win.</summary>
        internal void Add(uint key, int index)
        {
            if (index < FirstRule)
            {
                FirstRule = index;
            }

            if (Inverse)
            {
                if (_first == None)
                {
                    _first = (ushort)index;
                    _firstKey = key;
                }
                else if (_second == None && key != _firstKey)
                {
                    _second = (ushort)index;
                }

                return;
            }

            int slot = Slot(key);
            while (_slots[(slot * 2) + 1] != 0)
            {
                if (_slots[slot * 2] == key)
                {
                    return;
                }

                slot = (slot + 1) & _slotMask;
            }

            _slots[slot * 2] = key;
            _slots[(slot * 2) + 1] = (uint)index + 1;
        }

        /// <summary>
        /// For the exact-identifier group: replaces each identifier's rule with the first rule of
        /// the whole table that matches it, taking the <paramref name="count"/> other groups into
        /// account, so a hit here needs no other probe.
        /// </summary>
        internal void ResolveFirstMatch(ExtendedMaskGroup[] others, int count)
        {
            for (int i = 0; i < _slots.Length; i += 2)
            {
                uint stored = _slots[i + 1];
                if (stored == 0)
                {
                    continue;
                }

                int best = (int)stored - 1;
                for (int g = 0; g < count; g++)
                {
                    int r = others[g].Find(_slots[i]);
                    if (r < best)
                    {
                        best = r;
                    }
                }

                _slots[i + 1] = (uint)best + 1;
            }
        }

        /// <summary>The (key, rule + 1) pairs of a plain group, for a caller that probes them itself.</summary>
        internal uint[] Slots
        {
            get { return _slots; }
        }

        /// <summary>Right shift that turns the multiplicative hash into a slot number.</summary>
        internal int Shift
        {
            get { return _shift; }
        }

        /// <summary>Index of the first rule of this group matching <paramref name="id"/>, or <see cref="None"/>.</summary>
        internal int Find(uint id)
        {
            uint key = id & Mask;
            if (Inverse)
            {
                return key != _firstKey ? _first : _second;
            }

            uint[] slots = _slots;
            int i = Slot(key) * 2;
            while (true)
            {
                uint rule = slots[i + 1];
                if (rule == 0)
                {
                    return None;
                }

                if (slots[i] == key)
                {
                    return (int)rule - 1;
                }

                i = (i + 2) & ((_slotMask * 2) + 1);
            }
        }

        private int Slot(uint key)
        {
            // Fibonacci hashing: multiplicative spread, top bits select the slot.
            return (int)((key * 2654435769u) >> _shift);
        }
    }
}
