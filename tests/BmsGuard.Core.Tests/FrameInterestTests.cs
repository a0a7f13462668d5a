// The host suite compiles this file with nullable checks; the firmware API it tests is null-oblivious.
#nullable disable
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// The gateway calls an observer or a diagnostic-response judge that declares its ids only for those
    /// standard ids and for every extended id; one that declares nothing sees every frame.
    /// </summary>
    [TestClass]
    public class FrameInterestTests
    {
        [TestMethod]
        public void ObserversSeeTheIdsTheyReadAndEveryExtendedId()
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
            Assert.AreEqual("200 x100 ", only200.Log);
        }

        [TestMethod]
        public void DiagnosticJudgeSeesOnlyItsIdsAndEveryExtendedId()
        {
            Gateway gateway = TestTables.NewGateway("rule a id=0x100\n");
            ResponseJudge judge = new ResponseJudge();
            gateway.DiagnosticResponses = judge;
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x7EC, false, false, new byte[8], 8, 0) == Verdict.UdsResponseUnsolicited);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x100, false, false, new byte[8], 8, 0) == Verdict.Forward);
            Assert.IsTrue(gateway.Decide(GatewayPort.Bms, 0x18DAF140, true, false, new byte[8], 8, 0) == Verdict.UdsResponseUnsolicited);
            Assert.AreEqual("7EC x18DAF140 ", judge.Log);
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

            public string Log = string.Empty;

            private readonly uint _id;

            public Reader(uint id)
            {
                _id = id;
            }

            public bool Reads(uint id, bool extended)
            {
                return _id == Every || id == _id;
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
                return id == 0x7EC;
            }

            public int Judge(uint id, bool extended, byte[] data, int length, long nowMicros)
            {
                Log += Name(id, extended);
                return id == 0x7EC || extended ? 0 : -1;
            }
        }
    }
}
