using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The telemetry policy on the CAN path: applied after the rule's edits, blanks in place, drops frames with nothing allowed.</summary>
    [TestClass]
    public class EgressFilterTests
    {
        [TestMethod]
        public void FilterBlanksAfterTheRuleAndDropsFramesWithNothingAllowed()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100 xor=FF00000000000000\nrule b id=0x200\n");
            KeepFirstByteOf100 filter = new KeepFirstByteOf100();
            gateway.EgressFilter = filter;
            byte[] data = new byte[] { 0x0F, 1, 2, 3, 4, 5, 6, 7 };
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x100, false, false, data, 8, 0) == Verdict.Forward);

            // The rule's XOR ran first (0x0F -> 0xF0), then the filter zeroed bytes 1..7.
            Assert.AreEqual((byte)0xF0, filter.SeenFirstByte);
            Assert.AreEqual((byte)0xF0, data[0]);
            Assert.AreEqual((byte)0, data[7]);

            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x200, false, false, new byte[8], 8, 0) == Verdict.PolicyWithheld);
            Assert.AreEqual(1L, gateway.Rules[1].Dropped);
            Assert.AreEqual(1L, gateway.Count(GatewayPort.Bms, Verdict.PolicyWithheld));
            Assert.AreEqual("policy-withheld", VerdictNames.Name(Verdict.PolicyWithheld));
        }

        [TestMethod]
        public void RemoteFramesAndUnmatchedFramesNeverReachTheFilter()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100 rtr\n");
            KeepFirstByteOf100 filter = new KeepFirstByteOf100();
            gateway.EgressFilter = filter;
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x100, false, true, null, 0, 0) == Verdict.Forward);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x300, false, false, new byte[8], 8, 0) == Verdict.NotAllowed);
            Assert.AreEqual(0, filter.Calls);
        }

        private sealed class KeepFirstByteOf100 : IEgressFilter
        {
            public int Calls;
            public byte SeenFirstByte;

            public bool BlankWithheld(uint id, bool extended, byte[] data, int length)
            {
                Calls++;
                SeenFirstByte = data[0];
                for (int i = 1; i < length; i++)
                {
                    data[i] = 0;
                }

                return id == 0x100;
            }
        }
    }
}
