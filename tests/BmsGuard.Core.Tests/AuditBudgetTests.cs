using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Denials whose pace a sender sets are written up to the budget, then counted and summed up in one chained
    /// record per kind when the window ends; records of authorised acts are never held back.
    /// </summary>
    [TestClass]
    public class AuditBudgetTests
    {
        private const long Second = 1000000;

        [TestMethod]
        public void AFloodOfDenialsWritesTheAllowanceThenOneSummaryThatTheChainVerifies()
        {
            byte[] key = AuditFixture.RandomKey();
            MemoryStorageFile file = new MemoryStorageFile(4096);
            AuditLog log = new AuditLog(file, key);
            log.Open(0);
            byte[] detail = { 0x07, 0xDF, 0x02, 0x10 };
            for (int i = 0; i < 1000; i++)
            {
                // 1,000 denied requests a second: what a TCU just under its receive budget can send.
                log.Record(Second + (i * 1000L), AuditKind.UdsDenied, 3, detail, detail.Length);
            }

            Assert.AreEqual(AuditBudget.DefaultAllowance, log.Records, "only the allowance is written");
            Assert.AreEqual(1000L - AuditBudget.DefaultAllowance, log.Budget.Suppressed(AuditKind.UdsDenied));

            log.Settle(Second + AuditBudget.DefaultWindowMicros - 1);
            Assert.AreEqual(AuditBudget.DefaultAllowance, log.Records, "the window is not over yet");

            long end = Second + AuditBudget.DefaultWindowMicros;
            log.Settle(end);
            Assert.AreEqual(AuditBudget.DefaultAllowance + 1, log.Records);

            byte[] last = LastRecord(file, key, AuditBudget.DefaultAllowance + 1);
            Assert.AreEqual(AuditKind.RecordsSuppressed, AuditRecord.Kind(last));
            Assert.AreEqual(AuditKind.UdsDenied, AuditRecord.Reason(last), "reason: the kind held back");
            Assert.AreEqual(end, AuditRecord.TimeMicros(last));
            byte[] summary = Detail(last);
            Assert.AreEqual(AuditBudget.SummaryDetailLength, summary.Length);
            Assert.AreEqual(1000u - AuditBudget.DefaultAllowance, AuditRecord.GetUInt32(summary, 0), "count");
            Assert.AreEqual(Second + (AuditBudget.DefaultAllowance * 1000L), AuditRecord.GetInt64(summary, 4), "first held back");
            Assert.AreEqual(Second + (999 * 1000L), AuditRecord.GetInt64(summary, 12), "last held back");
        }

        [TestMethod]
        public void EachKindHasItsOwnAllowanceAndAuthorisedActsAreNeverHeldBack()
        {
            AuditLog log = new AuditLog(new MemoryStorageFile(8192), AuditFixture.RandomKey());
            log.Open(0);
            byte[] detail = new byte[4];
            for (int i = 0; i < 50; i++)
            {
                log.Record(i, AuditKind.UdsDenied, 0, detail, 4);
                log.Record(i, AuditKind.CommandDenied, 0, detail, 4);
                log.Record(i, AuditKind.SecOcDenied, 0, detail, 4);
                log.Record(i, AuditKind.UdsAllowed, 0, detail, 4);
                log.Record(i, AuditKind.CommandAccepted, 0, detail, 4);
            }

            Assert.AreEqual((3 * AuditBudget.DefaultAllowance) + 100, log.Records);
            Assert.AreEqual(50L - AuditBudget.DefaultAllowance, log.Budget.Suppressed(AuditKind.CommandDenied));
            Assert.AreEqual(50L - AuditBudget.DefaultAllowance, log.Budget.Suppressed(AuditKind.SecOcDenied));
            Assert.AreEqual(0L, log.Budget.Suppressed(AuditKind.UdsAllowed));
            Assert.IsFalse(AuditBudget.Budgeted(AuditKind.CommandAccepted));
            Assert.IsFalse(AuditBudget.Budgeted(AuditKind.RecordsSuppressed));
        }

        [TestMethod]
        public void TheNextRecordAfterTheWindowComesAfterItsSummariesAndStartsAFreshAllowance()
        {
            byte[] key = AuditFixture.RandomKey();
            MemoryStorageFile file = new MemoryStorageFile(8192);
            AuditLog log = new AuditLog(file, key, null, new AuditBudget(2, 10 * Second));
            log.Open(0);
            byte[] detail = new byte[1];
            for (int i = 0; i < 5; i++)
            {
                log.Record(i * Second, AuditKind.CommandDenied, 1, detail, 1);
                log.Record(i * Second, AuditKind.UdsDenied, 1, detail, 1);
            }

            // No tick in between: the denial at 12 s writes the two summaries first, then itself.
            log.Record(12 * Second, AuditKind.UdsDenied, 1, detail, 1);
            Assert.AreEqual(4 + 2 + 1, log.Records);
            byte[] commands = LastRecord(file, key, 5);
            byte[] uds = LastRecord(file, key, 6);
            byte[] fresh = LastRecord(file, key, 7);
            Assert.AreEqual(AuditKind.RecordsSuppressed, AuditRecord.Kind(commands));
            Assert.AreEqual(AuditKind.CommandDenied, AuditRecord.Reason(commands));
            Assert.AreEqual(3u, AuditRecord.GetUInt32(Detail(commands), 0));
            Assert.AreEqual(AuditKind.UdsDenied, AuditRecord.Reason(uds));
            Assert.AreEqual(AuditKind.UdsDenied, AuditRecord.Kind(fresh), "a fresh allowance");

            log.Record(12 * Second, AuditKind.UdsDenied, 1, detail, 1);
            log.Record(12 * Second, AuditKind.UdsDenied, 1, detail, 1);
            Assert.AreEqual(8, log.Records, "two per window");
            Assert.AreEqual(4L, log.Budget.Suppressed(AuditKind.UdsDenied), "3 then 1, since boot");
        }

        [TestMethod]
        public void AClockThatGoesBackDoesNotEndTheWindowAndAQuietWindowWritesNothing()
        {
            AuditLog log = new AuditLog(new MemoryStorageFile(4096), AuditFixture.RandomKey(), null, new AuditBudget(1, Second));
            log.Open(0);
            byte[] detail = new byte[1];
            log.Record(5 * Second, AuditKind.UdsDenied, 0, detail, 1);
            log.Record(5 * Second, AuditKind.UdsDenied, 0, detail, 1);
            log.Settle(0);
            Assert.AreEqual(1, log.Records);
            log.Settle(6 * Second);
            Assert.AreEqual(2, log.Records, "the summary");

            log.Record(7 * Second, AuditKind.UdsDenied, 0, detail, 1);
            log.Settle(9 * Second);
            Assert.AreEqual(3, log.Records, "nothing held back: no summary");
        }

        [TestMethod]
        public void AnAllowanceBelowOneOrAnEmptyWindowIsRefused()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new AuditBudget(0, Second));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new AuditBudget(1, 0));
        }

        // Record number `sequence` of a verified log file.
        private static byte[] LastRecord(IStorageFile file, byte[] key, int sequence)
        {
            AuditVerifier verifier = new AuditVerifier(key);
            Assert.AreEqual(AuditProblem.None, verifier.Verify(file, 0), "the chain verifies");
            byte[] bytes = AuditFixture.Bytes(file);
            int at = 0;
            for (int s = 1; s < sequence; s++)
            {
                at += AuditRecord.Length(bytes, at);
            }

            int length = AuditRecord.Length(bytes, at);
            byte[] record = new byte[length];
            System.Array.Copy(bytes, at, record, 0, length);
            Assert.AreEqual((uint)sequence, AuditRecord.Sequence(record, 0));
            return record;
        }

        private static byte[] Detail(byte[] record)
        {
            byte[] detail = new byte[AuditRecord.DetailLength(record)];
            System.Array.Copy(record, AuditRecord.HeaderSize, detail, 0, detail.Length);
            return detail;
        }
    }
}
