using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Identifier matching: standard and extended ids, masks, inverse rules, first match wins.</summary>
    [TestClass]
    public class RuleMatchingTests
    {
        [TestMethod]
        public void StandardExactRuleMatchesOnlyItsId()
        {
            RuleTable table = TestTables.Parse("rule pack id=0x1F0");
            RuleIndex index = table.Index;
            Assert.AreEqual(0, index.Find(0x1F0, false));
            Assert.AreEqual(RuleIndex.NoRule, index.Find(0x1F1, false));
            Assert.AreEqual(RuleIndex.NoRule, index.Find(0x0F0, false));
            Assert.AreEqual(RuleIndex.NoRule, index.Find(0x1F0, true), "an extended frame with the same number is another id");
            Assert.AreEqual(1, CountStandardMatches(table), "exactly one standard id matches");
        }

        [TestMethod]
        public void MaskedStandardRuleMatchesTheIdsThatAgreeOnTheMask()
        {
            RuleTable table = TestTables.Parse("rule cells id=0x100 mask=0x7F0");
            for (uint id = 0x100; id <= 0x10F; id++)
            {
                Assert.AreEqual(0, table.Index.Find(id, false), Expect.Id(id));
            }

            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x0FF, false));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x110, false));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x500, false), "0x500 differs in bit 10");
            Assert.AreEqual(16, CountStandardMatches(table));
        }

        [TestMethod]
        public void MaskZeroMatchesEveryIdOfItsTypeOnly()
        {
            RuleTable table = TestTables.Parse("rule all id=0x000 mask=0x000");
            Assert.AreEqual(2048, CountStandardMatches(table));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x18FF5000, true));
            Assert.IsFalse(table[0].Matches(0x18FF5000, true));
        }

        [TestMethod]
        public void ExtendedRuleMatchesOnlyExtendedFrames()
        {
            RuleTable table = TestTables.Parse(
                "rule j1939 id=0x18FF5000 mask=0x1FFFFF00 ext\n" +
                "rule std100 id=0x100\n");
            Assert.AreEqual(0, table.Index.Find(0x18FF50AB, true));
            Assert.AreEqual(0, table.Index.Find(0x18FF5000, true));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x18FF51AB, true));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x08FF50AB, true), "bit 28 is compared");
            Assert.AreEqual(1, table.Index.Find(0x100, false));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x100, true), "the standard rule ignores extended 0x100");
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x0AB, false), "the extended rule ignores standard frames");
        }

        [TestMethod]
        public void InverseStandardRuleMatchesEverythingTheFilterDoesNot()
        {
            RuleTable table = TestTables.Parse("rule not_diag id=0x700 mask=0x700 inv");
            Assert.AreEqual(0, table.Index.Find(0x000, false));
            Assert.AreEqual(0, table.Index.Find(0x6FF, false));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x700, false));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x7DF, false));
            Assert.AreEqual(2048 - 256, CountStandardMatches(table));
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x123, true), "inverse does not cross id types");
        }

        [TestMethod]
        public void InverseExtendedRulesOfOneMaskPickTheFirstRuleWithAnotherKey()
        {
            RuleTable table = TestTables.Parse(
                "rule not_a  id=0x00000100 ext inv\n" +
                "rule not_a2 id=0x00000100 ext inv\n" +
                "rule not_b  id=0x00000200 ext inv\n");
            Assert.AreEqual(1, table.Index.ExtendedMaskGroupCount);
            Assert.AreEqual(0, table.Index.Find(0x300, true));
            Assert.AreEqual(0, table.Index.Find(0x200, true));
            Assert.AreEqual(2, table.Index.Find(0x100, true), "not_a and not_a2 exclude 0x100, not_b does not");
        }

        [TestMethod]
        public void InverseExtendedRuleAloneLeavesItsKeyUnmatched()
        {
            RuleTable table = TestTables.Parse("rule not_obd id=0x18DA0000 mask=0x1FFF0000 ext inv");
            Assert.AreEqual(RuleIndex.NoRule, table.Index.Find(0x18DAF110, true));
            Assert.AreEqual(0, table.Index.Find(0x18DBF110, true));
        }

        [TestMethod]
        public void FirstMatchWinsAmongStandardRules()
        {
            RuleTable wideFirst = TestTables.Parse(
                "rule wide  id=0x100 mask=0x700\n" +
                "rule exact id=0x123\n");
            Assert.AreEqual(0, wideFirst.Index.Find(0x123, false));

            RuleTable exactFirst = TestTables.Parse(
                "rule exact id=0x123\n" +
                "rule wide  id=0x100 mask=0x700\n");
            Assert.AreEqual(0, exactFirst.Index.Find(0x123, false));
            Assert.AreEqual(1, exactFirst.Index.Find(0x124, false));
        }

        [TestMethod]
        public void FirstMatchWinsAcrossExtendedMaskGroups()
        {
            RuleTable exactFirst = TestTables.Parse(
                "rule exact id=0x18FF5012 ext\n" +
                "rule wide  id=0x18FF5000 mask=0x1FFFFF00 ext\n" +
                "rule other id=0x18FF5012 mask=0x1FFF0000 ext inv\n");
            Assert.AreEqual(3, exactFirst.Index.ExtendedMaskGroupCount);
            Assert.AreEqual(0, exactFirst.Index.Find(0x18FF5012, true));
            Assert.AreEqual(1, exactFirst.Index.Find(0x18FF5013, true));
            Assert.AreEqual(2, exactFirst.Index.Find(0x18005012, true));
            Assert.AreEqual(RuleIndex.NoRule, exactFirst.Index.Find(0x18FF6012, true));

            RuleTable wideFirst = TestTables.Parse(
                "rule inverse id=0x18FF0000 mask=0x1FFF0000 ext inv\n" +
                "rule wide    id=0x18FF5000 mask=0x1FFFFF00 ext\n" +
                "rule exact   id=0x18FF5012 ext\n");
            Assert.AreEqual(1, wideFirst.Index.Find(0x18FF5012, true), "the inverse rule excludes 0x18FFxxxx, then wide wins over exact");
            Assert.AreEqual(0, wideFirst.Index.Find(0x00005012, true));
            Assert.AreEqual(RuleIndex.NoRule, wideFirst.Index.Find(0x18FF5112, true));
        }

        [TestMethod]
        public void GatewayDropsFramesNoRuleAllows()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0\n");
            Expect.Verdict(Verdict.NotAllowed, TestTables.FromBms(gateway, 0x1F1, 0), "0x1F1");
            Assert.AreEqual(RuleIndex.NoRule, gateway.LastRule);
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 0), "0x1F0");
            Assert.AreEqual(0, gateway.LastRule);
        }

        [TestMethod]
        public void EmptyTableAllowsNothing()
        {
            Gateway gateway = TestTables.NewGateway("# nothing allowed\n");
            Assert.AreEqual(0, gateway.Rules.Count);
            Expect.Verdict(Verdict.NotAllowed, TestTables.FromBms(gateway, 0x000, 0), "std 0x000");
            Expect.Verdict(Verdict.NotAllowed, TestTables.FromBmsExtended(gateway, 0x000, 0), "ext 0x000");
        }

        [TestMethod]
        public void RuleTruncatesIdAndMaskToTheIdWidth()
        {
            FilterRule standard = new FilterRule("s", 0xFFFFFFFF, 0xFFFFFFFF, false, false, false, 0, null);
            Assert.AreEqual(0x7FFu, standard.Id);
            Assert.AreEqual(0x7FFu, standard.Mask);
            FilterRule extended = new FilterRule("e", 0xFFFFFFFF, 0xFFFFFFFF, true, false, false, 0, null);
            Assert.AreEqual(0x1FFFFFFFu, extended.Id);
            Assert.AreEqual(0x1FFFFFFFu, extended.Mask);
            Assert.AreEqual(0x1FFFFFFFu, extended.Key);
        }

        private static int CountStandardMatches(RuleTable table)
        {
            int n = 0;
            for (uint id = 0; id <= FilterRule.StandardIdMax; id++)
            {
                int found = table.Index.Find(id, false);
                int expected = TestTables.LinearFind(table, id, false);
                if (found != expected)
                {
                    Assert.AreEqual(expected, found, "standard " + Expect.Id(id));
                }
                if (found != RuleIndex.NoRule)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
