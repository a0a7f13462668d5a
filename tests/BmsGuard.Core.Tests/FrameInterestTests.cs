// The host suite compiles this file with nullable checks; the firmware API it tests is null-oblivious.
#nullable disable
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// The gateway calls an observer or a diagnostic-response judge that declares its ids only for those
    /// ids, standard and extended; one that declares nothing sees every frame.
    /// </summary>
    [TestClass]
    public class FrameInterestTests
    {
        [TestMethod]
        public void ObserversSeeTheIdsTheyRead()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100\nrule b id=0x200\n");
            Reader only100 = new Reader(0x100);
            Reader all = new Reader(Reader.Every);
            Reader only200 = new Reader(0x200);
            gateway.BmsObserver = new BusObservers(new IBusObserver[] { only100, null, all, only200 });
            uint[] ids = { 0x100, 0x200, 0x300, 0x7FF, 0x100 };
            for (int i = 0; i < ids.Length; i++)
            {
                gateway.Decide(GatewayPort.Bms, ids[i], false, false, new byte[8], 8, i);
            }

            gateway.Decide(GatewayPort.Bms, 0x100, true, false, new byte[8], 8, 9);
            gateway.Decide(GatewayPort.Bms, 0x100, false, true, null, 0, 10);
            Assert.AreEqual("100 100 x100 ", only100.Log);
            Assert.AreEqual("100 200 300 7FF 100 x100 ", all.Log);
            Assert.AreEqual("200 ", only200.Log);
        }

        [TestMethod]
        public void DiagnosticJudgeSeesOnlyItsIds()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100\nrule b id=0x18DAF141 ext\n");
            ResponseJudge judge = new ResponseJudge();
            gateway.DiagnosticResponses = judge;
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x7EC, false, false, new byte[8], 8, 0) == Verdict.UdsResponseUnsolicited);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x100, false, false, new byte[8], 8, 0) == Verdict.Forward);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x18DAF140, true, false, new byte[8], 8, 0) == Verdict.UdsResponseUnsolicited);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x18DAF141, true, false, new byte[8], 8, 0) == Verdict.Forward);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x7EC, true, false, new byte[8], 8, 0) == Verdict.NotAllowed);
            Assert.AreEqual("7EC x18DAF140 ", judge.Log);
        }

        [TestMethod]
        public void ExtendedIdsRouteAsAskedWhateverShareTheirSlot()
        {
            // 40 extended ids, more than the gateway keeps: every pair that shares a slot comes in turn, so each
            // frame is routed from a slot that held another id. Readers, judge and rules must see exactly theirs.
            System.Text.StringBuilder rules = new System.Text.StringBuilder();
            uint[] ids = new uint[40];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = 0x18FF0000 + ((uint)i * 0x1010);
                if (i % 3 == 0)
                {
                    rules.Append("rule r" + i.ToString() + " id=" + ids[i].ToString("X8") + " ext\n");
                }
            }

            Gateway gateway = TestTables.NewGateway(rules.ToString());
            Reader even = new Reader(Reader.EvenExtended);
            Reader every = new Reader(Reader.Every);
            gateway.BmsObserver = new BusObservers(new IBusObserver[] { even, every });
            string expectEven = string.Empty;
            string expectEvery = string.Empty;
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < ids.Length; i++)
                {
                    Verdict v = gateway.Decide(GatewayPort.Bms, ids[i], true, false, new byte[8], 8, (round * 100) + i);
                    Assert.IsTrue(v == (i % 3 == 0 ? Verdict.Forward : Verdict.NotAllowed), "verdict of " + Name(ids[i], true));
                    Assert.AreEqual(i % 3 == 0 ? i / 3 : RuleIndex.NoRule, gateway.LastRule, "rule of " + Name(ids[i], true));
                    expectEven += ids[i] % 2 == 0 ? Name(ids[i], true) : string.Empty;
                    expectEvery += Name(ids[i], true);
                }
            }

            Assert.AreEqual(expectEven, even.Log);
            Assert.AreEqual(expectEvery, every.Log);

            // Plugged in again, the parts are asked again: a reader of nothing sees nothing.
            Reader none = new Reader(Reader.Nothing);
            gateway.BmsObserver = none;
            gateway.Decide(GatewayPort.Bms, ids[0], true, false, new byte[8], 8, 1000);
            Assert.AreEqual(string.Empty, none.Log);
        }

        [TestMethod]
        public void MoreThanEightObserversAreRefused()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100\n");
            IBusObserver[] nine = new IBusObserver[Gateway.MaxObservers + 1];
            for (int i = 0; i < nine.Length; i++)
            {
                nine[i] = new Reader(Reader.Every);
            }

            Assert.ThrowsException(typeof(System.ArgumentException), () => gateway.BmsObserver = new BusObservers(nine));
        }

        private static string Name(uint id, bool extended)
        {
            return (extended ? "x" : string.Empty) + id.ToString("X") + " ";
        }

        private sealed class Reader : IBusObserver, IFrameInterest
        {
            public const uint Every = 0xFFFFFFFF;

            public const uint EvenExtended = 0xFFFFFFFE;

            public const uint Nothing = 0xFFFFFFFD;

            public string Log = string.Empty;

            private readonly uint _id;

            public Reader(uint id)
            {
                _id = id;
            }

            public bool Reads(uint id, bool extended)
            {
                return _id == Every || id == _id || (_id == EvenExtended && extended && id % 2 == 0);
            }

            public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
            {
                Log += Name(id, extended);
            }
        }

        private sealed class ResponseJudge : IDiagnosticResponses, IFrameInterest
        {
            public string Log = string.Empty;

            public bool Reads(uint id, bool extended)
            {
                return extended ? id == 0x18DAF140 : id == 0x7EC;
            }

            public int Judge(uint id, bool extended, byte[] data, int length, long nowMicros)
            {
                Log += Name(id, extended);
                return 0;
            }
        }
    }
}
