using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The BMS's diagnostic responses pass only as answers: within 5 s of a request that was let through on the matching channel.</summary>
    [TestClass]
    public class UdsResponseGateTests
    {
        private const long S = UdsBench.Second;

        [TestMethod]
        public void NothingPassesBeforeARequestDid()
        {
            UdsBench bench = new UdsBench();
            Assert.IsFalse(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId, false, 10 * S));
            Assert.IsFalse(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId29, true, 10 * S));
        }

        [TestMethod]
        public void AnAllowedRequestOpensItsChannelForFiveSeconds()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.Allowed, bench.Single(10 * S, 0x3E, 0x00), "tester present");
            Assert.IsTrue(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId, false, 10 * S));
            Assert.IsTrue(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId, false, 15 * S));
            Assert.IsFalse(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId, false, (15 * S) + 1));

            // The other channel and other ids stay closed.
            Assert.IsFalse(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId29, true, 11 * S));
            Assert.IsFalse(bench.Inspector.AllowsResponse(0x7E8, false, 11 * S));
            Assert.IsFalse(UdsInspector.IsResponse(UdsInspector.PhysicalResponseId, true));
        }

        [TestMethod]
        public void ADeniedRequestOpensNothing()
        {
            UdsBench bench = new UdsBench();
            UdsBench.Verdict(UdsVerdict.DeniedNoWindow, bench.Single(10 * S, 0x27, 0x01), "security access outside a window");
            Assert.IsFalse(bench.Inspector.AllowsResponse(UdsInspector.PhysicalResponseId, false, 10 * S));
        }
    }
}
