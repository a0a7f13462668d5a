using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// The compiled O(1) index must agree with the reference semantics: for random tables and many
    /// identifiers, <see cref="RuleIndex.Find"/> returns what a linear scan of
    /// <see cref="FilterRule.Matches"/> returns. Seeds are fixed, so a failure names a reproducible case.
    /// </summary>
    [TestClass]
    public class RuleIndexEquivalenceTests
    {

        [TestMethod]
        public void RandomTablesAgreeWithALinearScan()
        {
            int tables = Workload.Scale(40);
            long lookups = 0;
            for (uint seed = 1; seed <= tables; seed++)
            {
                XorShift rng = new XorShift(seed * 2654435761u);
                RuleTable table = RandomTables.Build(rng, 1 + rng.Below(48), 1 + rng.Below(8), false);
                lookups += CheckTable(table, rng, "seed " + seed.ToString());
            }

            OutputHelper.WriteLine(tables.ToString() + " random tables, " + lookups.ToString() + " lookups agree with the linear scan");
        }

        [TestMethod]
        public void StandardOnlyTablesAgreeOnEveryIdentifier()
        {
            int tables = Workload.Scale(16);
            for (uint seed = 1; seed <= tables; seed++)
            {
                XorShift rng = new XorShift(seed * 40503u);
                RuleTable table = RandomTables.Build(rng, 1 + rng.Below(64), 0, false);
                CheckTable(table, rng, "standard seed " + seed.ToString());
            }
        }

        [TestMethod]
        public void LargeExtendedGroupsAgreeWithALinearScan()
        {
            // Hundreds of rules in few groups: long probe chains and many duplicate keys.
            int tables = Workload.Scale(4);
            for (uint seed = 1; seed <= tables; seed++)
            {
                XorShift rng = new XorShift(seed * 97u);
                RuleTable table = RandomTables.Build(rng, 400, 2, false);
                CheckTable(table, rng, "large seed " + seed.ToString());
            }
        }

        [TestMethod]
        public void MaskedRulesSharingBitsAgreeWithALinearScan()
        {
            // J1939-style masks that all compare the PDU format byte: the index rejects most ids on
            // those bits without probing the groups, and must never reject a match.
            uint[] masks = new uint[] { 0x1FFFFF00, 0x03FFFF00, 0x1FFF0000, 0x00FFFF00, 0x1FFFF000, 0x1FFFFFF0, 0x03FF0000 };
            RuleTable table = new RuleTable();
            XorShift rng = new XorShift(2026);
            for (int r = 0; r < 40; r++)
            {
                uint id = 0x18000000u | (rng.Next() & 0x00FFFFFF);
                table.Add(TestTables.Rule("exact" + r.ToString(), id, FilterRule.ExtendedIdMax, true));
            }

            for (int m = 0; m < 14; m++)
            {
                uint key = 0x18E000F0u | ((uint)(m % 8) << 16) | ((uint)m << 8);
                table.Add(TestTables.Rule("masked" + m.ToString(), key, masks[m % masks.Length], true));
            }

            CheckTable(table, rng, "shared bits");
            for (int r = 40; r < table.Count; r++)
            {
                // Every single-bit neighbour of every masked rule's id.
                for (int bit = 0; bit < 29; bit++)
                {
                    uint id = table[r].Id ^ (1u << bit);
                    Assert.AreEqual(TestTables.LinearFind(table, id, true), table.Index.Find(id, true), "rule " + r.ToString() + ", bit " + bit.ToString());
                }
            }
        }

        [TestMethod]
        public void TablesCompileExactlyWhenTheyUseAtMostEightExtendedGroups()
        {
            for (uint seed = 1; seed <= 60; seed++)
            {
                XorShift rng = new XorShift(seed * 69069u);
                RuleTable table = RandomTables.Build(rng, 1 + rng.Below(60), 1 + rng.Below(12), false);
                int groups = DistinctExtendedGroups(table);
                string at = "seed " + seed.ToString() + ", " + groups.ToString() + " groups";
                Assert.AreEqual(groups <= RuleIndex.MaxExtendedMaskGroups, table.Compile(), at);
                if (groups <= RuleIndex.MaxExtendedMaskGroups)
                {
                    Assert.AreEqual(groups, table.Index.ExtendedMaskGroupCount, at);
                    Assert.IsNull(table.CompileError, at);
                }
                else
                {
                    Assert.IsNull(table.Index, at);
                    Assert.Contains("more than 8", table.CompileError, at);
                }
            }
        }

        [TestMethod]
        public void AddingARuleInvalidatesTheIndex()
        {
            RuleTable table = new RuleTable();
            table.Add(TestTables.Rule("a", 0x100, 0x7FF, false));
            Assert.IsTrue(table.Compile());
            Assert.IsNotNull(table.Index);
            table.Add(TestTables.Rule("b", 0x200, 0x7FF, false));
            Assert.IsNull(table.Index, "a stale index would miss rule b");
            Assert.IsTrue(table.Compile());
            Assert.AreEqual(1, table.Index.Find(0x200, false));
        }

        private static long CheckTable(RuleTable table, XorShift rng, string at)
        {
            if (!table.Compile())
            {
                Assert.IsTrue(false, at + ": compile failed: " + table.CompileError);
            }

            RuleIndex index = table.Index;
            for (uint id = 0; id <= FilterRule.StandardIdMax; id++)
            {
                int found = index.Find(id, false);
                int expected = TestTables.LinearFind(table, id, false);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, at + ", standard " + Expect.Id(id) + Describe(table));
                }
            }

            int probes = Workload.Scale(600);
            for (int p = 0; p < probes; p++)
            {
                uint id = RandomTables.ExtendedProbe(rng, table);
                int found = index.Find(id, true);
                int expected = TestTables.LinearFind(table, id, true);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, at + ", extended " + Expect.Id(id) + Describe(table));
                }
            }

            // Every rule's own id is decided by that rule or an earlier one.
            for (int r = 0; r < table.Count; r++)
            {
                FilterRule rule = table[r];
                int found = index.Find(rule.Id, rule.Extended);
                int expected = TestTables.LinearFind(table, rule.Id, rule.Extended);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, at + ", id of rule " + r.ToString() + Describe(table));
                }
            }

            return FilterRule.StandardIdMax + 1 + probes + table.Count;
        }

        private static int DistinctExtendedGroups(RuleTable table)
        {
            int distinct = 0;
            for (int r = 0; r < table.Count; r++)
            {
                FilterRule rule = table[r];
                if (!rule.Extended)
                {
                    continue;
                }

                bool seen = false;
                for (int e = 0; e < r && !seen; e++)
                {
                    FilterRule earlier = table[e];
                    seen = earlier.Extended && earlier.Mask == rule.Mask && earlier.Inverse == rule.Inverse;
                }

                if (!seen)
                {
                    distinct++;
                }
            }

            return distinct;
        }

        private static string Describe(RuleTable table)
        {
            return "\n" + RuleTableText.Print(table);
        }
    }
}
