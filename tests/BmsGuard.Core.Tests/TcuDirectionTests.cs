using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Frames from the TCU toward the BMS are denied by default, whatever the allowlist says.</summary>
    [TestClass]
    public class TcuDirectionTests
    {
        private const string AllowEverything =
            "rule all_std id=0x000 mask=0x000 rtr\n" +
            "rule all_ext id=0x00000000 mask=0x00000000 ext rtr\n";

        [TestMethod]
        public void TcuFramesAreDeniedEvenWhenARuleWouldAllowThem()
        {
            Gateway gateway = TestTables.NewGateway(AllowEverything);
            uint[] ids = new uint[] { 0x000, 0x1F0, 0x7DF, 0x7FF };
            for (int i = 0; i < ids.Length; i++)
            {
                string id = Expect.Id(ids[i]);
                Verdict standard = gateway.Decide(GatewayPort.Tcu, ids[i], false, false, TestTables.Payload(), 8, i);
                Expect.Verdict(Verdict.TcuDefaultDeny, standard, "standard " + id);
                Assert.AreEqual(RuleIndex.NoRule, gateway.LastRule);
                Verdict extended = gateway.Decide(GatewayPort.Tcu, ids[i], true, false, TestTables.Payload(), 8, i);
                Expect.Verdict(Verdict.TcuDefaultDeny, extended, "extended " + id);
                Verdict remote = gateway.Decide(GatewayPort.Tcu, ids[i], false, true, null, 0, i);
                Expect.Verdict(Verdict.TcuDefaultDeny, remote, "remote " + id);
            }

            Assert.AreEqual(12L, gateway.Count(GatewayPort.Tcu, Verdict.TcuDefaultDeny));
            Assert.AreEqual(0L, gateway.Count(GatewayPort.Tcu, Verdict.Forward));
            Assert.AreEqual(0L, gateway.Count(GatewayPort.Bms, Verdict.TcuDefaultDeny));
            long ruleCounts = gateway.Rules[0].Handled + gateway.Rules[0].Dropped + gateway.Rules[1].Handled + gateway.Rules[1].Dropped;
            Assert.AreEqual(0L, ruleCounts, "rules only count BMS frames");
        }

        [TestMethod]
        public void TcuFramesAreNotEdited()
        {
            Gateway gateway = TestTables.NewGateway("rule all id=0x000 mask=0x000 set=0000000000000000\n");
            byte[] data = TestTables.Payload();
            Expect.Verdict(Verdict.TcuDefaultDeny, gateway.Decide(GatewayPort.Tcu, 0x100, false, false, data, 8, 0), "0x100 from the TCU");
            Expect.Bytes(TestTables.Payload(), data, "payload untouched");
        }

        [TestMethod]
        public void TcuFramesDoNotUseTheBmsRateState()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0 every=1s\n");
            gateway.Decide(GatewayPort.Tcu, 0x1F0, false, false, TestTables.Payload(), 8, 0);
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 1), "the BMS frame right after a TCU frame of the same id");
        }
    }
}
