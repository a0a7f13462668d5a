using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Key provisioning, rotation and revocation by signed commands, within the rank rules.</summary>
    [TestClass]
    public class CommandKeyTests
    {
        private const int Owner = CommandFixture.Owner;
        private const int Fleet = CommandFixture.Fleet;
        private const int Workshop = CommandFixture.Workshop;
        private const int Maker = CommandFixture.Maker;

        [TestMethod]
        public void LocalOwnerProvisioningWorksOnlyOnce()
        {
            CommandFixture f = new CommandFixture();
            Assert.IsFalse(f.Guard.IsProvisioned);
            CommandExpect.Verdict(CommandVerdict.BadParameters, f.Guard.ProvisionOwner(Owner, new byte[31]), "short secret");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Guard.ProvisionOwner(Owner, f.Secret(Owner)), "first owner");
            Assert.IsTrue(f.Guard.IsProvisioned);
            Assert.AreEqual(AuditKind.KeyProvisioned, f.Audit.LastKind);
            CommandExpect.Verdict(CommandVerdict.AlreadyProvisioned, f.Guard.ProvisionOwner(9, CommandFixture.NewSecret()), "a second local owner");
            f.Reboot();
            Assert.IsTrue(f.Guard.IsProvisioned, "the owner key survives a reboot");
            CommandExpect.Verdict(CommandVerdict.AlreadyProvisioned, f.Guard.ProvisionOwner(9, CommandFixture.NewSecret()), "nor after a reboot");
        }

        [TestMethod]
        public void ProvisionedKeyCanSignAndItsSecretTravelsWrapped()
        {
            CommandFixture f = new CommandFixture();
            f.Guard.ProvisionOwner(Owner, f.Secret(Owner));
            byte[] e = f.ProvisionEnvelope(Owner, Fleet);
            Assert.IsFalse(Contains(e, f.Secret(Fleet)), "the new secret is not in the envelope in clear");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "owner provisions fleet");
            Assert.AreEqual(AuditKind.KeyProvisioned, f.Audit.Kinds[f.Audit.Count - 2], "key change recorded before the decision");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.SetChargeTarget, new byte[] { 70 }, Fleet)), "fleet signs");
        }

        [TestMethod]
        public void SecretWrappedForAnotherCounterIsUseless()
        {
            CommandFixture f = new CommandFixture();
            f.Guard.ProvisionOwner(Owner, f.Secret(Owner));

            // Wrapped with the pad of counter 7, but the envelope is signed with counter 1.
            byte[] wrapped = KeyWrap.Wrap(f.Secret(Owner), Owner, 7, f.Secret(Fleet));
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.ProvisionKey, EnvelopeWriter.ProvisionParameters(Fleet, Role.Fleet, wrapped), Owner)), "accepted");
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet)), "the installed secret is not fleet's");
        }

        [TestMethod]
        public void KeysAreManagedOnlyBelowTheIssuersRank()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.AddSigner(10, Role.Owner);
            f.AddSigner(11, Role.Fleet);
            f.AddSigner(12, Role.Workshop);
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(f.ProvisionEnvelope(Owner, 10)), "owner cannot make another owner");
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(f.ProvisionEnvelope(Fleet, 11)), "fleet cannot make fleet");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.ProvisionEnvelope(Fleet, 12)), "fleet makes a workshop key");
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(Owner), Fleet)), "fleet cannot revoke the owner");
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(Owner), Owner)), "nor may the owner revoke itself");
            CommandExpect.Verdict(CommandVerdict.RoleNotAllowed, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(Maker), Workshop)), "workshop may not manage keys (policy)");
        }

        [TestMethod]
        public void RevokedKeyIsDeniedForGoodAndItsIdStaysTaken()
        {
            CommandFixture f = CommandFixture.Provisioned();
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(Workshop), Fleet)), "fleet revokes workshop");
            Assert.AreEqual(AuditKind.KeyRevoked, f.Audit.Kinds[f.Audit.Count - 2], "key change recorded before the decision");
            CommandExpect.Verdict(CommandVerdict.RevokedKey, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, Workshop)), "revoked");
            CommandExpect.Verdict(CommandVerdict.KeyIdInUse, f.Submit(f.ProvisionEnvelope(Owner, Workshop)), "re-provisioning the revoked id");
            f.Reboot();
            CommandExpect.Verdict(CommandVerdict.RevokedKey, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, Workshop)), "still revoked after a reboot");
            CommandExpect.Verdict(CommandVerdict.TargetKeyUnknown, f.Submit(f.Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(77), Owner)), "unknown target");
        }

        [TestMethod]
        public void RotationReplacesOnlyTheSignersSecretAndKeepsItsCounter()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] old = f.Secret(Fleet);
            byte[] fresh = CommandFixture.NewSecret();
            byte[] stale = f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet);
            byte[] wrapped = KeyWrap.Wrap(old, Fleet, f.Counter(Fleet) + 1, fresh);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.RotateKey, wrapped, Fleet)), "fleet rotates");
            Assert.IsTrue(f.Audit.LastOf(AuditKind.KeyRotated) >= 0, "rotation audited");

            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(stale), "an envelope from before, with a lower counter");
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet)), "the old secret no longer works");
            f.SetSecret(Fleet, fresh);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet)), "the new secret works");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner)), "owner unaffected");
            f.Reboot();
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet)), "new secret after a reboot");
        }

        [TestMethod]
        public void KeyEnvelopeIssuerMustRankHighest()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.AddSigner(30, Role.Workshop);
            byte[] wrapped = KeyWrap.Wrap(f.Secret(Fleet), Fleet, f.Counter(Fleet) + 1, f.Secret(30));
            byte[] p = EnvelopeWriter.ProvisionParameters(30, Role.Workshop, wrapped);
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(f.Sign(CommandType.ProvisionKey, p, Fleet, Owner)), "fleet first, owner co-signing");
            wrapped = KeyWrap.Wrap(f.Secret(Owner), Owner, f.Counter(Owner) + 1, f.Secret(30));
            p = EnvelopeWriter.ProvisionParameters(30, Role.Workshop, wrapped);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.ProvisionKey, p, Owner, Fleet)), "owner first");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, 30)), "the new key works");
        }

        [TestMethod]
        public void FullRingRefusesAnotherKey()
        {
            CommandFixture f = CommandFixture.Provisioned();
            for (int id = 100; id < 100 + KeyRing.Capacity - 4; id++)
            {
                f.AddSigner(id, Role.Workshop);
                f.ProvisionOverTheAir(Owner, id);
            }

            Assert.AreEqual(KeyRing.Capacity, f.Keys.Count);
            f.AddSigner(200, Role.Workshop);
            CommandExpect.Verdict(CommandVerdict.KeyRingFull, f.Submit(f.ProvisionEnvelope(Owner, 200)), "seventeenth key");
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
