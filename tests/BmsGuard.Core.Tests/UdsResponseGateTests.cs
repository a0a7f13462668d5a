using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// The BMS's diagnostic responses pass only as the answer to the request the guard let through: the
    /// right service (SID + 0x40, or 7F SID NRC), the DID asked for, once, within 5 s, and the ISO-TP
    /// transfer it starts. Padding is rewritten, so no byte rides along.
    /// </summary>
    [TestClass]
    public class UdsResponseGateTests
    {
        private const long S = UdsBench.Second;
        private const long Ms = 1000;

        [TestMethod]
        public void NothingPassesBeforeARequestDid()
        {
            UdsBench bench = new UdsBench();
            Assert.IsFalse(bench.Answer(10 * S, new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }), "tester present answer, never asked");
            Assert.IsFalse(bench.Inspector.JudgeResponse(UdsInspector.PhysicalResponseId29, true, new byte[] { 0x02, 0x7E, 0x00 }, 3, 10 * S), "29-bit");
            Assert.IsFalse(bench.Inspector.JudgeResponse(0x7E8, false, new byte[] { 0x02, 0x7E, 0x00 }, 3, 10 * S), "not a response id");
            Assert.AreEqual(2, bench.Inspector.ResponseCount(0));
        }

        [TestMethod]
        public void TesterPresentOpensNoWayForOtherData()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(10 * S, 0x3E, 0x00), "tester present");
            Assert.IsFalse(bench.Answer(10 * S, new byte[] { 0x06, 0x62, 0xF1, 0x8C, 0x42, 0x41, 0x54, 0xCC }), "the battery serial as an 'answer'");
            Assert.IsFalse(bench.Answer(10 * S, new byte[] { 0x10, 0x14, 0x62, 0xF1, 0x8C, 0x42, 0x41, 0x54 }), "the serial as a first frame");
            Assert.IsFalse(bench.Answer(10 * S, new byte[] { 0x21, 0x42, 0x41, 0x54, 0x54, 0x45, 0x52, 0x59 }), "a consecutive frame");
            Assert.IsFalse(bench.Answer(10 * S, new byte[] { 0x30, 0x42, 0x41, 0x54, 0x54, 0x45, 0x52, 0x59 }), "a flow control");
            byte[] answer = new byte[] { 0x02, 0x7E, 0x00, 0x53, 0x4E, 0x31, 0x32, 0x33 };
            Assert.IsTrue(bench.Answer(10 * S + Ms, answer), "the answer");
            Assert.AreEqual("02-7E-00-CC-CC-CC-CC-CC", Expect.Hex(answer), "padding rewritten: nothing rides along");
            Assert.IsFalse(bench.Answer(10 * S + (2 * Ms), new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }), "a second answer to one request");
        }

        [TestMethod]
        public void ReadDataByIdentifierIsAnsweredOnlyWithTheDidAskedFor()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(S, 0x22, 0xF1, 0x89), "software version");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x07, 0x62, 0xF1, 0x8C, 0x31, 0x32, 0x33, 0x34 }), "the ECU serial instead");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x07, 0x62, 0xF1, 0x90, 0x57, 0x56, 0x57, 0x5A }), "the VIN instead");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x03, 0x7F, 0x19, 0x31, 0xCC, 0xCC, 0xCC, 0xCC }), "a negative answer for another service");
            Assert.IsTrue(bench.Answer(S, new byte[] { 0x07, 0x62, 0xF1, 0x89, 0x31, 0x2E, 0x30, 0x32 }), "the version");

            UdsBench.Verdict(UdsVerdict.DeniedDid, bench.Single(2 * S, 0x22, 0xF1, 0x8C), "the serial is not on the list");
            Assert.IsFalse(bench.Answer(2 * S, new byte[] { 0x07, 0x62, 0xF1, 0x8C, 0x31, 0x32, 0x33, 0x34 }), "the BMS answers anyway");
            Assert.IsFalse(bench.Answer(2 * S, new byte[] { 0x07, 0x62, 0xF1, 0x89, 0x31, 0x2E, 0x30, 0x32 }), "the earlier request's answer shape");
        }

        [TestMethod]
        public void NegativeAnswersAndResponsePending()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(S, 0x19, 0x02, 0xFF), "read DTC information");
            Assert.IsTrue(bench.Answer(S + Ms, new byte[] { 0x03, 0x7F, 0x19, 0x78, 0xCC, 0xCC, 0xCC, 0xCC }), "response pending");
            Assert.IsTrue(bench.Answer(5 * S, new byte[] { 0x03, 0x7F, 0x19, 0x78, 0xCC, 0xCC, 0xCC, 0xCC }), "still pending, renews the 5 s");
            Assert.IsTrue(bench.Answer(9 * S, new byte[] { 0x03, 0x59, 0x02, 0xFF, 0xCC, 0xCC, 0xCC, 0xCC }), "the answer within 5 s of the last pending");
            Assert.IsFalse(bench.Answer(9 * S, new byte[] { 0x03, 0x7F, 0x19, 0x31, 0xCC, 0xCC, 0xCC, 0xCC }), "nothing after the answer");

            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(20 * S, 0x19, 0x02, 0xFF), "asked again");
            Assert.IsFalse(bench.Answer((25 * S) + 1, new byte[] { 0x03, 0x59, 0x02, 0xFF, 0xCC, 0xCC, 0xCC, 0xCC }), "too late");
        }

        [TestMethod]
        public void SegmentedAnswerPassesInSequenceAndNoFurther()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(S, 0x19, 0x02, 0xFF), "read DTC information");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x10, 0x0A, 0x62, 0xF1, 0x8C, 1, 2, 3 }), "first frame of another service");
            Assert.IsTrue(bench.Answer(S, new byte[] { 0x10, 0x0A, 0x59, 0x02, 0xFF, 1, 2, 3 }), "first frame: 10 bytes");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x22, 4, 5, 6, 7, 0xCC, 0xCC, 0xCC }), "out of sequence");
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(2 * S, 0x19, 0x02, 0xFF), "asked again");
            Assert.IsTrue(bench.Answer(2 * S, new byte[] { 0x10, 0x0A, 0x59, 0x02, 0xFF, 1, 2, 3 }), "first frame");
            byte[] last = new byte[] { 0x21, 4, 5, 6, 7, 0x53, 0x4E, 0x31 };
            Assert.IsTrue(bench.Answer(2 * S + Ms, last), "the one consecutive frame");
            Assert.AreEqual("21-04-05-06-07-CC-CC-CC", Expect.Hex(last), "padding after the 4 remaining bytes rewritten");
            Assert.IsFalse(bench.Answer(2 * S + (2 * Ms), new byte[] { 0x22, 8, 9, 10, 11, 12, 13, 14 }), "beyond the announced length");
            Assert.AreEqual(1, bench.Inspector.ResponseCount(2), "consecutive frames forwarded");
        }

        [TestMethod]
        public void BmsFlowControlPassesOnlyForASegmentedRequestLetThrough()
        {
            UdsBench bench = new UdsBench();
            byte[] flow = new byte[] { 0x30, 0x00, 0x00, 0x42, 0x41, 0x54, 0x54, 0x45 };
            Assert.IsFalse(bench.Answer(S, flow), "no request in flight");
            bench.Window.Open(0, 100 * S, false);
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Frame(UdsInspector.PhysicalId, false, S, new byte[] { 0x10, 20, 0x2E, 0xF1, 0x99, 1, 2, 3 }, 8), "write, first frame");
            Assert.IsTrue(bench.Answer(S + Ms, flow), "the BMS paces the write");
            Assert.AreEqual("30-00-00-CC-CC-CC-CC-CC", Expect.Hex(flow));
        }

        [TestMethod]
        public void DeniedRequestEndsTheEarlierOnesAnswer()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(S, 0x3E, 0x00), "tester present");
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, bench.Single(S + Ms, 0x27, 0x01), "security access outside a window");
            Assert.IsFalse(bench.Answer(S + (2 * Ms), new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }), "the tester moved on; the guard answered it");
            Assert.IsFalse(bench.Answer(S + (2 * Ms), new byte[] { 0x06, 0x67, 0x01, 0x11, 0x22, 0x33, 0x44, 0xCC }), "a seed the BMS was never asked for");
        }

        [TestMethod]
        public void ChannelsAreSeparate()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Frame(UdsInspector.PhysicalId29, true, S, UdsBench.SingleFrame(new byte[] { 0x3E, 0x00 }), 8), "29-bit tester present");
            Assert.IsFalse(bench.Answer(S, new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }), "11-bit answer");
            Assert.IsTrue(bench.Inspector.JudgeResponse(UdsInspector.PhysicalResponseId29, true, new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }, 8, S), "29-bit answer");
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Frame(UdsInspector.FunctionalId, false, 2 * S, UdsBench.SingleFrame(new byte[] { 0x3E, 0x00 }), 8), "functional tester present");
            Assert.IsTrue(bench.Answer(2 * S, new byte[] { 0x02, 0x7E, 0x00, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC }), "answered on 0x7EC");
        }
    }
}
