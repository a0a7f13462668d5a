using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Rule text errors name the offending line and say why.</summary>
    [TestClass]
    public class RuleTextErrorTests
    {
        [TestMethod]
        [DataRow("rule a id=0x100 foo", 1, "unknown option 'foo'")]
        [DataRow("rule a id=0x100 ext=1", 1, "unknown option 'ext=1'")]
        [DataRow("rule a id=0x100 every", 1, "unknown option 'every'")]
        [DataRow("# header\nrule a id=0x1G0", 2, "bad 'id=0x1G0' (hex")]
        [DataRow("rule a id=0x", 1, "bad 'id=0x'")]
        [DataRow("rule a id=0x123456789 ext", 1, "bad 'id=0x123456789'")]
        [DataRow("rule a id=0x100 mask=7Z0", 1, "bad 'mask=7Z0'")]
        [DataRow("rule a id=0x100\n\nrule b id=0x200 every=10min", 3, "bad 'every=10min' (a duration")]
        [DataRow("rule a id=0x100 every=0ms", 1, "bad 'every=0ms'")]
        [DataRow("rule a id=0x100 every=ms", 1, "bad 'every=ms'")]
        [DataRow("rule a id=0x100 every=-5ms", 1, "bad 'every=-5ms'")]
        [DataRow("rule a id=0x100\nrule b id=0x200\nrule a id=0x300", 3, "duplicate rule name 'a'")]
        [DataRow("rule a id=0x800", 1, "standard id above 0x7FF")]
        [DataRow("rule a id=0x18FF5000 mask=0x1FFFFF00", 1, "standard id above 0x7FF")]
        [DataRow("rule a id=0x7FF mask=0xFFF", 1, "mask above 0x7FF")]
        [DataRow("rule a id=0x20000000 ext", 1, "extended id above 0x1FFFFFFF")]
        [DataRow("rule a id=0x100 and=00FF", 1, "bad 'and=00FF' (16 hex digits)")]
        [DataRow("rule a id=0x100 set=00000000000000GG", 1, "bad 'set=00000000000000GG'")]
        [DataRow("rule a mask=0x7FF", 1, "missing id=")]
        [DataRow("rule a*b id=0x100", 1, "invalid rule name 'a*b'")]
        [DataRow("allow a id=0x100", 1, "expected 'rule', found 'allow'")]
        [DataRow("rule a", 1, "a rule needs a name and id=")]
        [DataRow("rule a id=0x100 id=0x200", 1, "'id' given twice")]
        [DataRow("rule a id=0x100 ext ext", 1, "'ext' given twice")]
        [DataRow("rule a id=0x100\r\nrule b id=0x100 inv xyz\r\n", 2, "unknown option 'xyz'")]
        public void ParseErrorNamesTheLineAndTheReason(string text, int expectedLine, string reason)
        {
            int line;
            string error;
            RuleTable table = RuleTableText.Parse(text, out line, out error);
            Assert.IsNull(table, "the text must be rejected");
            Assert.IsNotNull(error);
            Assert.Contains(reason, error);
            Assert.AreEqual(expectedLine, line, "line of: " + error);
        }

        [TestMethod]
        public void ValidTextReportsNoError()
        {
            int line;
            string error;
            RuleTable table = RuleTableText.Parse("rule a id=0x100 ext\n", out line, out error);
            Assert.IsNotNull(table);
            Assert.IsNull(error);
            Assert.AreEqual(0, line);
            Assert.IsNotNull(table.Index, "parsing compiles the table");
        }

        [TestMethod]
        public void EightExtendedMasksCompile()
        {
            RuleTable table = TestTables.Parse(ExtendedMaskRules(8));
            Assert.AreEqual(8, table.Index.ExtendedMaskGroupCount);
        }

        [TestMethod]
        public void NinthExtendedMaskIsRejectedAtItsLine()
        {
            // Line 1 is a comment, rules m0..m8 are on lines 2..10; m8 brings the ninth mask.
            int line;
            string error;
            RuleTable table = RuleTableText.Parse(ExtendedMaskRules(9), out line, out error);
            Assert.IsNull(table);
            Assert.Contains("more than 8", error);
            Assert.AreEqual(10, line, "the line of the rule with the ninth extended mask");
        }

        [TestMethod]
        public void GatewayRefusesATableItCannotCompile()
        {
            RuleTable table = new RuleTable();
            for (int i = 0; i < 9; i++)
            {
                table.Add(TestTables.Rule("m" + i.ToString(), 0, 0x1FFFFFFFu >> i, true));
            }

            Assert.ThrowsException(typeof(System.ArgumentException), () => new Gateway(table));
            Assert.Contains("more than 8", table.CompileError);
        }

        private static string ExtendedMaskRules(int masks)
        {
            string text = "# one rule per extended mask\n";
            for (int i = 0; i < masks; i++)
            {
                uint mask = 0x1FFFFFFFu >> i;
                text += "rule m" + i.ToString() + " id=0x00000000 mask=0x" + mask.ToString("X8") + " ext\n";
            }

            return text;
        }
    }
}
