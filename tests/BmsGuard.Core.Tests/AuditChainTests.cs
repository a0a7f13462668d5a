using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The audit chain verifies as written and names each kind of tampering with its offset and sequence.</summary>
    [TestClass]
    public class AuditChainTests
    {
        private const int Count = 10;

        [TestMethod]
        public void WrittenChainVerifies()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.None, v.Verify(file, Count));
            Assert.AreEqual(Count, v.Records);
            Assert.AreEqual((uint)Count, v.LastSequence);
            Assert.AreEqual(-1L, v.TornTailOffset);
            Assert.AreEqual(0, v.Breaks);
        }

        [TestMethod]
        public void RecordLayoutIsAsDocumented()
        {
            byte[] key = AuditFixture.RandomKey();
            MemoryStorageFile file = new MemoryStorageFile(256);
            AuditLog log = new AuditLog(file, key);
            log.Open(0);
            log.Record(0x0102030405060708L, AuditKind.UdsDenied, 0x1234, new byte[] { 0xAA, 0xBB, 0xCC }, 3);
            byte[] b = AuditFixture.Bytes(file);
            Assert.AreEqual(37, b.Length);
            Expect.Bytes(
                new byte[] { 0x00, 0x25, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 10, 0x12, 0x34, 3, 0xAA, 0xBB, 0xCC },
                AuditFixture.Slice(file, 0, 21),
                "header and detail");

            // tag = HMAC(key, genesis || bytes before the tag)[0..16], genesis = HMAC(key, label)[0..16].
            byte[] label = new byte[AuditRecord.GenesisLabel.Length];
            for (int i = 0; i < label.Length; i++)
            {
                label[i] = (byte)AuditRecord.GenesisLabel[i];
            }

            byte[] genesis = Crypto.HmacSha256.Mac(key, label);
            byte[] input = new byte[16 + 21];
            System.Array.Copy(genesis, input, 16);
            System.Array.Copy(b, 0, input, 16, 21);
            byte[] tag = Crypto.HmacSha256.Mac(key, input);
            byte[] expected = new byte[16];
            System.Array.Copy(tag, expected, 16);
            Expect.Bytes(expected, AuditFixture.Slice(file, 21, 37), "tag");
        }

        [TestMethod]
        public void WrongKeyFailsAtTheFirstRecord()
        {
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(AuditFixture.RandomKey(), Count, out at);
            AuditVerifier v = new AuditVerifier(AuditFixture.RandomKey());
            ExpectProblem(AuditProblem.Edited, v.Verify(file, 0));
            Assert.AreEqual(0L, v.FirstProblemOffset);
            Assert.AreEqual(1u, v.ExpectedSequence);
            Assert.AreEqual(0, v.Records);
        }

        [TestMethod]
        public void EditedByteIsFoundAtItsRecord()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);

            // Every byte of record 4 (length, header, detail, tag), changed by one bit, is caught there.
            for (long o = at[4]; o < at[5]; o++)
            {
                byte[] bytes = AuditFixture.Bytes(file);
                bytes[o] ^= 0x01;
                AuditVerifier v = new AuditVerifier(key);
                int problem = v.Verify(AuditFixture.File(bytes, bytes.Length), 0);
                Assert.AreEqual(at[4], v.FirstProblemOffset, "flipped byte at " + o.ToString());
                Assert.AreEqual(4u, v.ExpectedSequence, "flipped byte at " + o.ToString());
                Assert.IsTrue(problem != AuditProblem.None && problem != AuditProblem.TornTail, "flipped byte at " + o.ToString());
                // Past the length and sequence fields, only the detail length field is framing (malformed).
                if (o >= at[4] + AuditRecord.TimeOffset && o != at[4] + AuditRecord.DetailLengthOffset)
                {
                    ExpectProblem(AuditProblem.Edited, problem);
                }
            }
        }

        [TestMethod]
        public void DeletedRecordIsASequenceGap()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.Deleted, v.Verify(AuditFixture.Splice(file, at[4], new byte[0], at[5]), 0));
            Assert.AreEqual(at[4], v.FirstProblemOffset);
            Assert.AreEqual(4u, v.ExpectedSequence);
            Assert.AreEqual(5u, v.FoundSequence);
            Assert.AreEqual(3, v.Records);
        }

        [TestMethod]
        public void ReplayedRecordIsAnInsertion()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            byte[] first = AuditFixture.Slice(file, at[1], at[2]);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.Inserted, v.Verify(AuditFixture.Splice(file, at[5], first, at[5]), 0));
            Assert.AreEqual(at[5], v.FirstProblemOffset);
            Assert.AreEqual(5u, v.ExpectedSequence);
            Assert.AreEqual(1u, v.FoundSequence);
        }

        [TestMethod]
        public void ForgedRecordWithTheNextSequenceIsAnInsertion()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);

            // Without the key a forger can copy the framing but not the tag.
            byte[] forged = new byte[AuditRecord.MinLength];
            AuditRecord.Encode(forged, 5, 4500, AuditKind.CommandAccepted, 0, new byte[0], 0);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.Inserted, v.Verify(AuditFixture.Splice(file, at[5], forged, at[5]), 0));
            Assert.AreEqual(at[5], v.FirstProblemOffset);
            Assert.AreEqual(5u, v.FoundSequence);

            // Appended at the end with the next sequence it is caught as well (nothing follows it: an edit).
            AuditRecord.Encode(forged, Count + 1, 99000, AuditKind.CommandAccepted, 0, new byte[0], 0);
            ExpectProblem(AuditProblem.Edited, v.Verify(AuditFixture.Splice(file, at[Count + 1], forged, at[Count + 1]), 0));
            Assert.AreEqual(at[Count + 1], v.FirstProblemOffset);
        }

        [TestMethod]
        public void SwappedRecordsAreReordered()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            byte[] third = AuditFixture.Slice(file, at[3], at[4]);
            byte[] fourth = AuditFixture.Slice(file, at[4], at[5]);
            byte[] swapped = new byte[third.Length + fourth.Length];
            System.Array.Copy(fourth, swapped, fourth.Length);
            System.Array.Copy(third, 0, swapped, fourth.Length, third.Length);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.Reordered, v.Verify(AuditFixture.Splice(file, at[3], swapped, at[5]), 0));
            Assert.AreEqual(at[3], v.FirstProblemOffset);
            Assert.AreEqual(3u, v.ExpectedSequence);
            Assert.AreEqual(4u, v.FoundSequence);
        }

        [TestMethod]
        public void WholeRecordsCutOffTheEndNeedTheExpectedSequence()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            file.Truncate(at[Count - 1]);
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.None, v.Verify(file, 0));
            ExpectProblem(AuditProblem.None, v.Verify(file, Count - 2));
            ExpectProblem(AuditProblem.Truncated, v.Verify(file, Count));
            Assert.AreEqual(at[Count - 1], v.FirstProblemOffset);
            Assert.AreEqual((uint)Count, v.ExpectedSequence);
            Assert.AreEqual((uint)(Count - 2), v.FoundSequence);
        }

        [TestMethod]
        public void OverwrittenLengthFieldIsMalformed()
        {
            byte[] key = AuditFixture.RandomKey();
            long[] at;
            MemoryStorageFile file = AuditFixture.Build(key, Count, out at);
            byte[] bytes = AuditFixture.Bytes(file);
            bytes[at[6]] = 0xFF;
            AuditVerifier v = new AuditVerifier(key);
            ExpectProblem(AuditProblem.Malformed, v.Verify(AuditFixture.File(bytes, bytes.Length), 0));
            Assert.AreEqual(at[6], v.FirstProblemOffset);
            Assert.AreEqual(5, v.Records);
        }

        internal static void ExpectProblem(int expected, int actual)
        {
            Assert.AreEqual(AuditProblem.Name(expected), AuditProblem.Name(actual));
        }
    }
}
