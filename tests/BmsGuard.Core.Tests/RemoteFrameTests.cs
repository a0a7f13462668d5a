using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Remote (RTR) frames pass only through rules with the rtr option, and are never edited.</summary>
    [TestClass]
    public class RemoteFrameTests
    {
        [TestMethod]
        public void RemoteFrameIsDroppedByARuleWithoutRtr()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0\n");
            Verdict v = gateway.Decide(GatewayPort.Bms, 0x1F0, false, true, null, 8, 0);
            Expect.Verdict(Verdict.RemoteNotAllowed, v, "remote 0x1F0");
            Assert.AreEqual(0, gateway.LastRule, "the matching rule is reported");
            Assert.AreEqual(1L, gateway.Rules[0].Dropped);
            Assert.AreEqual(0L, gateway.Rules[0].Handled);
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.RemoteNotAllowed));
        }

        [TestMethod]
        public void RemoteFrameIsForwardedByARuleWithRtr()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 rtr\n");
            Verdict v = gateway.Decide(GatewayPort.Bms, 0x1F0, false, true, null, 8, 0);
            Expect.Verdict(Verdict.Forward, v, "remote 0x1F0 with rtr");
            Assert.AreEqual(1L, gateway.Rules[0].Handled);
        }

        [TestMethod]
        public void RtrRuleStillForwardsDataFrames()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 rtr\n");
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 0), "data 0x1F0");
        }

        [TestMethod]
        public void RemoteFrameIsNeverEdited()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 rtr set=0000000000000000\n");
            byte[] data = TestTables.Payload();
            Verdict v = gateway.Decide(GatewayPort.Bms, 0x1F0, false, true, data, 8, 0);
            Expect.Verdict(Verdict.Forward, v, "remote 0x1F0");
            Expect.Bytes(TestTables.Payload(), data, "remote frame payload untouched");
        }

        [TestMethod]
        public void RemoteFrameOfAnUnknownIdIsNotAllowed()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 rtr\n");
            Verdict v = gateway.Decide(GatewayPort.Bms, 0x1F1, false, true, null, 0, 0);
            Expect.Verdict(Verdict.NotAllowed, v, "remote 0x1F1");
            Assert.AreEqual(0L, gateway.Rules[0].Dropped);
        }

        [TestMethod]
        public void RtrAppliesPerRuleUnderFirstMatch()
        {
            Gateway gateway = TestTables.NewGateway(
                "rule exact id=0x123\n" +
                "rule wide  id=0x100 mask=0x700 rtr\n");
            Expect.Verdict(
                Verdict.RemoteNotAllowed,
                gateway.Decide(GatewayPort.Bms, 0x123, false, true, null, 0, 0),
                "0x123 is decided by exact, which has no rtr");
            Expect.Verdict(
                Verdict.Forward,
                gateway.Decide(GatewayPort.Bms, 0x124, false, true, null, 0, 0),
                "0x124 is decided by wide");
        }

        [TestMethod]
        public void ExtendedRemoteFrameFollowsTheSameRule()
        {
            Gateway gateway = TestTables.NewGateway(
                "rule j1939 id=0x18FF5000 mask=0x1FFFFF00 ext\n" +
                "rule query id=0x18EA0000 mask=0x1FFF0000 ext rtr\n");
            Expect.Verdict(Verdict.RemoteNotAllowed, gateway.Decide(GatewayPort.Bms, 0x18FF5001, true, true, null, 0, 0), "j1939");
            Expect.Verdict(Verdict.Forward, gateway.Decide(GatewayPort.Bms, 0x18EA00F9, true, true, null, 0, 0), "query");
        }
    }
}
