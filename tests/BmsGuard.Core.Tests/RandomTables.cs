namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Seeded random rule tables and frame identifiers that hit them often: a mix of standard and
    /// extended rules, masks, inverse rules, overlapping and duplicate filters.
    /// </summary>
    public static class RandomTables
    {
        private static readonly uint[] StandardMasks = new uint[] { 0x7FF, 0x7FF, 0x7F0, 0x700, 0x780, 0x7F8, 0x000 };

        private static readonly uint[] ExtendedMasks = new uint[]
        {
            0x1FFFFFFF, 0x1FFFFF00, 0x1FFF0000, 0x00FFFF00, 0x1F00FFFF, 0x03FFFFFF, 0x00000000,
        };

        private static readonly uint[] ExtendedBases = new uint[] { 0x18FF5000, 0x18DA0000, 0x0CF00400, 0x00000100 };

        /// <summary>
        /// Builds an uncompiled table of <paramref name="ruleCount"/> rules whose extended rules use at
        /// most <paramref name="extendedGroups"/> distinct (mask, inverse) combinations.
        /// </summary>
        public static RuleTable Build(XorShift rng, int ruleCount, int extendedGroups, bool withOptions)
        {
            uint[] groupMasks = new uint[extendedGroups];
            bool[] groupInverse = new bool[extendedGroups];
            for (int g = 0; g < extendedGroups; g++)
            {
                groupMasks[g] = rng.Chance(70) ? ExtendedMasks[rng.Below(ExtendedMasks.Length)] : rng.Next() & FilterRule.ExtendedIdMax;
                groupInverse[g] = rng.Chance(20);
            }

            RuleTable table = new RuleTable();
            for (int r = 0; r < ruleCount; r++)
            {
                bool extended = extendedGroups > 0 && rng.Chance(50);
                uint mask;
                bool inverse;
                if (extended)
                {
                    int g = rng.Below(extendedGroups);
                    mask = groupMasks[g];
                    inverse = groupInverse[g];
                }
                else
                {
                    mask = rng.Chance(80) ? StandardMasks[rng.Below(StandardMasks.Length)] : rng.Next() & FilterRule.StandardIdMax;
                    inverse = rng.Chance(10);
                }

                uint id = PickRuleId(rng, table, extended);
                table.Add(new FilterRule(
                    "r" + r.ToString(),
                    id,
                    mask,
                    extended,
                    inverse,
                    withOptions && rng.Chance(20),
                    withOptions ? RandomInterval(rng) : 0,
                    withOptions ? RandomEdit(rng) : new ByteEdit(null, null, null, null)));
            }

            return table;
        }

        /// <summary>An extended identifier near a rule of <paramref name="table"/> (or anywhere), to exercise hits and near misses.</summary>
        public static uint ExtendedProbe(XorShift rng, RuleTable table)
        {
            int choice = rng.Below(10);
            if (choice < 6 && table.Count > 0)
            {
                FilterRule rule = table[rng.Below(table.Count)];
                uint id = rule.Id;
                int flips = rng.Below(3);
                for (int f = 0; f < flips; f++)
                {
                    id ^= 1u << rng.Below(29);
                }

                return id & FilterRule.ExtendedIdMax;
            }

            if (choice < 8)
            {
                return ExtendedBases[rng.Below(ExtendedBases.Length)] | (rng.Next() & 0xFFFF);
            }

            return rng.Next() & FilterRule.ExtendedIdMax;
        }

        private static uint PickRuleId(XorShift rng, RuleTable table, bool extended)
        {
            uint width = extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax;
            if (table.Count > 0 && rng.Chance(30))
            {
                FilterRule earlier = table[rng.Below(table.Count)];
                uint id = earlier.Id;
                if (rng.Chance(50))
                {
                    id ^= 1u << rng.Below(extended ? 29 : 11);
                }

                return id & width;
            }

            if (extended && rng.Chance(60))
            {
                return ExtendedBases[rng.Below(ExtendedBases.Length)] | (rng.Next() & 0xFF);
            }

            return rng.Next() & width;
        }

        private static long RandomInterval(XorShift rng)
        {
            int kind = rng.Below(8);
            if (kind == 0)
            {
                return 1 + rng.Below(999999);
            }

            if (kind == 1)
            {
                return (1 + rng.Below(5000)) * 1000L;
            }

            if (kind == 2)
            {
                return (1 + rng.Below(60)) * 1000000L;
            }

            return 0;
        }

        private static ByteEdit RandomEdit(XorShift rng)
        {
            // An edit without operands is stored as no edit by FilterRule.
            bool any = rng.Chance(30);
            return new ByteEdit(
                any && rng.Chance(40) ? RandomOperand(rng) : null,
                any && rng.Chance(40) ? RandomOperand(rng) : null,
                any && rng.Chance(40) ? RandomOperand(rng) : null,
                any && rng.Chance(40) ? RandomOperand(rng) : null);
        }

        private static byte[] RandomOperand(XorShift rng)
        {
            byte[] b = new byte[ByteEdit.OperandLength];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)rng.Next();
            }

            return b;
        }
    }
}
