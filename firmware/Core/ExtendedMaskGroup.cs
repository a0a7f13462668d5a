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

        // Plain groups: keys and rule indexes, capacity a power of two, at most half full.
        private uint[] _keys;
        private ushort[] _rules;
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

            int capacity = 4;
            int bits = 2;
            while (capacity < Count * 2)
            {
                capacity <<= 1;
                bits++;
            }

            _keys = new uint[capacity];
            _rules = new ushort[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _rules[i] = None;
            }

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

            int mask = _keys.Length - 1;
            int slot = Slot(key);
            while (_rules[slot] != None)
            {
                if (_keys[slot] == key)
                {
                    return;
                }

                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _rules[slot] = (ushort)index;
        }

        /// <summary>Index of the first rule of this group matching <paramref name="id"/>, or <see cref="None"/>.</summary>
        internal int Find(uint id)
        {
            uint key = id & Mask;
            if (Inverse)
            {
                return key != _firstKey ? _first : _second;
            }

            int mask = _keys.Length - 1;
            int slot = Slot(key);
            while (true)
            {
                int rule = _rules[slot];
                if (rule == None || _keys[slot] == key)
                {
                    return rule;
                }

                slot = (slot + 1) & mask;
            }
        }

        private int Slot(uint key)
        {
            // Fibonacci hashing: multiplicative spread, top bits select the slot.
            return (int)((key * 2654435769u) >> _shift);
        }
    }
}
