namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Marsaglia's xorshift32: a seeded generator that yields the same sequence on the desktop and on
    /// a nanoCLR (System.Random does not), so a failing seed reproduces everywhere.
    /// </summary>
    public sealed class XorShift
    {
        private uint _state;

        /// <summary>Creates a generator; seed 0 is replaced by a fixed non-zero value.</summary>
        public XorShift(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>Next 32 random bits.</summary>
        public uint Next()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>Uniform-enough integer in [0, <paramref name="n"/>).</summary>
        public int Below(int n)
        {
            return (int)(Next() % (uint)n);
        }

        /// <summary>True with probability <paramref name="percent"/>/100.</summary>
        public bool Chance(int percent)
        {
            return Below(100) < percent;
        }
    }
}
