using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Uplink spill to storage segments: order across RAM and storage, segment reuse, recovery after a power cut.</summary>
    [TestClass]
    public class UplinkSpillTests
    {
        // RAM holds 4 messages of 10 bytes (13 each); a segment holds 5 (19 each): 4 + 3 x 5 = 19 in all.
        private const int Payload = 10;
        private const int SpillRecord = Payload + Uplink.SpillRecordOverhead;

        [TestMethod]
        public void MessagesBeyondRamGoToStorageAndComeBackInOrderOnceConnected()
        {
            UplinkFakeTransport link = Unreachable();
            IStorageFile[] segments = Segments();
            Uplink uplink = new Uplink(Policy(UplinkDropPolicy.DropNewest), link, null, segments);
            uplink.Pump(0);

            Assert.AreEqual(19, UplinkMessages.Offer(uplink, 0, 19, Payload));
            Assert.AreEqual(4, uplink.InRam);
            Assert.AreEqual(15, uplink.InStorage);
            Assert.AreEqual(15L, uplink.Counters.Spilled);
            Assert.AreEqual(0, UplinkMessages.Offer(uplink, 19, 1, Payload));
            Assert.AreEqual(1L, uplink.Counters.DroppedQueueFull);
            uplink.Pump(2000000);
            Assert.AreEqual(15, uplink.InStorage, "no refill during the outage: storage keeps them across a reset");

            link.Reachable = true;
            UplinkMessages.Drain(uplink, 5000000, 100);
            Assert.AreEqual(19, link.Count);
            UplinkMessages.AssertSequence(link, 0, 19, 0);
            for (int s = 0; s < segments.Length; s++)
            {
                Assert.AreEqual(0L, segments[s].Length, "segment " + s.ToString() + " given back");
            }

            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void DropOldestWithStorageEvictsOldestFirstUntilASegmentIsFree()
        {
            UplinkFakeTransport link = Unreachable();
            IStorageFile[] segments = Segments();
            Uplink uplink = new Uplink(Policy(UplinkDropPolicy.DropOldest), link, null, segments);
            uplink.Pump(0);

            // Message 19 must follow the stored ones, so it needs a free segment: RAM's 0..3 go, then
            // segment 0's 4..8; message 24 then needs segment 1: 9..13 go. Space comes back a segment at a time.
            Assert.AreEqual(25, UplinkMessages.Offer(uplink, 0, 25, Payload));
            Assert.AreEqual(14L, uplink.Counters.DroppedQueueFull);
            Assert.AreEqual(11, uplink.Pending);
            Assert.AreEqual(0, uplink.InRam);

            link.Reachable = true;
            UplinkMessages.Drain(uplink, 3000000, 100);
            Assert.AreEqual(11, link.Count);
            UplinkMessages.AssertSequence(link, 0, 11, 14);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void AfterAResetTheStoredMessagesAreRecoveredInSequenceOrderAcrossWrappedSegments()
        {
            UplinkFakeTransport link = Unreachable();
            IStorageFile[] segments = Segments();
            Uplink before = new Uplink(Policy(UplinkDropPolicy.DropOldest), link, null, segments);
            before.Pump(0);
            UplinkMessages.Offer(before, 0, 25, Payload);

            // Reset: storage holds 14..18 in segment 2, 19..23 in 0, 24 in 1 (RAM was empty).
            UplinkFakeTransport after = new UplinkFakeTransport();
            Uplink uplink = new Uplink(Policy(UplinkDropPolicy.DropOldest), after, null, segments);
            Assert.AreEqual(11L, uplink.Counters.Recovered);
            Assert.AreEqual(0L, uplink.Counters.TornRecords);

            UplinkMessages.Drain(uplink, 0, 100);
            Assert.AreEqual(11, after.Count);
            UplinkMessages.AssertSequence(after, 0, 11, 14);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void ATornLastRecordIsCutAndCountedAndTheRestIsDelivered()
        {
            UplinkFakeTransport link = Unreachable();
            IStorageFile[] segments = Segments();
            Uplink before = new Uplink(Policy(UplinkDropPolicy.DropNewest), link, null, segments);
            before.Pump(0);
            UplinkMessages.Offer(before, 0, 12, Payload);
            Assert.AreEqual(3L * SpillRecord, segments[1].Length);

            // Power cut while appending message 11: only a prefix of its record reached the flash.
            IStorageFile[] survived = new IStorageFile[]
            {
                UplinkMessages.Prefix(segments[0], segments[0].Length),
                UplinkMessages.Prefix(segments[1], (3L * SpillRecord) - 5),
                new MemoryStorageFile(64),
            };

            UplinkFakeTransport after = new UplinkFakeTransport();
            Uplink uplink = new Uplink(Policy(UplinkDropPolicy.DropNewest), after, null, survived);
            Assert.AreEqual(7L, uplink.Counters.Recovered);
            Assert.AreEqual(1L, uplink.Counters.TornRecords);
            Assert.AreEqual(2L * SpillRecord, survived[1].Length);

            UplinkMessages.Drain(uplink, 0, 100);
            Assert.AreEqual(7, after.Count);
            UplinkMessages.AssertSequence(after, 0, 7, 4);
        }

        [TestMethod]
        public void GarbageAfterTheLastRecordIsCutAndNewMessagesFollowTheRecoveredOnes()
        {
            UplinkFakeTransport link = Unreachable();
            IStorageFile[] segments = Segments();
            Uplink before = new Uplink(Policy(UplinkDropPolicy.DropNewest), link, null, segments);
            before.Pump(0);
            UplinkMessages.Offer(before, 0, 6, Payload);
            segments[0].Append(new byte[] { 0x00, 0xFF, 0x12, 0x34, 0x56, 0x78, 0x00, 0x01, 0x02, 0x03 }, 0, 10);

            UplinkFakeTransport after = Unreachable();
            Uplink uplink = new Uplink(Policy(UplinkDropPolicy.DropNewest), after, null, segments);
            Assert.AreEqual(2L, uplink.Counters.Recovered);
            Assert.AreEqual(1L, uplink.Counters.TornRecords);
            Assert.AreEqual(2L * SpillRecord, segments[0].Length);

            UplinkMessages.Offer(uplink, 100, 3, Payload);
            after.Reachable = true;
            UplinkMessages.Drain(uplink, 0, 100);
            Assert.AreEqual(5, after.Count);
            UplinkMessages.AssertSequence(after, 0, 2, 4);
            UplinkMessages.AssertSequence(after, 2, 3, 100);
            UplinkMessages.AssertAccounted(uplink);
        }

        private static UplinkFakeTransport Unreachable()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.Reachable = false;
            return link;
        }

        private static IStorageFile[] Segments()
        {
            return new IStorageFile[] { new MemoryStorageFile(128), new MemoryStorageFile(128), new MemoryStorageFile(128) };
        }

        private static UplinkPolicy Policy(UplinkDropPolicy drop)
        {
            UplinkPolicy policy = new UplinkPolicy(UplinkMessages.Topics());
            policy.QueueBytes = 4 * (Payload + Uplink.RamRecordOverhead);
            policy.MaxMessageBytes = Payload;
            policy.SegmentBytes = 100;
            policy.Drop = drop;
            return policy;
        }
    }
}
