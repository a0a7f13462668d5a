namespace BmsGuard.Core
{
    /// <summary>
    /// Compiled lookup from a frame identifier to the first matching rule, in constant time
    /// whatever the number of rules: a direct 2,048-entry table for standard identifiers and at most
    /// <see cref="MaxExtendedMaskGroups"/> hash lookups for extended ones (one per distinct mask).
    /// </summary>
    public sealed class RuleIndex
    {
        /// <summary>Returned by <see cref="Find"/> when no rule matches.</summary>
        public const int NoRule = -1;

        /// <summary>Most rules a table may hold (indexes are stored as 16-bit values).</summary>
        public const int MaxRules = 4096;

        /// <summary>
        /// Most distinct (mask, inverse) combinations among extended rules. This bound is what keeps
        /// the extended lookup O(1); real tables use one or two masks.
        /// </summary>
        public const int MaxExtendedMaskGroups = 8;

        private const int StandardIds = 2048;
        private const ushort None = 0xFFFF;

        private readonly ushort[] _standard;

        // The exact-identifier group (full mask, not inverse), probed first: its entries already
        // hold the first match over every group. The other groups, sorted by their first rule.
        private readonly uint[] _exactSlots;
        private readonly int _exactShift;
        private readonly ExtendedMaskGroup[] _groups;
        private readonly int _maskedCount;
        private readonly MaskedKeyFilter _maskedFilter;

        private RuleIndex(ushort[] standard, ExtendedMaskGroup exact, ExtendedMaskGroup[] masked, int maskedCount, MaskedKeyFilter maskedFilter)
        {
            _maskedFilter = maskedFilter;
            _standard = standard;
            _exactSlots = exact == null ? null : exact.Slots;
            _exactShift = exact == null ? 0 : exact.Shift;
            _groups = masked;
            _maskedCount = maskedCount;
        }

        /// <summary>Number of distinct extended mask groups in use.</summary>
        public int ExtendedMaskGroupCount
        {
            get { return _maskedCount + (_exactSlots == null ? 0 : 1); }
        }

        /// <summary>
        /// Compiles <paramref name="rules"/>[0..count). Returns null when the table exceeds
        /// <see cref="MaxRules"/> or <see cref="MaxExtendedMaskGroups"/>.
        /// </summary>
        public static RuleIndex Build(FilterRule[] rules, int count)
        {
            if (count > MaxRules)
            {
                return null;
            }

            ushort[] standard = new ushort[StandardIds];
            for (int i = 0; i < StandardIds; i++)
            {
                standard[i] = None;
            }

            ExtendedMaskGroup[] groups = new ExtendedMaskGroup[MaxExtendedMaskGroups];
            int groupCount = 0;

            // Pass 1: standard table (first rule wins) and extended group membership counts.
            for (int r = 0; r < count; r++)
            {
                FilterRule rule = rules[r];
                if (!rule.Extended)
                {
                    FillStandard(standard, rule, r);
                    continue;
                }

                ExtendedMaskGroup group = FindGroup(groups, groupCount, rule.Mask, rule.Inverse);
                if (group == null)
                {
                    if (groupCount == MaxExtendedMaskGroups)
                    {
                        return null;
                    }

                    group = new ExtendedMaskGroup(rule.Mask, rule.Inverse);
                    groups[groupCount++] = group;
                }

                group.Count++;
            }

            // Pass 2: fill the extended groups in rule order.
            for (int g = 0; g < groupCount; g++)
            {
                groups[g].Allocate();
            }

            for (int r = 0; r < count; r++)
            {
                FilterRule rule = rules[r];
                if (rule.Extended)
                {
                    FindGroup(groups, groupCount, rule.Mask, rule.Inverse).Add(rule.Key, r);
                }
            }

            // Order groups by their first rule so Find can stop once no later group can win.
            for (int i = 1; i < groupCount; i++)
            {
                ExtendedMaskGroup g = groups[i];
                int j = i - 1;
                while (j >= 0 && groups[j].FirstRule > g.FirstRule)
                {
                    groups[j + 1] = groups[j];
                    j--;
                }

                groups[j + 1] = g;
            }

            ExtendedMaskGroup exact = null;
            ExtendedMaskGroup[] masked = new ExtendedMaskGroup[MaxExtendedMaskGroups];
            int maskedCount = 0;
            for (int g = 0; g < groupCount; g++)
            {
                if (!groups[g].Inverse && groups[g].Mask == FilterRule.ExtendedIdMax)
                {
                    exact = groups[g];
                }
                else
                {
                    masked[maskedCount++] = groups[g];
                }
            }

            if (exact != null)
            {
                exact.ResolveFirstMatch(masked, maskedCount);
            }

            return new RuleIndex(standard, exact, masked, maskedCount, MaskedKeyFilter.Build(rules, count));
        }

        /// <summary>Index of the first rule matching the identifier, or <see cref="NoRule"/>.</summary>
        public int Find(uint id, bool extended)
        {
            if (!extended)
            {
                int r = _standard[id & FilterRule.StandardIdMax];
                return r == None ? NoRule : r;
            }

            // The exact-identifier probe, written out here: it decides most extended frames.
            uint[] slots = _exactSlots;
            if (slots != null)
            {
                int wrap = slots.Length - 1;
                int i = (int)((id * 2654435769u) >> _exactShift) * 2;
                while (true)
                {
                    uint stored = slots[i + 1];
                    if (stored == 0)
                    {
                        break;
                    }

                    if (slots[i] == id)
                    {
                        return (int)stored - 1;
                    }

                    i = (i + 2) & wrap;
                }
            }

            // No exact rule for this id: the first match among the masked groups, unless one test
            // shows none of them can match (most ids no rule allows end here).
            MaskedKeyFilter filter = _maskedFilter;
            if (filter != null && !filter.MayMatch(id))
            {
                return NoRule;
            }

            int best = None;
            for (int g = 0; g < _maskedCount; g++)
            {
                ExtendedMaskGroup group = _groups[g];
                if (group.FirstRule >= best)
                {
                    // Groups are sorted by first rule: none from here on can match earlier.
                    break;
                }

                int r = group.Find(id);
                if (r < best)
                {
                    best = r;
                }
            }

            return best == None ? NoRule : best;
        }

        private static void FillStandard(ushort[] table, FilterRule rule, int index)
        {
            uint mask = rule.Mask;
            uint key = rule.Key;
            if (rule.Inverse)
            {
                for (uint id = 0; id < StandardIds; id++)
                {
                    if ((id & mask) != key && table[id] == None)
                    {
                        table[id] = (ushort)index;
                    }
                }

                return;
            }

            // Enumerate only the identifiers the filter matches: every subset of the free bits.
            uint free = ~mask & FilterRule.StandardIdMax;
            uint sub = free;
            while (true)
            {
                uint id = key | sub;
                if (table[id] == None)
                {
                    table[id] = (ushort)index;
                }

                if (sub == 0)
                {
                    break;
                }

                sub = (sub - 1) & free;
            }
        }

        private static ExtendedMaskGroup FindGroup(ExtendedMaskGroup[] groups, int count, uint mask, bool inverse)
        {
            for (int g = 0; g < count; g++)
            {
                if (groups[g].Mask == mask && groups[g].Inverse == inverse)
                {
                    return groups[g];
                }
            }

            return null;
        }
    }
}
