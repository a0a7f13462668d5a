using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Print then parse then print gives the same text and the same rules, for every option.</summary>
    [TestClass]
    public class RuleTextRoundTripTests
    {
        private const string EveryOption =
            "# name filter options\n" +
            "rule pack     id=0x1F0 mask=0x7FF every=100ms\n" +
            "rule cells    id=0x200 mask=0x7F0 every=250us rtr\n" +
            "rule serial   id=0x3F0 and=00FF00FF00FF00FF or=0100000000000000 xor=8000000000000001 set=DEADBEEF00000000\n" +
            "rule j1939    id=0x18FF5000 mask=0x1FFFFF00 ext every=2s\n" +
            "rule not_diag id=0x700 mask=0x700 inv\n" +
            "rule not_obd  id=0x18DA0000 mask=0x1FFF0000 ext inv rtr every=1500ms xor=00000000000000FF\n" +
            "rule bare     id=0x005\n" +
            "rule bare_ext id=0x00000005 ext\n";

        [TestMethod]
        public void EveryOptionSurvivesPrintParsePrint()
        {
            RuleTable first = TestTables.Parse(EveryOption);
            string printed = RuleTableText.Print(first);
            RuleTable second = TestTables.Parse(printed);
            Assert.AreEqual(printed, RuleTableText.Print(second));
            AssertSameRules(first, second);
            Assert.AreEqual(8, second.Count);
        }

        [TestMethod]
        public void ParsedOptionsHaveTheirMeaning()
        {
            RuleTable t = TestTables.Parse(EveryOption);
            Assert.AreEqual(100000L, t[0].MinIntervalMicros, "100ms");
            Assert.AreEqual(250L, t[1].MinIntervalMicros, "250us");
            Assert.IsTrue(t[1].AllowRemote);
            Assert.IsFalse(t[0].AllowRemote);
            Expect.Bytes(new byte[] { 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF }, t[2].Edit.And, "and");
            Expect.Bytes(new byte[] { 0x01, 0, 0, 0, 0, 0, 0, 0 }, t[2].Edit.Or, "or");
            Expect.Bytes(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0x01 }, t[2].Edit.Xor, "xor");
            Expect.Bytes(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 0 }, t[2].Edit.Set, "set");
            Assert.IsTrue(t[3].Extended);
            Assert.AreEqual(0x1FFFFF00u, t[3].Mask);
            Assert.AreEqual(2000000L, t[3].MinIntervalMicros, "2s");
            Assert.IsTrue(t[4].Inverse);
            Assert.AreEqual(1500000L, t[5].MinIntervalMicros, "1500ms");
            Assert.IsNull(t[5].Edit.And);
            Assert.AreEqual(0x7FFu, t[6].Mask, "standard default mask");
            Assert.AreEqual(0x1FFFFFFFu, t[7].Mask, "extended default mask");
            Assert.IsNull(t[6].Edit);
            Assert.AreEqual(0L, t[6].MinIntervalMicros);
        }

        [TestMethod]
        public void PrintUsesTheCanonicalSyntax()
        {
            RuleTable t = TestTables.Parse(EveryOption);
            Assert.AreEqual("rule pack id=0x1F0 mask=0x7FF every=100ms", RuleTableText.PrintRule(t[0]));
            Assert.AreEqual("rule j1939 id=0x18FF5000 mask=0x1FFFFF00 ext every=2s", RuleTableText.PrintRule(t[3]));
            Assert.AreEqual(
                "rule not_obd id=0x18DA0000 mask=0x1FFF0000 ext inv rtr every=1500ms xor=00000000000000FF",
                RuleTableText.PrintRule(t[5]));
            Assert.AreEqual("rule bare id=0x005 mask=0x7FF", RuleTableText.PrintRule(t[6]));
            Assert.StartsWith("# ", RuleTableText.Print(t));
        }

        [TestMethod]
        public void OptionOrderCaseOfHexCommentsAndCrLfDoNotMatter()
        {
            RuleTable a = TestTables.Parse("rule x id=0x18ff5000 mask=0x1fffff00 ext rtr every=10ms\n");
            RuleTable b = TestTables.Parse("\r\n  # comment\r\n\trule   x every=10ms rtr ext  mask=1FFFFF00 id=18FF5000 # trailing\r\n\r\n");
            Assert.AreEqual(RuleTableText.Print(a), RuleTableText.Print(b));
        }

        [TestMethod]
        public void CountersAreNotPartOfTheRules()
        {
            Gateway gateway = TestTables.NewGateway(EveryOption);
            TestTables.FromBms(gateway, 0x1F0, 0);
            TestTables.FromBms(gateway, 0x1F0, 1);
            string printed = RuleTableText.Print(gateway.Rules);
            Assert.Contains("handled=1 dropped=1", printed);
            RuleTable reparsed = TestTables.Parse(printed);
            AssertSameRules(gateway.Rules, reparsed);
            Assert.AreEqual(0L, reparsed[0].Handled);
            Assert.AreEqual(0L, reparsed[0].Dropped);
        }

        [TestMethod]
        public void RandomTablesSurvivePrintParsePrint()
        {
            int tables = Workload.Scale(40);
            for (uint seed = 1; seed <= tables; seed++)
            {
                XorShift rng = new XorShift(seed * 7919);
                RuleTable table = RandomTables.Build(rng, 1 + rng.Below(40), 8, true);
                string printed = RuleTableText.Print(table);
                int line;
                string error;
                RuleTable again = RuleTableText.Parse(printed, out line, out error);
                if (error != null)
                {
                    Assert.IsNull(error, "seed " + seed.ToString() + " line " + line.ToString());
                }

                Assert.AreEqual(printed, RuleTableText.Print(again), "seed " + seed.ToString());
                AssertSameRules(table, again);
            }
        }

        /// <summary>Fails unless both tables hold the same rules in the same order.</summary>
        public static void AssertSameRules(RuleTable expected, RuleTable actual)
        {
            Assert.AreEqual(expected.Count, actual.Count, "rule count");
            for (int i = 0; i < expected.Count; i++)
            {
                FilterRule e = expected[i];
                FilterRule a = actual[i];
                string at = "rule " + i.ToString() + " (" + e.Name + ")";
                Assert.AreEqual(e.Name, a.Name, at);
                Assert.AreEqual(e.Id, a.Id, at);
                Assert.AreEqual(e.Mask, a.Mask, at);
                Assert.AreEqual(e.Extended, a.Extended, at);
                Assert.AreEqual(e.Inverse, a.Inverse, at);
                Assert.AreEqual(e.AllowRemote, a.AllowRemote, at);
                Assert.AreEqual(e.MinIntervalMicros, a.MinIntervalMicros, at);
                Assert.AreEqual(HasEdit(e), HasEdit(a), at + " edit");
                if (HasEdit(e))
                {
                    Expect.Bytes(e.Edit.And, a.Edit.And, at + " and");
                    Expect.Bytes(e.Edit.Or, a.Edit.Or, at + " or");
                    Expect.Bytes(e.Edit.Xor, a.Edit.Xor, at + " xor");
                    Expect.Bytes(e.Edit.Set, a.Edit.Set, at + " set");
                }
            }
        }

        private static bool HasEdit(FilterRule rule)
        {
            return rule.Edit != null;
        }
    }
}
