using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Frames that are not valid classic CAN are dropped as malformed on both ports, before any rule.</summary>
    [TestClass]
    public class MalformedFrameTests
    {
        private const string AllowEverything =
            "rule all_std id=0x000 mask=0x000 rtr set=0000000000000000\n" +
            "rule all_ext id=0x00000000 mask=0x00000000 ext rtr set=0000000000000000\n";

        [TestMethod]
        public void LengthOverEightIsMalformed()
        {
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            byte[] data = new byte[12];
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, false, data, 9, 0), "DLC 9 from the BMS");
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Tcu, 0x100, false, false, data, 9, 0), "DLC 9 from the TCU");
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, true, null, 9, 0), "remote DLC 9");
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, false, data, -1, 0), "negative length");
        }

        [TestMethod]
        public void StandardIdAbove7FFIsMalformed()
        {
            // 0x800 & 0x7FF would match the mask-0 rule: the range check must come first.
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            Expect.Verdict(Verdict.Malformed, TestTables.FromBms(gateway, 0x800, 0), "standard 0x800");
            Expect.Verdict(Verdict.Malformed, TestTables.FromBms(gateway, 0x18FF5000, 0), "an extended id on the standard path");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x7FF, 0), "standard 0x7FF is valid");
        }

        [TestMethod]
        public void ExtendedIdAbove1FFFFFFFIsMalformed()
        {
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            Expect.Verdict(Verdict.Malformed, TestTables.FromBmsExtended(gateway, 0x20000000, 0), "extended 0x20000000");
            Expect.Verdict(Verdict.Malformed, TestTables.FromBmsExtended(gateway, 0xFFFFFFFF, 0), "extended 0xFFFFFFFF");
            Expect.Verdict(Verdict.Forward, TestTables.FromBmsExtended(gateway, 0x1FFFFFFF, 0), "extended 0x1FFFFFFF is valid");
        }

        [TestMethod]
        public void PayloadShorterThanLengthIsMalformed()
        {
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, false, null, 2, 0), "no buffer, DLC 2");
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, false, new byte[3], 4, 0), "3-byte buffer, DLC 4");
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x100, false, false, null, 0, 0), "no buffer, DLC 0 is valid");
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x100, false, true, null, 8, 0), "remote frames carry no payload");
        }

        [TestMethod]
        public void MalformedFramesTouchNoRuleAndNoPayload()
        {
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            RecordingSink sink = new RecordingSink(4);
            gateway.Sink = sink;
            byte[] data = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
            Expect.Verdict(Verdict.Malformed, gateway.Decide(GatewayPort.Bms, 0x100, false, false, data, 9, 5), "DLC 9");
            Expect.Bytes(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, data, "payload untouched");
            Assert.AreEqual(RuleIndex.NoRule, gateway.LastRule);
            Assert.AreEqual(0L, gateway.Rules[0].Handled + gateway.Rules[0].Dropped);
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.Malformed));
            Assert.AreEqual(1, sink.Count);
            Expect.Verdict(Verdict.Malformed, sink.VerdictAt(0), "sink");
            Assert.AreEqual(RuleIndex.NoRule, sink.Rule(0));
        }
    }
}
