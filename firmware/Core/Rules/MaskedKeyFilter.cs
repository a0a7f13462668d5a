namespace BmsGuard.Core
{
    /// <summary>
    /// A one-test "no masked rule can match" check for extended identifiers, so a frame no rule
    /// allows does not probe every mask group. It keeps the bits every masked rule compares
    /// (the AND of their masks) and a 1,024-bit set of the rules' keys on those bits: an
    /// identifier whose common bits hash to a clear bit matches none of them. False "may match"
    /// answers only cost the probes the filter would have saved; it never rejects a match.
    /// </summary>
    internal sealed class MaskedKeyFilter
    {
        private const int Shift = 22; // 32 - log2(1,024)

        private readonly uint _common;
        private readonly uint[] _bits = new uint[32];

        private MaskedKeyFilter(uint common)
        {
            _common = common;
        }

        /// <summary>
        /// Builds the filter over the extended, non-inverse, not single-identifier rules among
        /// <paramref name="rules"/>[0..count); null when it could not reject anything (no such
        /// rules, an inverse masked rule, or masks with no bit in common).
        /// </summary>
        internal static MaskedKeyFilter Build(FilterRule[] rules, int count)
        {
            uint common = FilterRule.ExtendedIdMax;
            int masked = 0;
            for (int r = 0; r < count; r++)
            {
                FilterRule rule = rules[r];
                if (!rule.Extended || rule.SingleId)
                {
                    continue;
                }

                if (rule.Inverse)
                {
                    return null;
                }

                common &= rule.Mask;
                masked++;
            }

            if (masked == 0 || common == 0)
            {
                return null;
            }

            MaskedKeyFilter filter = new MaskedKeyFilter(common);
            for (int r = 0; r < count; r++)
            {
                FilterRule rule = rules[r];
                if (rule.Extended && !rule.SingleId)
                {
                    filter.Set(rule.Key);
                }
            }

            return filter;
        }

        /// <summary>False when no masked rule can match <paramref name="id"/>.</summary>
        internal bool MayMatch(uint id)
        {
            uint h = ((id & _common) * 2654435769u) >> Shift;
            return (_bits[h >> 5] & (1u << (int)(h & 31))) != 0;
        }

        private void Set(uint key)
        {
            uint h = ((key & _common) * 2654435769u) >> Shift;
            _bits[h >> 5] |= 1u << (int)(h & 31);
        }
    }
}
