using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The guard accepts what its owner signed, fresh and safe; each attack is denied with its reason.</summary>
    [TestClass]
    public class CommandGuardTests
    {
        private const int Owner = CommandFixture.Owner;
        private const int Fleet = CommandFixture.Fleet;
        private const int Workshop = CommandFixture.Workshop;
        private const int Maker = CommandFixture.Maker;

        [TestMethod]
        public void OwnerSignedChargeTargetIsAcceptedAndExposed()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Owner);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "owner, k=1");
            AcceptedCommand c = f.Guard.Accepted;
            Assert.AreEqual(CommandType.SetChargeTarget, c.Type);
            Assert.AreEqual(1, c.ParameterLength);
            Assert.AreEqual((byte)80, c.Parameters[0]);
            Assert.AreEqual(1, c.SignerCount);
            Assert.AreEqual(Role.Owner, c.SignerRole(0));
            Assert.AreEqual(Owner, c.SignerKeyId(0));
            Assert.AreEqual(1 << Role.Owner, c.SignerRoles);
            Assert.AreEqual(AuditKind.CommandAccepted, f.Audit.LastKind);
            Assert.AreEqual(1u, f.Guard.Count(CommandVerdict.Accepted) - 3, "three provisionings before");
            Assert.AreEqual(1u, f.Guard.Policy.Accepted(CommandType.SetChargeTarget));
        }

        [TestMethod]
        public void TwoDistinctRolesOpenContactorsWhenSafe()
        {
            CommandFixture f = CommandFixture.Provisioned();
            int calls = f.Safety.Calls;
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner, Workshop)), "owner + workshop");
            Assert.AreEqual(calls + 1, f.Safety.Calls, "the safety check is asked");
            Assert.AreEqual(CommandType.OpenContactors, f.Safety.LastType);
            Assert.AreEqual((1 << Role.Owner) | (1 << Role.Workshop), f.Guard.Accepted.SignerRoles);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Workshop, Fleet)), "workshop + fleet");
        }

        [TestMethod]
        public void ForgedMacIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Owner);
            e[e.Length - 1] ^= 0x01;
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(e), "one MAC bit flipped");
            Assert.AreEqual(0, f.Guard.Accepted.Type, "nothing exposed after a denial");
            Assert.AreEqual(AuditKind.CommandDenied, f.Audit.LastKind);
            Assert.AreEqual(CommandVerdict.BadMac, f.Audit.LastReason);
        }

        [TestMethod]
        public void ChangedParameterBreaksTheMac()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Owner);
            e[28] = 100;
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(e), "80 % changed to 100 %");
        }

        [TestMethod]
        public void SignatureWithAnotherKeysSecretIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            EnvelopeWriter w = new EnvelopeWriter(CommandType.SetChargeTarget, CommandFixture.Vin, CommandFixture.NowSeconds, CommandFixture.NowSeconds + 60, new byte[] { 80 });
            w.AddSignature(Role.Owner, Owner, 100, f.Secret(Fleet));
            byte[] e = w.ToArray();
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(e), "owner's key id, fleet's secret");
        }

        [TestMethod]
        public void ReplayedEnvelopeIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "first time");
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "second time");
            Assert.AreEqual(1u, f.Guard.Count(CommandVerdict.Replayed));
        }

        [TestMethod]
        public void OlderCounterAfterNewerIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] older = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            byte[] newer = f.Sign(CommandType.SetChargeTarget, new byte[] { 90 }, Owner);
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(newer), "newer first");
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(older), "older afterwards");
        }

        [TestMethod]
        public void ExpiredEnvelopeIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint now = CommandFixture.NowSeconds;
            CommandExpect.Verdict(CommandVerdict.Expired, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 60, now, Owner)), "expires == now");
            CommandExpect.Verdict(CommandVerdict.Expired, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 60, now - 1, Owner)), "expired a second ago");
            CommandExpect.Verdict(CommandVerdict.Expired, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now + 10, now + 5, Owner)), "expires before issued");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 60, now + 1, Owner)), "a second left");
        }

        [TestMethod]
        public void NotYetValidBeyondTheClockSkew()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint now = CommandFixture.NowSeconds;
            uint skew = f.Policy.ClockSkewSeconds;
            CommandExpect.Verdict(CommandVerdict.NotYetValid, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now + skew + 1, now + skew + 60, Owner)), "beyond skew");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now + skew, now + skew + 60, Owner)), "at the skew limit");
        }

        [TestMethod]
        public void LifetimeAboveThePolicyMaximumIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint now = CommandFixture.NowSeconds;
            uint max = f.Policy.MaxLifetimeSeconds;
            CommandExpect.Verdict(CommandVerdict.LifetimeTooLong, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 10, now - 10 + max + 1, Owner)), "max + 1 s");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 10, now - 10 + max, Owner)), "exactly max");
        }

        [TestMethod]
        public void EnvelopeForAnotherVehicleIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            EnvelopeWriter w = new EnvelopeWriter(CommandType.EnableCharging, "WVWZZZ1KZ8P000002", CommandFixture.NowSeconds, CommandFixture.NowSeconds + 60, CommandFixture.None);
            w.AddSignature(Role.Owner, Owner, 50, f.Secret(Owner));
            CommandExpect.Verdict(CommandVerdict.WrongVehicle, f.Submit(w.ToArray()), "other VIN, valid MAC");
        }

        [TestMethod]
        public void RoleOutsideTheAllowlistIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            CommandExpect.Verdict(CommandVerdict.RoleNotAllowed, f.Submit(f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Workshop)), "workshop may not set the charge target");
            CommandExpect.Verdict(CommandVerdict.RoleNotAllowed, f.Submit(f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Owner, Workshop)), "one disallowed co-signer is enough to deny");
        }

        [TestMethod]
        public void SingleSignatureOnAThresholdCommandIsDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            int calls = f.Safety.Calls;
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner)), "owner alone, k=2");
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(f.Sign(CommandType.OpenFlashingWindow, new byte[] { 0, 60 }, Workshop)), "workshop alone, k=2");
            Assert.AreEqual(calls, f.Safety.Calls, "the safety check is not reached");
            Assert.AreEqual(1u, f.Guard.Policy.Denied(CommandType.OpenContactors));
        }

        [TestMethod]
        public void TwoSignaturesFromOneRoleAreDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.AddSigner(5, Role.Fleet);
            f.ProvisionOverTheAir(Owner, 5);
            CommandExpect.Verdict(CommandVerdict.DuplicateRole, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Fleet, 5)), "two fleet keys");
            CommandExpect.Verdict(CommandVerdict.DuplicateRole, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner, Owner)), "one key twice");
        }

        [TestMethod]
        public void BatteryMakerAloneIsDeniedEvenWhenPolicyAllowsIt()
        {
            CommandFixture f = CommandFixture.Provisioned();
            CommandExpect.Verdict(CommandVerdict.MakerAlone, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, Maker)), "default policy, k=1 row");
            Assert.IsNotNull(f.Policy.Set(CommandType.OpenContactors, 1 << Role.BatteryMaker, 1, 0), "a row only the maker may sign cannot be set");
            CommandExpect.Verdict(CommandVerdict.MakerAlone, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Maker)), "maker alone on a k=2 row");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, Workshop)), "workshop alone may close");
        }

        [TestMethod]
        public void UnsafeStaleAndUnknownStateAreDenied()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Safety.Result = SafetyResult.Unsafe;
            CommandExpect.Verdict(CommandVerdict.Unsafe, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner, Fleet)), "unsafe");
            f.Safety.Result = SafetyResult.Stale;
            CommandExpect.Verdict(CommandVerdict.StaleState, f.Submit(f.Sign(CommandType.SetCurrentLimits, new byte[] { 1, 0, 1, 0 }, Owner, Fleet)), "stale");
            f.Safety.Result = SafetyResult.Unknown;
            CommandExpect.Verdict(CommandVerdict.UnknownState, f.Submit(f.Sign(CommandType.DisableCharging, CommandFixture.None, Owner, Fleet)), "unknown");
            f.Safety.Result = 77;
            CommandExpect.Verdict(CommandVerdict.UnknownState, f.Submit(f.Sign(CommandType.DisableCharging, CommandFixture.None, Owner, Fleet)), "unrecognised answer");
            f.Safety.Result = SafetyResult.Unsafe;
            CommandExpect.Verdict(CommandVerdict.Unsafe, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner)), "every type is asked: no policy row switches the check off");
            CommandExpect.Verdict(CommandVerdict.Unsafe, f.Submit(f.Sign(CommandType.OpenMaintenanceWindow, new byte[] { 0, 60 }, Owner, Fleet)), "opening a window too");
            f.Safety.Result = SafetyResult.Safe;
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.DisableCharging, CommandFixture.None, Owner, Fleet)), "safe again");
        }

        [TestMethod]
        public void NullSafetyCheckDeniesEveryCommand()
        {
            CommandFixture f = new CommandFixture();
            f.WithoutSafetyCheck = true;
            f.Reboot();
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Guard.ProvisionOwner(Owner, f.Secret(Owner)), "local provisioning needs no vehicle state");
            CommandExpect.Verdict(CommandVerdict.UnknownState, f.Submit(f.ProvisionEnvelope(Owner, Fleet)), "key command");
            CommandExpect.Verdict(CommandVerdict.UnknownState, f.Submit(f.Sign(CommandType.CloseMaintenanceWindow, CommandFixture.None, Owner)), "closing a window");
            CommandExpect.Verdict(CommandVerdict.UnknownState, f.Submit(f.Sign(CommandType.SetChargeTarget, new byte[] { 80 }, Owner)), "everyday command");
        }

        [TestMethod]
        public void UnknownKeyRoleMismatchAndUnprovisionedAreDenied()
        {
            CommandFixture f = new CommandFixture();
            byte[] e = f.Sign(CommandType.EnableCharging, CommandFixture.None, Owner);
            CommandExpect.Verdict(CommandVerdict.Unprovisioned, f.Submit(e), "no key at all");
            CommandExpect.Verdict(CommandVerdict.Unprovisioned, f.Guard.Submit(new byte[] { 1, 2, 3 }, 3, CommandFixture.NowMicros), "even garbage");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Guard.ProvisionOwner(Owner, f.Secret(Owner)), "owner");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(e), "now provisioned");
            CommandExpect.Verdict(CommandVerdict.UnknownKey, f.Submit(f.Sign(CommandType.EnableCharging, CommandFixture.None, Fleet)), "fleet never provisioned");

            EnvelopeWriter w = new EnvelopeWriter(CommandType.EnableCharging, CommandFixture.Vin, CommandFixture.NowSeconds, CommandFixture.NowSeconds + 60, CommandFixture.None);
            w.AddSignature(Role.Fleet, Owner, 99, f.Secret(Owner));
            CommandExpect.Verdict(CommandVerdict.RoleMismatch, f.Submit(w.ToArray()), "owner key claiming fleet");
        }

        [TestMethod]
        public void EveryDecisionIsAuditedWithTypeKeysAndCounters()
        {
            CommandFixture f = CommandFixture.Provisioned();
            int before = f.Audit.Count;
            f.SetCounter(Owner, 0x01020304);
            byte[] e = f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner);
            f.Submit(e);
            Assert.AreEqual(before + 1, f.Audit.Count);
            Assert.AreEqual(AuditKind.CommandDenied, f.Audit.LastKind);
            Assert.AreEqual(CommandVerdict.BelowThreshold, f.Audit.LastReason);
            Expect.Bytes(new byte[] { CommandType.OpenContactors, 1, 0, (byte)Owner, 1, 2, 3, 5 }, f.Audit.Details[f.Audit.Count - 1], "type, count, key id, counter");
            f.Guard.Submit(new byte[] { 9 }, 1, CommandFixture.NowMicros);
            Assert.AreEqual(CommandVerdict.BadVersion, f.Audit.LastReason);
        }

        [TestMethod]
        public void VerdictNamesAreDistinct()
        {
            for (int a = 0; a < CommandVerdict.Count; a++)
            {
                Assert.IsFalse(CommandVerdict.Name(a).StartsWith("verdict-"), "named: " + a.ToString());
                for (int b = a + 1; b < CommandVerdict.Count; b++)
                {
                    Assert.AreNotEqual(CommandVerdict.Name(a), CommandVerdict.Name(b));
                }
            }
        }
    }
}
