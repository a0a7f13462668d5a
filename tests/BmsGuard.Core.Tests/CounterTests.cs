using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Per-rule handled/dropped counters and per-port verdict counters.</summary>
    [TestClass]
    public class CounterTests
    {
        private const string Rules =
            "rule pack id=0x1F0 every=100ms\n" +
            "rule cells id=0x200 mask=0x7F0\n" +
            "rule diag id=0x7DF\n";

        [TestMethod]
        public void EachRuleCountsItsOwnHandledAndDroppedFrames()
        {
            Gateway gateway = TestTables.NewGateway(Rules);
            TestTables.FromBms(gateway, 0x1F0, 0);
            TestTables.FromBms(gateway, 0x1F0, 1);
            TestTables.FromBms(gateway, 0x1F0, 2);
            TestTables.FromBms(gateway, 0x201, 3);
            TestTables.FromBms(gateway, 0x20F, 4);
            gateway.Decide(GatewayPort.Bms, 0x7DF, false, true, null, 0, 5);
            TestTables.FromBms(gateway, 0x300, 6);

            Assert.AreEqual(1L, gateway.Rules[0].Handled, "pack handled");
            Assert.AreEqual(2L, gateway.Rules[0].Dropped, "pack dropped (rate)");
            Assert.AreEqual(2L, gateway.Rules[1].Handled, "cells handled");
            Assert.AreEqual(0L, gateway.Rules[1].Dropped, "cells dropped");
            Assert.AreEqual(0L, gateway.Rules[2].Handled, "diag handled");
            Assert.AreEqual(1L, gateway.Rules[2].Dropped, "diag dropped (remote)");
        }

        [TestMethod]
        public void EachPortCountsEveryVerdict()
        {
            Gateway gateway = TestTables.NewGateway(Rules);
            TestTables.FromBms(gateway, 0x1F0, 0);
            TestTables.FromBms(gateway, 0x1F0, 1);
            TestTables.FromBms(gateway, 0x300, 2);
            TestTables.FromBms(gateway, 0x301, 3);
            gateway.Decide(GatewayPort.Bms, 0x7DF, false, true, null, 0, 4);
            gateway.Decide(GatewayPort.Bms, 0x201, false, false, new byte[9], 9, 5);
            gateway.Decide(GatewayPort.Tcu, 0x1F0, false, false, TestTables.Payload(), 8, 6);
            gateway.Decide(GatewayPort.Tcu, 0x801, false, false, TestTables.Payload(), 8, 7);
            gateway.CountDrop(GatewayPort.Bms, Verdict.QueueFull);

            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.Forward));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.RateLimited));
            Assert.AreEqual(2L, gateway.Count(GatewayPort.Bms, Verdict.NotAllowed));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.RemoteNotAllowed));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.Malformed));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.QueueFull));
            Assert.AreEqual(0L, gateway.Count(GatewayPort.Bms, Verdict.TcuDefaultDeny));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Tcu, Verdict.TcuDefaultDeny));
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Tcu, Verdict.Malformed));
            Assert.AreEqual(7L, Total(gateway, GatewayPort.Bms), "6 decisions and 1 queue drop");
            Assert.AreEqual(2L, Total(gateway, GatewayPort.Tcu));
        }

        [TestMethod]
        public void ResetCountersZeroesEveryRule()
        {
            Gateway gateway = TestTables.NewGateway(Rules);
            TestTables.FromBms(gateway, 0x1F0, 0);
            TestTables.FromBms(gateway, 0x1F0, 1);
            gateway.Rules.ResetCounters();
            Assert.AreEqual(0L, gateway.Rules[0].Handled);
            Assert.AreEqual(0L, gateway.Rules[0].Dropped);
        }

        [TestMethod]
        public void PrintedTableShowsCountersAsComments()
        {
            Gateway gateway = TestTables.NewGateway(Rules);
            TestTables.FromBms(gateway, 0x1F0, 0);
            TestTables.FromBms(gateway, 0x1F0, 1);
            string text = RuleTableText.Print(gateway.Rules);
            Assert.Contains("rule pack id=0x1F0 mask=0x7FF every=100ms  # handled=1 dropped=1\n", text);
            Assert.Contains("rule cells id=0x200 mask=0x7F0  # handled=0 dropped=0\n", text);
        }

        private static long Total(Gateway gateway, GatewayPort port)
        {
            long total = 0;
            for (int v = 0; v < VerdictNames.Count; v++)
            {
                total += gateway.Count(port, (Verdict)v);
            }

            return total;
        }
    }
}
