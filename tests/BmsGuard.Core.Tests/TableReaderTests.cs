using BmsGuard.Core.Text;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The one table reader: lines, comments, failures with their line, options, lists and value forms.</summary>
    [TestClass]
    public class TableReaderTests
    {
        [TestMethod]
        public void NextSkipsBlankAndCommentLinesAndKeepsPhysicalLineNumbers()
        {
            TableReader r = new TableReader("# header\n\n  a\tb  # tail\r\n   \n#x\nc=1\n");
            Assert.IsTrue(r.Next());
            Assert.AreEqual(3, r.Line);
            Assert.AreEqual(2, r.Count);
            Assert.AreEqual("a", r.Word(0));
            Assert.AreEqual("b", r.Word(1));
            Assert.AreEqual("", r.Word(2), "past the end a word is empty");
            Assert.IsTrue(r.Next());
            Assert.AreEqual(6, r.Line);
            Assert.AreEqual("c=1", r.Word(0));
            Assert.IsFalse(r.Next());
            Assert.AreEqual(6, r.Line, "after the end: the last line with words");
        }

        [TestMethod]
        public void NullAndEmptyTextHaveNoLines()
        {
            Assert.IsFalse(new TableReader(null).Next());
            TableReader r = new TableReader("");
            Assert.IsFalse(r.Next());
            int line;
            string error;
            Assert.IsTrue(r.End(out line, out error));
            Assert.AreEqual(0, line);
            Assert.IsNull(error);
        }

        [TestMethod]
        public void TheFirstFailureWinsStopsTheReadingAndKeepsItsLine()
        {
            TableReader r = new TableReader("a\nb\nc\n");
            Assert.IsTrue(r.Next());
            Assert.IsTrue(r.Check(null), "a null reason is no failure");
            Assert.IsTrue(r.Next());
            Assert.IsFalse(r.Fail("first"));
            Assert.IsFalse(r.Check("second"));
            Assert.IsFalse(r.Next(), "no line after a failure");
            int line;
            string error;
            Assert.IsFalse(r.End(out line, out error));
            Assert.AreEqual(2, line);
            Assert.AreEqual("first", error);
        }

        [TestMethod]
        public void AFailureOfTheWholeTextIsLineZero()
        {
            TableReader r = new TableReader("a\n");
            while (r.Next())
            {
            }

            Assert.IsFalse(r.CheckWhole("no topic"));
            int line;
            string error;
            r.End(out line, out error);
            Assert.AreEqual(0, line);
            Assert.AreEqual("no topic", error);
        }

        [TestMethod]
        public void OptionsAreKeyValuesOrBareFlags()
        {
            TableReader r = Line("row x id=1F0 ext unit= every=10ms");
            r.Options(2);
            Assert.IsTrue(r.Flag("ext"));
            Assert.IsFalse(r.Flag("id"), "id=1F0 is not the flag id");
            Assert.IsNull(r.Option("ext"), "the flag ext has no value");
            Assert.AreEqual("", r.Option("unit"));
            Assert.IsNull(r.Option("mask"));
            uint id;
            long every;
            Assert.IsTrue(r.Hex("id", true, out id));
            Assert.AreEqual((uint)0x1F0, id);
            Assert.IsTrue(r.Duration("every", false, out every));
            Assert.AreEqual(10000L, every);
            Assert.IsTrue(r.NoneLeft());
            Assert.IsNull(r.Error);
        }

        [TestMethod]
        public void WordsBeforeTheOptionsAreNotOptions()
        {
            TableReader r = Line("ext ext=1 id=5");
            r.Options(2);
            Assert.IsFalse(r.Flag("ext"));
            Assert.IsNull(r.Option("ext"));
            Assert.AreEqual("5", r.Option("id"));
            Assert.IsTrue(r.NoneLeft());
        }

        [TestMethod]
        [DataRow("row id=1 id=2", "id", "'id' given twice")]
        [DataRow("row ext ext", "ext", "'ext' given twice")]
        [DataRow("row ext ext=1", "ext", "'ext' given twice")]
        [DataRow("row ext=1 ext", "ext", "'ext' given twice")]
        public void AKeyGivenTwiceFailsTheLine(string text, string key, string reason)
        {
            TableReader r = Line(text);
            r.Options(1);
            Assert.IsNull(r.Option(key));
            Assert.IsFalse(r.Flag(key));
            Assert.AreEqual(reason, r.Error);
            Assert.IsFalse(r.NoneLeft(), "neither word counts as read");
        }

        [TestMethod]
        public void AThousandOptionsOnOneLineAreReadByKey()
        {
            // A key given twice is found when it is read, not by comparing every pair of words up front.
            string line = "row";
            for (int i = 0; i < 1000; i++)
            {
                line += " k" + i.ToString() + "=" + i.ToString();
            }

            TableReader r = Line(line + " id=7");
            r.Options(1);
            Assert.AreEqual("7", r.Option("id"));
            Assert.AreEqual("999", r.Option("k999"));
            Assert.IsFalse(r.NoneLeft());
            Assert.AreEqual("unknown option 'k0=0'", r.Error);
        }

        [TestMethod]
        public void AnOptionNobodyReadIsUnknown()
        {
            TableReader r = Line("row ext=1 colour=red");
            r.Options(1);
            Assert.IsFalse(r.Flag("ext"), "ext=1 is not the flag ext");
            Assert.IsNull(r.Option("colour-x"));
            Assert.IsFalse(r.NoneLeft());
            Assert.AreEqual("unknown option 'ext=1'", r.Error);
        }

        [TestMethod]
        [DataRow("row id=0x1F0", 0x1F0)]
        [DataRow("row id=1F0", 0x1F0)]
        [DataRow("row id=0X1f0", 0x1F0)]
        [DataRow("row id=1FFFFFFF", 0x1FFFFFFF)]
        [DataRow("row id=0xFFFFFFFF", -1)]
        public void HexTakesAnOptional0x(string text, int expected)
        {
            TableReader r = Line(text);
            uint id;
            r.Options(1);
            Assert.IsTrue(r.Hex("id", true, out id), r.Error);
            Assert.AreEqual((uint)expected, id);
        }

        [TestMethod]
        [DataRow("row id=0x", "bad 'id=0x' (hex such as 1F0 or 0x1F0)")]
        [DataRow("row id=", "bad 'id=' (hex such as 1F0 or 0x1F0)")]
        [DataRow("row id=123456789", "bad 'id=123456789' (hex such as 1F0 or 0x1F0)")]
        [DataRow("row id=0x1G0", "bad 'id=0x1G0' (hex such as 1F0 or 0x1F0)")]
        [DataRow("row mask=0x7FF", "missing id=")]
        public void ABadOrMissingHexNamesTheWordAsWritten(string text, string reason)
        {
            TableReader r = Line("# c\n" + text);
            uint id;
            r.Options(1);
            Assert.IsFalse(r.Hex("id", true, out id));
            Assert.AreEqual(reason, r.Error);
            int line;
            string error;
            r.End(out line, out error);
            Assert.AreEqual(2, line);
        }

        [TestMethod]
        public void AnAbsentOptionalValueIsNoFailure()
        {
            TableReader r = Line("row");
            uint mask;
            long every;
            r.Options(1);
            Assert.IsTrue(r.Hex("mask", false, out mask));
            Assert.IsTrue(r.Duration("every", false, out every));
            Assert.AreEqual(0L, every);
            Assert.IsNull(r.Error);
        }

        [TestMethod]
        [DataRow("250us", 250)]
        [DataRow("100ms", 100000)]
        [DataRow("2s", 2000000)]
        [DataRow("0s", 0)]
        [DataRow("10min", -1)]
        [DataRow("-5ms", -1)]
        [DataRow("ms", -1)]
        [DataRow("5", -1)]
        public void DurationsTakeAUnit(string text, int micros)
        {
            Assert.AreEqual((long)micros, TableValues.ParseDurationMicros(text));
        }

        [TestMethod]
        public void DurationsPrintInTheLargestExactUnitAndParseBack()
        {
            long[] cases = new long[] { 1, 999, 1000, 1500, 1000000, 3600000000, 2500000 };
            for (int i = 0; i < cases.Length; i++)
            {
                string text = TableValues.FormatDuration(cases[i]);
                Assert.AreEqual(cases[i], TableValues.ParseDurationMicros(text), text);
            }

            Assert.AreEqual("2500ms", TableValues.FormatDuration(2500000));
            Assert.AreEqual("3600s", TableValues.FormatDuration(3600000000));
        }

        [TestMethod]
        public void ListsSplitOnEveryComma()
        {
            string[] items = TableValues.Items("owner,,fleet");
            Assert.AreEqual(3, items.Length);
            Assert.AreEqual("owner", items[0]);
            Assert.AreEqual("", items[1]);
            Assert.AreEqual("fleet", items[2]);
            Assert.AreEqual(1, TableValues.Items("").Length);
            Assert.AreEqual(2, TableValues.Items("a,").Length);
        }

        [TestMethod]
        public void WordsSplitOnSpacesTabsAndCarriageReturns()
        {
            string[] words = TableValues.Words("  rule\t\ta  id=1,2 \r");
            Assert.AreEqual(3, words.Length);
            Assert.AreEqual("rule", words[0]);
            Assert.AreEqual("a", words[1]);
            Assert.AreEqual("id=1,2", words[2]);
            Assert.AreEqual(0, TableValues.Words("").Length);
            Assert.AreEqual(0, TableValues.Words(" \t\r ").Length);
            Assert.AreEqual(1, TableValues.Words("x").Length);
        }

        [TestMethod]
        public void DigitsNamesAndQuotes()
        {
            long v;
            Assert.IsTrue(TableValues.TryParseDigits("047", 3, out v));
            Assert.AreEqual(47L, v);
            Assert.IsFalse(TableValues.TryParseDigits("1000", 3, out v));
            Assert.IsFalse(TableValues.TryParseDigits("-1", 3, out v));
            Assert.IsFalse(TableValues.TryParseDigits("", 3, out v));
            Assert.IsTrue(TableValues.IsName("pack_current-2.a"));
            Assert.IsFalse(TableValues.IsName("a*b"));
            Assert.IsFalse(TableValues.IsName(""));
            Assert.IsFalse(TableValues.IsName(new string('a', TableValues.MaxName + 1)));
            Assert.AreEqual("'abc'", TableValues.Quote("abc"));
            Assert.AreEqual("'" + new string('x', 40) + "...(41 characters)'", TableValues.Quote(new string('x', 41)));
        }

        private static TableReader Line(string text)
        {
            TableReader r = new TableReader(text);
            Assert.IsTrue(r.Next());
            return r;
        }
    }
}
