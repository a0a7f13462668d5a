using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The rule table's <c>receive</c> line: parsed into the gateway's budgets, printed back only when not the default, refused when bad.</summary>
    [TestClass]
    public class ReceiveLineTests
    {
        [TestMethod]
        public void AReceiveLineSetsTheGatewaysBudgetAndPrintsBack()
        {
            string text = "rule a id=0x100\nreceive tcu frames=5000 per=250ms pause=2s\nreceive bms frames=900\n";
            RuleTable table = TestTables.Parse(text);
            Gateway gateway = new Gateway(table);
            ReceiveBudget tcu = gateway.Budget(GatewayPort.Tcu);
            Assert.AreEqual(5000, tcu.MaxFrames);
            Assert.AreEqual(250000L, tcu.WindowMicros);
            Assert.AreEqual(2000000L, tcu.PauseMicros);
            Assert.AreEqual(900, gateway.Budget(GatewayPort.Bms).MaxFrames);
            Assert.AreEqual(ReceiveBudget.DefaultWindowMicros, gateway.Budget(GatewayPort.Bms).WindowMicros, "per= defaults to 100 ms");

            string printed = RuleTableText.Print(table);
            Assert.IsTrue(printed.IndexOf("receive bms frames=900 per=100ms pause=1s\n") >= 0, printed);
            Assert.IsTrue(printed.IndexOf("receive tcu frames=5000 per=250ms pause=2s\n") >= 0, printed);
            Assert.AreEqual(printed, RuleTableText.Print(TestTables.Parse(printed)));
        }

        [TestMethod]
        public void TheDefaultBudgetsPrintNothingAndFramesZeroLiftsTheTcuLimit()
        {
            Assert.AreEqual(-1, RuleTableText.Print(TestTables.Parse("rule a id=0x100\nreceive tcu frames=100\n")).IndexOf("receive"));
            Gateway gateway = new Gateway(TestTables.Parse("rule a id=0x100\nreceive tcu frames=0\n"));
            Assert.IsFalse(gateway.Budget(GatewayPort.Tcu).Limited);
        }

        [TestMethod]
        public void BadReceiveLinesAreRefusedWithTheirLine()
        {
            Refused("rule a id=0x100\nreceive obd frames=10\n", 2, "expected 'receive bms' or 'receive tcu', found 'receive obd'");
            Refused("receive tcu frames=10\nreceive tcu frames=20\n", 2, "a second receive line for tcu");
            Refused("receive tcu\n", 1, "missing frames=");
            Refused("receive tcu frames=-1\n", 1, "bad 'frames=-1' (0 (no limit) to 9999999 frames)");
            Refused("receive tcu frames=10000000\n", 1, "bad 'frames=10000000' (0 (no limit) to 9999999 frames)");
            Refused("receive tcu frames=10 per=0ms\n", 1, "bad 'per=0ms' (a duration above 0 such as 250us, 100ms or 2s)");
            Refused("receive tcu frames=10 every=1s\n", 1, "unknown option 'every=1s'");
        }

        private static void Refused(string text, int line, string reason)
        {
            int errorLine;
            string error;
            Assert.IsNull(RuleTableText.Parse(text, out errorLine, out error), text);
            Assert.AreEqual(line, errorLine, text);
            Assert.AreEqual(reason, error, text);
        }
    }
}
