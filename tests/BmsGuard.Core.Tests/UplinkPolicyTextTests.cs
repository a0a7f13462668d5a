using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The uplink policy's text form: print and parse give the same policy; errors name the line.</summary>
    [TestClass]
    public class UplinkPolicyTextTests
    {
        [TestMethod]
        public void PrintedPolicyParsesBackToTheSamePolicy()
        {
            UplinkPolicy policy = new UplinkPolicy(new string[] { "vin/1/telemetry", "vin/1/events", "vin/1/audit" });
            policy.QueueBytes = 8192;
            policy.MaxMessageBytes = 700;
            policy.SegmentBytes = 16384;
            policy.Drop = UplinkDropPolicy.DropNewest;
            policy.BytesPerHour = 2000000;
            policy.Inflight = 8;
            policy.AckTimeoutMicros = 1500000;
            policy.ReconnectMicros = 250;

            string text = UplinkPolicyText.Print(policy);
            int line;
            string error;
            UplinkPolicy parsed = UplinkPolicyText.Parse(text, out line, out error);
            Assert.IsNull(error);
            Assert.AreEqual(text, UplinkPolicyText.Print(parsed));
            Assert.AreEqual(3, parsed.Topics.Length);
            Assert.AreEqual("vin/1/audit", parsed.Topics[2]);
            Assert.AreEqual(2000000L, parsed.BytesPerHour);
            Assert.IsTrue(parsed.Drop == UplinkDropPolicy.DropNewest);
            Assert.AreEqual(1500000L, parsed.AckTimeoutMicros);
            Assert.AreEqual(250L, parsed.ReconnectMicros);
            Assert.IsTrue(text.IndexOf("ack-timeout 1500ms\n") >= 0, text);
            Assert.IsTrue(text.IndexOf("reconnect 250us\n") >= 0, text);
        }

        [TestMethod]
        public void CommentsBlankLinesAndDefaultsAreAccepted()
        {
            int line;
            string error;
            UplinkPolicy parsed = UplinkPolicyText.Parse("# uplink\n\ntopic bms/t   # index 0\nbudget none\n", out line, out error);
            Assert.IsNull(error);
            Assert.AreEqual(0L, parsed.BytesPerHour);
            Assert.AreEqual(4096, parsed.QueueBytes);
            Assert.IsTrue(parsed.Drop == UplinkDropPolicy.DropOldest);
        }

        [TestMethod]
        public void ErrorsNameTheLineAndTheReason()
        {
            Expect("topic a\nqueue 4096\nqueues 10\n", 3, "unknown setting 'queues'");
            Expect("topic a\ndrop sideways\n", 2, "drop must be 'oldest' or 'newest', not 'sideways'");
            Expect("topic a\nqueue 4096\nqueue 8192\n", 3, "'queue' given twice");
            Expect("topic a/+\n", 1, "'a/+' must be printable ASCII without spaces or wildcards");
            Expect("topic a\nbudget 500\n", 2, "budget must be 'none' or bytes per hour like '500000/h', not '500'");
            Expect("topic a\nack-timeout 5 s\n", 2, "expected '<setting> <value>', got 3 words");
            Expect("topic a\nreconnect 0s\n", 2, "reconnect must be a positive duration like 500ms or 10s, not '0s'");
            Expect("queue 4096\n", 0, "1 to 255 topics are needed");
            Expect("topic a\nqueue 100\nmax-message 512\n", 0, "queue must hold one largest message (max-message + 3 bytes)");
        }

        private static void Expect(string text, int expectedLine, string expectedError)
        {
            int line;
            string error;
            Assert.IsNull(UplinkPolicyText.Parse(text, out line, out error), text);
            Assert.AreEqual(expectedError, error);
            Assert.AreEqual(expectedLine, line, text);
        }
    }
}
