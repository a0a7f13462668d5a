using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Opening the audit log on boot: continue, cut a torn tail, keep a broken chain as evidence.</summary>
    [TestClass]
    public class AuditRecoveryTests
    {
        private const int Count = 6;

        [TestMethod]
        public void ReopenedLogContinuesTheChain()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            AuditLog log = new AuditLog(file, key);
            AuditChainTests.ExpectProblem(AuditProblem.None, log.Open(99));
            Assert.AreEqual((uint)Count, log.LastSequence);
            Assert.AreEqual(Count, log.Records);
            log.Record(100, AuditKind.Boot, 0, new byte[0], 0);
            Assert.AreEqual(at[Count + 1] + AuditRecord.MinLength, file.Length);

            AuditVerifier v = new AuditVerifier(key);
            AuditChainTests.ExpectProblem(AuditProblem.None, v.Verify(file, Count + 1));
            byte[] head = new byte[16];
            byte[] verifiedHead = new byte[16];
            log.CopyHeadTag(head, 0);
            v.CopyHeadTag(verifiedHead, 0);
            Expect.Bytes(head, verifiedHead, "head tag");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfTheLastAppendLosesOnlyThatRecord()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile full = AuditFixture.Build(key, Count, out at);
            byte[] bytes = AuditFixture.Bytes(full);
            long lastStart = at[Count];
            for (int kept = 1; kept < at[Count + 1] - lastStart; kept++)
            {
                string context = "kept " + kept.ToString() + " bytes of the last append";
                MemoryStorageFile file = AuditFixture.File(bytes, (int)lastStart + kept);

                // Before recovery the verifier accepts the log and warns about the tail.
                AuditVerifier v = new AuditVerifier(key);
                AuditChainTests.ExpectProblem(AuditProblem.None, v.Verify(file, 0));
                Assert.AreEqual(lastStart, v.TornTailOffset, context);
                Assert.AreEqual((long)kept, v.TornTailBytes, context);

                AuditLog log = new AuditLog(file, key);
                AuditChainTests.ExpectProblem(AuditProblem.TornTail, log.Open(5000));
                Assert.AreEqual(1, log.TornTailsCut, context);
                Expect.Bytes(AuditFixture.Slice(full, 0, lastStart), AuditFixture.Slice(file, 0, lastStart), context);

                // The recovery record replaced the torn one: same sequence, kind log-recovered, detail names the cut.
                Assert.AreEqual(lastStart + AuditScanner.MarkerLength, file.Length, context);
                byte[] marker = AuditFixture.Slice(file, lastStart, file.Length);
                Assert.AreEqual((uint)Count, AuditRecord.Sequence(marker, 0), context);
                Assert.AreEqual(AuditKind.LogRecovered, AuditRecord.Kind(marker), context);
                Assert.AreEqual(AuditProblem.TornTail, AuditRecord.Reason(marker), context);
                Assert.AreEqual((uint)lastStart, AuditRecord.GetUInt32(marker, AuditRecord.HeaderSize), context);
                Assert.AreEqual((uint)kept, AuditRecord.GetUInt32(marker, AuditRecord.HeaderSize + 8), context);

                log.Record(6000, AuditKind.Boot, 0, new byte[0], 0);
                AuditChainTests.ExpectProblem(AuditProblem.None, v.Verify(file, Count + 1));
                Assert.AreEqual(-1L, v.TornTailOffset, context);
                Assert.AreEqual(Count + 1, v.Records, context);
            }
        }

        [TestMethod]
        public void BrokenChainIsKeptAndMarkedAndNewRecordsVerifyAfterTheMarker()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            byte[] bytes = AuditFixture.Bytes(file);
            bytes[at[3] + AuditRecord.HeaderSize] ^= 0x40;
            MemoryStorageFile edited = AuditFixture.File(bytes, bytes.Length);

            AuditLog log = new AuditLog(edited, key);
            AuditChainTests.ExpectProblem(AuditProblem.Edited, log.Open(7000));
            Assert.AreEqual(1, log.ChainBreaks);
            Assert.AreEqual(0, log.TornTailsCut);
            Expect.Bytes(bytes, AuditFixture.Slice(edited, 0, bytes.Length), "evidence kept byte for byte");

            // The marker is numbered past the highest sequence in the broken region.
            byte[] marker = AuditFixture.Slice(edited, bytes.Length, edited.Length);
            Assert.AreEqual((uint)(Count + 1), AuditRecord.Sequence(marker, 0));
            Assert.AreEqual(AuditKind.LogRecovered, AuditRecord.Kind(marker));
            Assert.AreEqual(AuditProblem.Edited, AuditRecord.Reason(marker));
            Assert.AreEqual((uint)bytes.Length, AuditRecord.GetUInt32(marker, AuditRecord.HeaderSize));
            Assert.AreEqual((uint)at[3], AuditRecord.GetUInt32(marker, AuditRecord.HeaderSize + 4));
            log.Record(8000, AuditKind.Boot, 0, new byte[0], 0);
            log.Record(8001, AuditKind.UdsAllowed, 0, new byte[0], 0);

            AuditVerifier v = new AuditVerifier(key);
            AuditChainTests.ExpectProblem(AuditProblem.Edited, v.Verify(edited, 0));
            Assert.AreEqual(at[3], v.FirstProblemOffset);
            Assert.AreEqual(3u, v.ExpectedSequence);
            Assert.AreEqual(1, v.Breaks);
            Assert.AreEqual(1, v.Resumptions);
            Assert.AreEqual(2 + 1 + 2, v.Records);
            Assert.AreEqual((uint)(Count + 3), v.LastSequence);

            // A second boot finds the break already marked: nothing new is appended, the chain continues.
            long length = edited.Length;
            AuditLog again = new AuditLog(edited, key);
            AuditChainTests.ExpectProblem(AuditProblem.None, again.Open(9000));
            Assert.AreEqual(length, edited.Length);
            Assert.AreEqual(1, again.ChainBreaks);
            Assert.AreEqual((uint)(Count + 3), again.LastSequence);
        }

        [TestMethod]
        public void MarkerMovedElsewhereDoesNotResumeTheChain()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            file.Truncate(at[Count]);
            byte[] bytes = AuditFixture.Bytes(file);
            bytes[at[2] + AuditRecord.HeaderSize] ^= 0x01;
            MemoryStorageFile edited = AuditFixture.File(bytes, bytes.Length);
            new AuditLog(edited, key).Open(1);
            long markerAt = bytes.Length;
            byte[] marker = AuditFixture.Slice(edited, markerAt, edited.Length);

            // The same marker bytes one byte later: its own-offset field no longer matches, so it is not trusted.
            MemoryStorageFile moved = AuditFixture.Splice(edited, markerAt, new byte[] { 0 }, markerAt);
            AuditVerifier v = new AuditVerifier(key);
            v.Verify(moved, 0);
            Assert.AreEqual(0, v.Resumptions);
            Assert.AreEqual(1, v.Records);
            v.Verify(edited, 0);
            Assert.AreEqual(1, v.Resumptions);
            Assert.AreEqual(AuditScanner.MarkerLength, marker.Length);
        }

        [TestMethod]
        public void EmptyLogOpensCleanAndStartsAtSequenceOne()
        {
            byte[] key = AuditFixture.RandomKey();
            MemoryStorageFile file = new MemoryStorageFile(64);
            AuditLog log = new AuditLog(file, key);
            AuditChainTests.ExpectProblem(AuditProblem.None, log.Open(0));
            Assert.AreEqual(0u, log.LastSequence);
            Assert.AreEqual(0L, file.Length);
            log.Record(1, AuditKind.Boot, 0, new byte[100], 100);
            Assert.AreEqual((long)AuditRecord.MaxLength, file.Length);
            Assert.AreEqual(1u, AuditRecord.Sequence(AuditFixture.Bytes(file), 0));
        }
    }
}
