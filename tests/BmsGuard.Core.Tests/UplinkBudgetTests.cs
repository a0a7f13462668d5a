using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The egress budget: a token bucket on payload bytes per hour that pauses publishing and counts the overflow.</summary>
    [TestClass]
    public class UplinkBudgetTests
    {
        private const long Minute = 60000000L;

        [TestMethod]
        public void PublishingPausesWhenTheHourlyBudgetIsSpentAndResumesAsItRefills()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            Uplink uplink = new Uplink(Policy(1000, 4096), link, null, null);
            UplinkMessages.Offer(uplink, 0, 15, 100);

            uplink.Pump(0);
            uplink.Pump(1000000);
            Assert.AreEqual(10, link.Count, "a full bucket: 1000 bytes");
            Assert.IsTrue(uplink.BudgetPaused);
            Assert.AreEqual(1L, uplink.Counters.BudgetPauses);

            uplink.Pump(30 * Minute);
            Assert.AreEqual(15, link.Count, "half an hour refills 500 bytes");
            Assert.IsFalse(uplink.BudgetPaused);
            UplinkMessages.AssertSequence(link, 0, 15, 0);

            UplinkMessages.Offer(uplink, 15, 20, 100);
            uplink.Pump(30 * Minute);
            Assert.AreEqual(15, link.Count);
            Assert.AreEqual(2L, uplink.Counters.BudgetPauses);

            // Two idle hours refill one hour's worth: the bucket never holds more.
            uplink.Pump(150 * Minute);
            uplink.Pump((150 * Minute) + 1);
            Assert.AreEqual(25, link.Count);
            UplinkMessages.AssertSequence(link, 15, 10, 15);
            Assert.AreEqual(10, uplink.Pending);
            Assert.AreEqual(2500L, uplink.Counters.PublishedBytes);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void MessagesThatOverflowTheQueueWhileTheBudgetHoldsBackAreCountedAsOverBudget()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            UplinkPolicy policy = Policy(250, 3 * (100 + Uplink.RamRecordOverhead));
            policy.Drop = UplinkDropPolicy.DropNewest;
            Uplink uplink = new Uplink(policy, link, null, null);
            UplinkMessages.Offer(uplink, 0, 3, 100);
            uplink.Pump(0);
            uplink.Pump(1000);
            Assert.AreEqual(2, link.Count);
            Assert.AreEqual(1, uplink.Pending);

            Assert.AreEqual(2, UplinkMessages.Offer(uplink, 3, 5, 100));
            Assert.AreEqual(3L, uplink.Counters.DroppedOverBudget);
            Assert.AreEqual(0L, uplink.Counters.DroppedQueueFull);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void AMessageLargerThanTheHourlyBudgetIsRefusedByThePolicy()
        {
            UplinkPolicy policy = Policy(99, 4096);
            Assert.IsNotNull(policy.Check());
            Assert.ThrowsException(typeof(System.ArgumentException), () => new Uplink(policy, new UplinkFakeTransport(), null, null));
        }

        private static UplinkPolicy Policy(long bytesPerHour, int queueBytes)
        {
            UplinkPolicy policy = new UplinkPolicy(UplinkMessages.Topics());
            policy.BytesPerHour = bytesPerHour;
            policy.MaxMessageBytes = 100;
            policy.QueueBytes = queueBytes;
            policy.Inflight = 32;
            return policy;
        }
    }
}
