using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The decision sink sees every frame presented to the gateway, with the deciding rule.</summary>
    [TestClass]
    public class DecisionSinkTests
    {
        [TestMethod]
        public void SinkSeesEveryDecisionWithTheDecidingRule()
        {
            Gateway gateway = TestTables.NewGateway(
                "rule exact id=0x123\n" +
                "rule pack  id=0x1F0 every=100ms\n" +
                "rule wide  id=0x100 mask=0x700\n" +
                "rule j1939 id=0x18FF5000 mask=0x1FFFFF00 ext\n");
            RecordingSink sink = new RecordingSink(16);
            gateway.Sink = sink;

            uint[] ids = new uint[] { 0x123, 0x124, 0x1F0, 0x1F0, 0x300, 0x18FF5001, 0x18FF5101, 0x123, 0x800 };
            bool[] ext = new bool[] { false, false, false, false, false, true, true, false, false };
            GatewayPort[] ports = new GatewayPort[]
            {
                GatewayPort.Bms, GatewayPort.Bms, GatewayPort.Bms, GatewayPort.Bms, GatewayPort.Bms,
                GatewayPort.Bms, GatewayPort.Bms, GatewayPort.Tcu, GatewayPort.Bms,
            };
            Verdict[] verdicts = new Verdict[]
            {
                Verdict.Forward, Verdict.Forward, Verdict.Forward, Verdict.RateLimited, Verdict.NotAllowed,
                Verdict.Forward, Verdict.NotAllowed, Verdict.TcuDefaultDeny, Verdict.Malformed,
            };
            int[] rules = new int[] { 0, 2, 1, 1, RuleIndex.NoRule, 3, RuleIndex.NoRule, RuleIndex.NoRule, RuleIndex.NoRule };

            for (int i = 0; i < ids.Length; i++)
            {
                Verdict v = gateway.Decide(ports[i], ids[i], ext[i], false, TestTables.Payload(), 8, 1000 + i);
                Expect.Verdict(verdicts[i], v, "frame " + i.ToString());
                Assert.AreEqual(rules[i], gateway.LastRule, "LastRule of frame " + i.ToString());
            }

            Assert.AreEqual(ids.Length, sink.Count);
            for (int i = 0; i < ids.Length; i++)
            {
                string at = "sink entry " + i.ToString();
                Expect.Verdict(verdicts[i], sink.VerdictAt(i), at);
                Assert.AreEqual(rules[i], sink.Rule(i), at);
                Assert.AreEqual(ids[i], sink.Id(i), at);
                Assert.AreEqual(ext[i], sink.Extended(i), at);
                Assert.AreEqual((int)ports[i], (int)sink.Port(i), at);
                Assert.AreEqual(1000L + i, sink.Time(i), at);
                Assert.AreEqual(8, sink.Length(i), at);
                Assert.IsFalse(sink.Remote(i), at);
            }
        }

        [TestMethod]
        public void SinkSeesTheEditedPayloadOfForwardedFrames()
        {
            Gateway gateway = TestTables.NewGateway("rule serial id=0x3F0 set=0000000000000000 every=1s\n");
            RecordingSink sink = new RecordingSink(4);
            gateway.Sink = sink;
            TestTables.FromBms(gateway, 0x3F0, 0);
            TestTables.FromBms(gateway, 0x3F0, 1);
            Expect.Bytes(new byte[8], sink.Data(0), "forwarded: edited");
            Expect.Bytes(TestTables.Payload(), sink.Data(1), "rate-limited: as received");
        }

        [TestMethod]
        public void SinkSeesRemoteFramesAndTheirRule()
        {
            Gateway gateway = TestTables.NewGateway("rule diag id=0x7DF\n");
            RecordingSink sink = new RecordingSink(4);
            gateway.Sink = sink;
            gateway.Decide(GatewayPort.Bms, 0x7DF, false, true, null, 0, 7);
            Assert.AreEqual(1, sink.Count);
            Assert.IsTrue(sink.Remote(0));
            Assert.IsNull(sink.Data(0));
            Assert.AreEqual(0, sink.Rule(0));
            Expect.Verdict(Verdict.RemoteNotAllowed, sink.VerdictAt(0), "remote");
        }

        [TestMethod]
        public void GatewayWorksWithoutASink()
        {
            Gateway gateway = TestTables.NewGateway("rule pack id=0x1F0\n");
            Assert.IsNull(gateway.Sink);
            Expect.Verdict(Verdict.Forward, TestTables.FromBms(gateway, 0x1F0, 0), "no sink");
        }
    }
}
