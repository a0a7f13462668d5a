using System.Text;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Tables of thousands of rules: every rule reachable, same answers as a linear scan, limits enforced.</summary>
    [TestClass]
    public class LargeTableTests
    {
        [TestMethod]
        public void EveryStandardIdHasItsOwnRuleIn2048Rules()
        {
            // Rule i allows id (i * 0x5A3) mod 2048: a permutation, so each id belongs to exactly one rule.
            RuleTable table = new RuleTable();
            for (int i = 0; i < 2048; i++)
            {
                table.Add(TestTables.Rule("s" + i.ToString(), StandardIdOf(i), 0x7FF, false));
            }

            Assert.IsTrue(table.Compile());
            for (int i = 0; i < 2048; i++)
            {
                int found = table.Index.Find(StandardIdOf(i), false);
                if (found != i)
                {
                    Assert.AreEqual(i, found, "rule of " + Expect.Id(StandardIdOf(i)));
                }
            }

            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x123, true), "no extended rules");
        }

        [TestMethod]
        public void MixedTableOf2048RulesAgreesWithALinearScan()
        {
            RuleTable table = Mixed2048();
            Assert.IsTrue(table.Compile(), table.CompileError);
            for (uint id = 0; id <= FilterRule.StandardIdMax; id++)
            {
                int found = table.Index.Find(id, false);
                int expected = TestTables.LinearFind(table, id, false);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, "standard " + Expect.Id(id));
                }
            }

            XorShift rng = new XorShift(2048);
            int probes = Workload.Scale(4000);
            for (int p = 0; p < probes; p++)
            {
                uint id = RandomTables.ExtendedProbe(rng, table);
                int found = table.Index.Find(id, true);
                int expected = TestTables.LinearFind(table, id, true);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, "extended " + Expect.Id(id));
                }
            }
        }

        [TestMethod]
        public void GatewayDecidesEachFrameByItsRuleIn2048Rules()
        {
            RuleTable table = new RuleTable();
            for (int i = 0; i < 2048; i++)
            {
                table.Add(TestTables.Rule("e" + i.ToString(), 0x18000000u | ((uint)i << 8), 0x1FFFFF00, true));
            }

            Gateway gateway = new Gateway(table);
            for (int i = 0; i < 2048; i++)
            {
                uint id = 0x18000000u | ((uint)i << 8) | (uint)(i & 0xFF);
                Verdict v = TestTables.FromBmsExtended(gateway, id, i);
                if (v != Verdict.Forward || gateway.LastRule != i)
                {
                    Expect.Verdict(Verdict.Forward, v, Expect.Id(id));
                    Assert.AreEqual(i, gateway.LastRule, Expect.Id(id));
                }
            }

            Assert.AreEqual(2048L, gateway.Count(GatewayPort.Bms, Verdict.Forward));
        }

        [TestMethod]
        public void TableOf2048RulesSurvivesPrintParsePrint()
        {
            RuleTable table = Mixed2048();
            string printed = RuleTableText.Print(table);
            RuleTable again = TestTables.Parse(printed);
            Assert.AreEqual(2048, again.Count);
            Assert.AreEqual(printed, RuleTableText.Print(again));
            RuleTextRoundTripTests.AssertSameRules(table, again);
        }

        [TestMethod]
        public void MoreThan4096RulesDoNotCompile()
        {
            RuleTable table = new RuleTable();
            for (int i = 0; i < RuleIndex.MaxRules; i++)
            {
                table.Add(TestTables.Rule("r" + i.ToString(), (uint)i & 0x7FF, 0x7FF, false));
            }

            Assert.IsTrue(table.Compile(), "4096 rules are allowed");
            Assert.AreEqual(0, table.Index.Find(0, false));
            table.Add(TestTables.Rule("one_more", 0x7FF, 0x7FF, false));
            Assert.IsFalse(table.Compile());
            Assert.IsNull(table.Index);
            Assert.AreEqual("more than 4096 rules", table.CompileError);
        }

        [TestMethod]
        public void ParsedTextOf4097RulesIsRejected()
        {
            // About 82,000 chars: past the default device StringBuilder's cap (LargeText).
            StringBuilder sb = LargeText.Builder();
            for (int i = 0; i <= RuleIndex.MaxRules; i++)
            {
                sb.Append("rule r");
                sb.Append(i.ToString());
                sb.Append(" id=0x100\n");
            }

            int line;
            string error;
            Assert.IsNull(RuleTableText.Parse(sb.ToString(), out line, out error));
            Assert.AreEqual("more than 4096 rules", error);
        }

        private static uint StandardIdOf(int i)
        {
            return ((uint)i * 0x5A3u) & 0x7FF;
        }

        private static RuleTable Mixed2048()
        {
            XorShift rng = new XorShift(0xB3C0FFEE);
            RuleTable table = RandomTables.Build(rng, 2048, 8, true);
            return table;
        }
    }
}
