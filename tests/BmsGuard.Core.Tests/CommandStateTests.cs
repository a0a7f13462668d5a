using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Storage;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Anti-replay across reboots: counters persist in A/B files; rolled-back storage fails closed; torn writes survive.</summary>
    [TestClass]
    public class CommandStateTests
    {
        private const int Owner = CommandFixture.Owner;
        private const int Fleet = CommandFixture.Fleet;

        [TestMethod]
        public void CountersSurviveAReboot()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "before reboot");
            f.Reboot();
            Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "replayed after reboot");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner)), "next counter");
        }

        [TestMethod]
        public void RestoredOldFilesAreARollback()
        {
            CommandFixture f = CommandFixture.Provisioned();
            MemoryStorageFile oldA = CommandFixture.Copy(f.A);
            MemoryStorageFile oldB = CommandFixture.Copy(f.B);
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "accepted, counter persisted");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner)), "and another");

            // The attacker restores the storage image taken before, hoping to replay e.
            f.A = oldA;
            f.B = oldB;
            f.Reboot();
            Assert.AreEqual(StateLoad.RollbackDetected, f.Guard.LoadResult);
            Assert.AreEqual(AuditKind.RollbackDetected, f.Audit.LastKind);
            Assert.IsFalse(f.Guard.IsProvisioned);
            CommandExpect.Verdict(CommandVerdict.RollbackDetected, f.Submit(e), "the replay");
            CommandExpect.Verdict(CommandVerdict.RollbackDetected, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner)), "even a fresh envelope");
            CommandExpect.Verdict(CommandVerdict.RollbackDetected, f.Guard.ProvisionOwner(9, CommandFixture.NewSecret()), "no local re-provisioning over a rolled-back image");
            Assert.AreEqual(2u, f.Guard.Count(CommandVerdict.RollbackDetected));
        }

        [TestMethod]
        public void RestoringOneOlderFileIsARollback()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner));
            Assert.AreEqual(5u, f.Store.Generation, "four provisionings and one command");
            MemoryStorageFile oldA = CommandFixture.Copy(f.A);
            f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner));
            f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner));

            // Only file A goes back (to generation 5); B keeps generation 6, the anchor says 7.
            f.A = oldA;
            f.Reboot();
            Assert.AreEqual(StateLoad.RollbackDetected, f.Guard.LoadResult);
        }

        [TestMethod]
        public void WipedStorageWithARaisedAnchorIsARollback()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.A = new MemoryStorageFile(16);
            f.B = new MemoryStorageFile(16);
            f.Reboot();
            Assert.AreEqual(StateLoad.RollbackDetected, f.Guard.LoadResult);
            CommandExpect.Verdict(CommandVerdict.RollbackDetected, f.Guard.ProvisionOwner(Owner, f.Secret(Owner)), "a wiped board is not a new board");
        }

        [TestMethod]
        public void NewBoardIsEmptyNotRolledBack()
        {
            CommandFixture f = new CommandFixture();
            Assert.AreEqual(StateLoad.Empty, f.Guard.LoadResult);
            Assert.AreEqual(0, f.Audit.Count, "nothing to report");
        }

        [TestMethod]
        public void TornWriteLeavesThePreviousGenerationValid()
        {
            CommandFixture f = CommandFixture.Provisioned();
            CommandTornFile a = new CommandTornFile(CommandFixture.Copy(f.A));
            CommandTornFile b = new CommandTornFile(CommandFixture.Copy(f.B));
            f.A = a;
            f.B = b;
            f.Reboot();
            Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);

            // The power fails while the next record is being written, 100 bytes in.
            a.CutAfter = 100;
            b.CutAfter = 100;
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            CommandExpect.Verdict(CommandVerdict.StateWriteFailed, f.Submit(e), "write interrupted");
            Assert.IsTrue(a.Length == 100 || b.Length == 100, "one file holds a torn record");

            a.CutAfter = -1;
            b.CutAfter = -1;
            f.Reboot();
            Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "the envelope was never executed, so it is still good");
            f.Reboot();
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "and now it is spent");
        }

        [TestMethod]
        public void FailedWriteChangesNothing()
        {
            CommandFixture f = CommandFixture.Provisioned();
            CommandTornFile a = new CommandTornFile(CommandFixture.Copy(f.A));
            CommandTornFile b = new CommandTornFile(CommandFixture.Copy(f.B));
            f.A = a;
            f.B = b;
            f.Reboot();
            a.CutAfter = 0;
            b.CutAfter = 0;
            f.AddSigner(20, Role.Workshop);
            byte[] provision = f.ProvisionEnvelope(Owner, 20);
            CommandExpect.Verdict(CommandVerdict.StateWriteFailed, f.Submit(provision), "storage refuses");
            Assert.AreEqual(0, f.Guard.Accepted.Type);
            Assert.AreEqual(-1, f.Keys.Find(20), "the key was not installed in RAM either");
            a.CutAfter = -1;
            b.CutAfter = -1;
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(provision), "retried once storage works");
            Assert.IsTrue(f.Keys.Find(20) >= 0);
        }

        [TestMethod]
        public void TamperedRecordIsIgnored()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner));
            uint generation = f.Store.Generation;

            // Flip a counter bit in whichever file holds the newest record: its HMAC no longer verifies,
            // the other file is one generation behind the anchor.
            IStorageFile newest = generation % 2 == 1 ? f.A : f.B;
            byte[] bytes = new byte[(int)newest.Length];
            newest.Read(0, bytes, 0, bytes.Length);
            bytes[8 + 4] ^= 0x01;
            newest.Truncate(0);
            newest.Append(bytes, 0, bytes.Length);
            f.Reboot();
            Assert.AreEqual(StateLoad.RollbackDetected, f.Guard.LoadResult);
        }

        [TestMethod]
        public void AnchorLaggingBehindAfterAPowerCutIsCaughtUp()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint generation = f.Store.Generation;
            f.Anchor = new MemoryMonotonicAnchor(generation - 1);
            f.Reboot();
            Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);
            Assert.AreEqual(generation, f.Anchor.Read());
        }

        [TestMethod]
        public void SavesAlternateBetweenTheFiles()
        {
            CommandFixture f = new CommandFixture();
            f.Guard.ProvisionOwner(Owner, f.Secret(Owner));
            Assert.AreEqual(1u, f.Store.Generation);
            Assert.AreEqual((long)GuardStateStore.RecordSize, f.A.Length);
            Assert.AreEqual(0L, f.B.Length);
            f.ProvisionOverTheAir(Owner, Fleet);
            Assert.AreEqual(2u, f.Store.Generation);
            Assert.AreEqual((long)GuardStateStore.RecordSize, f.B.Length);
            Assert.AreEqual(2u, f.Anchor.Read());
        }
    }
}
