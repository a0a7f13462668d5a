using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// Revoked keys give up their slots to new keys while their ids stay burnt for good, across reboots:
    /// a guard can rotate through far more than 16 keys in its life.
    /// </summary>
    [TestClass]
    public class KeyRingReuseTests
    {
        private const int Owner = CommandFixture.Owner;

        [TestMethod]
        public void RevokedKeysFreeTheirSlotsAndTheirIdsStayBurnt()
        {
            CommandFixture f = CommandFixture.Provisioned();
            int next = 100;
            while (f.Keys.Count < KeyRing.Capacity)
            {
                f.AddSigner(next, Role.Workshop);
                f.ProvisionOverTheAir(Owner, next++);
            }

            // One slot goes to the list of retired ids: the first reuse needs two revoked keys.
            int revoked = 100;
            Revoke(f, revoked++);
            f.AddSigner(999, Role.Workshop);
            CommandExpect.Verdict(CommandVerdict.KeyRingFull, f.Submit(f.ProvisionEnvelope(Owner, 999)), "one revoked key frees no slot");

            // 40 rounds of revoking the oldest workshop key and provisioning a new one into a full ring. A list
            // holds 17 ids, so every 17th or so round needs one key more revoked (a new list takes a slot).
            int extra = 0;
            for (int round = 0; round < 40; round++)
            {
                Revoke(f, revoked++);
                f.AddSigner(next, Role.Workshop);
                int verdict = f.Submit(f.ProvisionEnvelope(Owner, next));
                if (verdict == CommandVerdict.KeyRingFull)
                {
                    extra++;
                    Revoke(f, revoked++);
                    verdict = f.Submit(f.ProvisionEnvelope(Owner, next));
                }

                CommandExpect.Verdict(CommandVerdict.Accepted, verdict, "key " + next.ToString() + " into a full ring");
                next++;
                if (round % 8 == 7)
                {
                    f.Reboot();
                    Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);
                }
            }

            Assert.IsTrue(extra >= 1 && extra <= 3, "extra revocations: " + extra.ToString());
            Assert.AreEqual(KeyRing.Capacity, f.Keys.Count);
            f.Reboot();
            Assert.AreEqual(StateLoad.Loaded, f.Guard.LoadResult);
            for (int id = 100; id < revoked; id++)
            {
                // Every revoked id is still known: not usable to sign, not reusable for a new key.
                CommandExpect.Verdict(CommandVerdict.RevokedKey, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, id)), "revoked " + id.ToString());
                CommandExpect.Verdict(CommandVerdict.KeyIdInUse, f.Submit(f.ProvisionEnvelope(Owner, id)), "id " + id.ToString() + " again");
            }

            for (int id = revoked; id < next; id++)
            {
                CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, id)), "live key " + id.ToString());
            }
        }

        private static void Revoke(CommandFixture f, int keyId)
        {
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(keyId), Owner)), "revoke " + keyId.ToString());
        }

        [TestMethod]
        public void AFullRingOfLiveKeysStillRefusesAnother()
        {
            KeyRing ring = new KeyRing();
            byte[] secret = new byte[32];
            for (int id = 1; id <= KeyRing.Capacity; id++)
            {
                Assert.AreEqual(id - 1, ring.Add(id, Role.Workshop, secret, 0));
            }

            ring.Revoke(3);
            Assert.IsFalse(ring.HasRoom, "one revoked key alone cannot become a list of retired ids and a free slot");
            Assert.AreEqual(-1, ring.Add(99, Role.Workshop, secret, 0));
            ring.Revoke(7);
            Assert.IsTrue(ring.HasRoom);
            Assert.AreEqual(7, ring.Add(99, Role.Workshop, secret, 0));
            Assert.IsTrue(ring.IsRetired(3));
            Assert.AreEqual(3, ring.Find(4));
            Assert.AreEqual(3, ring.Find(8));
            Assert.AreEqual(-1, ring.Add(8, Role.Workshop, secret, 0), "a retired id is never given out again");
        }

        [TestMethod]
        public void ARetiredIdListThatRepeatsAnIdDoesNotLoad()
        {
            KeyRing ring = new KeyRing();
            byte[] secret = new byte[32];
            for (int id = 1; id <= KeyRing.Capacity; id++)
            {
                ring.Add(id, Role.Workshop, secret, 0);
            }

            ring.Revoke(0);
            ring.Revoke(1);
            ring.Add(50, Role.Workshop, secret, 0);
            byte[] bytes = new byte[KeyRing.SerializedSize];
            ring.WriteTo(bytes, 0);
            KeyRing copy = new KeyRing();
            Assert.IsTrue(copy.ReadFrom(bytes, 0));
            Assert.AreEqual(0, copy.Find(2));

            // The retired list names key 5, which holds a live slot too.
            bytes[8] = 0;
            bytes[9] = 5;
            Assert.IsFalse(copy.ReadFrom(bytes, 0));
            Assert.AreEqual(0, copy.Count);
        }
    }
}
