using BmsGuard.Core.Audit;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Uplink queue semantics in RAM over a scripted transport: order, window, drops, at-least-once, audit.</summary>
    [TestClass]
    public class UplinkQueueTests
    {
        [TestMethod]
        public void PublishesInOrderWithinTheWindowAndRemovesOnlyFromTheAcknowledgedHead()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.AutoAck = false;
            Uplink uplink = new Uplink(new UplinkPolicy(UplinkMessages.Topics()), link, null, null);
            UplinkMessages.Offer(uplink, 0, 10, 8);

            uplink.Pump(0);
            uplink.Pump(1000);
            Assert.AreEqual(4, link.Count);
            UplinkMessages.AssertSequence(link, 0, 4, 0);
            Assert.AreEqual("bms/telemetry", link.TopicAt(0));

            link.Ack(1);
            uplink.Pump(2000);
            Assert.AreEqual(4, link.Count, "the head is not acknowledged: nothing leaves");
            Assert.AreEqual(0L, uplink.Counters.Acknowledged);

            link.Ack(0);
            uplink.Pump(3000);
            Assert.AreEqual(2L, uplink.Counters.Acknowledged);
            Assert.AreEqual(6, link.Count);
            UplinkMessages.AssertSequence(link, 4, 2, 4);
            Assert.AreEqual(8, uplink.Pending);
            Assert.AreEqual(4, uplink.InFlight);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void DropNewestKeepsTheFirstMessagesAndCountsEveryRefusal()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.Reachable = false;
            Uplink uplink = new Uplink(Small(UplinkDropPolicy.DropNewest), link, null, null);
            uplink.Pump(0);

            // 100 bytes hold 7 records of 10 + 3 bytes.
            Assert.AreEqual(7, UplinkMessages.Offer(uplink, 0, 20, 10));
            Assert.AreEqual(13L, uplink.Counters.DroppedQueueFull);
            Assert.AreEqual(0L, uplink.Counters.DroppedOverBudget);

            link.Reachable = true;
            UplinkMessages.Drain(uplink, 3000000, 50);
            Assert.AreEqual(7, link.Count);
            UplinkMessages.AssertSequence(link, 0, 7, 0);
            Assert.AreEqual(7L, uplink.Counters.Acknowledged);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void DropOldestKeepsTheNewestMessagesAndCountsEveryEviction()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.Reachable = false;
            Uplink uplink = new Uplink(Small(UplinkDropPolicy.DropOldest), link, null, null);
            uplink.Pump(0);

            Assert.AreEqual(20, UplinkMessages.Offer(uplink, 0, 20, 10));
            Assert.AreEqual(13L, uplink.Counters.DroppedQueueFull);
            Assert.AreEqual(7, uplink.Pending);

            link.Reachable = true;
            UplinkMessages.Drain(uplink, 3000000, 50);
            Assert.AreEqual(7, link.Count);
            UplinkMessages.AssertSequence(link, 0, 7, 13);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void OversizedPayloadsAndUnknownTopicsAreCountedAsTooLarge()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            Uplink uplink = new Uplink(Small(UplinkDropPolicy.DropOldest), link, null, null);

            Assert.IsFalse(uplink.Enqueue(0, new byte[11], 0, 11));
            Assert.IsFalse(uplink.Enqueue(2, new byte[4], 0, 4));
            Assert.IsFalse(uplink.Enqueue(-1, new byte[4], 0, 4));
            Assert.IsTrue(uplink.Enqueue(1, new byte[10], 0, 10));
            Assert.AreEqual(3L, uplink.Counters.DroppedTooLarge);
            Assert.AreEqual(1, uplink.Pending);
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void UnacknowledgedMessagesArePublishedAgainAfterReconnectingAndNeverLost()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.AutoAck = false;
            SecOcAuditLog audit = new SecOcAuditLog();
            Uplink uplink = new Uplink(new UplinkPolicy(UplinkMessages.Topics()), link, audit, null);
            UplinkMessages.Offer(uplink, 0, 6, 8);
            uplink.Pump(0);
            Assert.AreEqual(4, link.Count);

            link.Cut();
            uplink.Pump(1000);
            Assert.AreEqual(1L, uplink.Counters.Disconnects);
            Assert.AreEqual(1, link.ConnectAttempts, "no new attempt before the reconnect interval");
            Assert.AreEqual(6, uplink.Pending);

            uplink.Pump(2000000);
            Assert.AreEqual(2L, uplink.Counters.Connects);
            Assert.AreEqual(8, link.Count);
            UplinkMessages.AssertSequence(link, 4, 4, 0);
            Assert.AreEqual(4L, uplink.Counters.Resent);
            Assert.AreEqual(UplinkAudit.Resend, audit.LastReason);

            for (int i = 4; i < 8; i++)
            {
                link.Ack(i);
            }

            uplink.Pump(2001000);
            Assert.AreEqual(4L, uplink.Counters.Acknowledged);
            Assert.AreEqual(10, link.Count);
            UplinkMessages.AssertSequence(link, 8, 2, 4);
            Assert.AreEqual(4L, uplink.Counters.Resent, "first sends after the resent ones are not resends");
            Assert.AreEqual(UplinkAudit.FirstSend, audit.LastReason);
            Assert.AreEqual(10, audit.Count(AuditKind.Publish));
            UplinkMessages.AssertAccounted(uplink);
        }

        [TestMethod]
        public void AMissingAcknowledgementRepublishesAfterTheAckTimeout()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.AutoAck = false;
            UplinkPolicy policy = new UplinkPolicy(UplinkMessages.Topics());
            policy.AckTimeoutMicros = 1000000;
            Uplink uplink = new Uplink(policy, link, null, null);
            UplinkMessages.Offer(uplink, 0, 2, 8);

            uplink.Pump(0);
            uplink.Pump(999999);
            Assert.AreEqual(2, link.Count);
            Assert.AreEqual(0L, uplink.Counters.AckTimeouts);

            uplink.Pump(1000000);
            Assert.AreEqual(1L, uplink.Counters.AckTimeouts);
            Assert.AreEqual(4, link.Count);
            UplinkMessages.AssertSequence(link, 2, 2, 0);
            Assert.AreEqual(2L, uplink.Counters.Resent);
        }

        [TestMethod]
        public void WhenThePumpDoesNotConnectReconnectDoesAtTheSameIntervalAndThePumpPublishesAfter()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.Reachable = false;
            Uplink uplink = new Uplink(new UplinkPolicy(UplinkMessages.Topics()), link, null, null);
            uplink.PumpConnects = false;
            UplinkMessages.Offer(uplink, 0, 2, 8);

            uplink.Pump(0);
            uplink.Pump(5000000);
            Assert.AreEqual(0, link.ConnectAttempts, "the pump leaves the attempts to Reconnect");
            Assert.AreEqual(2, link.ServiceCalls, "but still services the link");

            uplink.Reconnect(0);
            uplink.Reconnect(1999999);
            Assert.AreEqual(1, link.ConnectAttempts);
            link.Reachable = true;
            uplink.Reconnect(2000000);
            Assert.AreEqual(2, link.ConnectAttempts);
            uplink.Reconnect(9000000);
            Assert.AreEqual(2, link.ConnectAttempts, "no attempt while connected");

            uplink.Pump(2000001);
            Assert.AreEqual(1L, uplink.Counters.Connects);
            Assert.AreEqual(2, link.Count, "the session the reconnect opened carries the queue");
        }

        [TestMethod]
        public void ConnectionAttemptsKeepTheReconnectIntervalAndServiceRunsEveryPump()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            link.Reachable = false;
            Uplink uplink = new Uplink(new UplinkPolicy(UplinkMessages.Topics()), link, null, null);

            uplink.Pump(0);
            uplink.Pump(1999999);
            Assert.AreEqual(1, link.ConnectAttempts);
            uplink.Pump(2000000);
            Assert.AreEqual(2, link.ConnectAttempts);
            Assert.AreEqual(3, link.ServiceCalls);
            Assert.AreEqual(0L, uplink.Counters.Connects);
        }

        [TestMethod]
        public void EveryPublishIsAuditedWithTopicDigestSizeAndPayloadDigest()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            SecOcAuditLog audit = new SecOcAuditLog();
            Uplink uplink = new Uplink(new UplinkPolicy(UplinkMessages.Topics()), link, audit, null);
            byte[] payload = UplinkMessages.Numbered(77, 300);
            uplink.Enqueue(1, payload, 0, 300);

            uplink.Pump(123456789);

            Assert.AreEqual(1, audit.Count(AuditKind.Publish));
            Assert.AreEqual(123456789L, audit.LastTime);
            Assert.AreEqual(UplinkAudit.DetailBytes, audit.LastDetail.Length);
            byte[] topicHash = Sha256.Hash(UplinkAudit.Ascii("bms/events"));
            byte[] payloadHash = Sha256.Hash(payload);
            for (int i = 0; i < UplinkAudit.TopicDigestBytes; i++)
            {
                Assert.AreEqual(topicHash[i], audit.LastDetail[i]);
            }

            Assert.AreEqual((byte)0, audit.LastDetail[8]);
            Assert.AreEqual((byte)0, audit.LastDetail[9]);
            Assert.AreEqual((byte)1, audit.LastDetail[10]);
            Assert.AreEqual((byte)44, audit.LastDetail[11]);
            for (int i = 0; i < UplinkAudit.PayloadDigestBytes; i++)
            {
                Assert.AreEqual(payloadHash[i], audit.LastDetail[12 + i]);
            }
        }

        [TestMethod]
        public void PayloadsSurviveTheRingWrappingAround()
        {
            UplinkFakeTransport link = new UplinkFakeTransport();
            UplinkPolicy policy = new UplinkPolicy(UplinkMessages.Topics());
            policy.QueueBytes = 50;
            policy.MaxMessageBytes = 20;
            Uplink uplink = new Uplink(policy, link, null, null);
            long now = 0;
            for (int round = 0; round < 40; round++)
            {
                int length = 4 + (round % 17);
                Assert.IsTrue(uplink.Enqueue(0, UplinkMessages.Numbered(round, length), 0, length));
                now = UplinkMessages.Drain(uplink, now, 10);
            }

            Assert.AreEqual(40, link.Count);
            UplinkMessages.AssertSequence(link, 0, 40, 0);
            for (int round = 0; round < 40; round++)
            {
                Assert.AreEqual(4 + (round % 17), link.LengthAt(round));
            }
        }

        private static UplinkPolicy Small(UplinkDropPolicy drop)
        {
            UplinkPolicy policy = new UplinkPolicy(UplinkMessages.Topics());
            policy.QueueBytes = 100;
            policy.MaxMessageBytes = 10;
            policy.Drop = drop;
            return policy;
        }
    }
}
