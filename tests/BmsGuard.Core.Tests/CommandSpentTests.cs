using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// A judged envelope is spent whatever the verdict: whichever check denied it, the same bytes
    /// delivered later (when the state, the clock or a missing co-signature would let them pass) are a
    /// replay. Forged signatures and envelopes for another vehicle spend nothing.
    /// </summary>
    [TestClass]
    public class CommandSpentTests
    {
        private const int Owner = CommandFixture.Owner;
        private const int Fleet = CommandFixture.Fleet;
        private const int Workshop = CommandFixture.Workshop;
        private static readonly byte[] Minute = new byte[] { 0, 60 };

        [TestMethod]
        [DataRow(SafetyResult.Unsafe, CommandVerdict.Unsafe)]
        [DataRow(SafetyResult.Stale, CommandVerdict.StaleState)]
        [DataRow(SafetyResult.Unknown, CommandVerdict.UnknownState)]
        public void EnvelopeDeniedByTheVehicleStateCannotBeDeliveredLater(int state, int verdict)
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Safety.Result = state;
            byte[] e = f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner, Fleet);
            CommandExpect.Verdict(verdict, f.Submit(e), "while driving");
            f.Safety.Result = SafetyResult.Safe;
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "the same envelope once parked");
            f.Reboot();
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "after a reboot: the spent counter was persisted");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(f.Sign(CommandType.OpenContactors, CommandFixture.None, Owner, Fleet)), "a fresh envelope passes");
        }

        [TestMethod]
        public void EnvelopeDeniedByItsTimeCannotBeDeliveredLater()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint now = CommandFixture.NowSeconds;
            uint skew = f.Policy.ClockSkewSeconds;
            byte[] early = f.SignAt(CommandType.EnableCharging, CommandFixture.None, now + skew + 10, now + skew + 600, Owner);
            CommandExpect.Verdict(CommandVerdict.NotYetValid, f.Submit(early), "too early");
            long later = (now + skew + 20) * 1000000L;
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Guard.Submit(early, early.Length, later), "held back until valid");

            byte[] expired = f.SignAt(CommandType.EnableCharging, CommandFixture.None, now - 600, now - 1, Owner);
            CommandExpect.Verdict(CommandVerdict.Expired, f.Submit(expired), "expired");
            long clockBack = (now - 300) * 1000000L;
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Guard.Submit(expired, expired.Length, clockBack), "after the clock was set back");
        }

        [TestMethod]
        public void PartSignedEnvelopeSpendsWhatVerified()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint ownerCounter = f.Counter(Owner) + 1;
            uint fleetCounter = f.Counter(Fleet) + 1;
            byte[] half = Envelope(f, CommandType.OpenContactors, CommandFixture.None, Owner, ownerCounter, 0, 0);
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(half), "the TCU delivers only the owner's signature");
            byte[] whole = Envelope(f, CommandType.OpenContactors, CommandFixture.None, Owner, ownerCounter, Fleet, fleetCounter);
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(whole), "then the whole envelope");
        }

        [TestMethod]
        public void EnvelopeDeniedByTheSignerRulesIsSpent()
        {
            CommandFixture f = CommandFixture.Provisioned();
            byte[] e = f.Sign(CommandType.OpenContactors, CommandFixture.None, Workshop, CommandFixture.Maker);
            CommandExpect.Verdict(CommandVerdict.BelowThreshold, f.Submit(e), "the maker does not count");
            f.Policy.Set(CommandType.OpenContactors, (1 << Role.Workshop) | (1 << Role.BatteryMaker) | (1 << Role.Owner), 1, 0);
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "a laxer policy later does not revive it");
        }

        [TestMethod]
        public void ForgedSignatureSpendsNothing()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint next = f.Counter(Owner) + 1;
            EnvelopeWriter w = new EnvelopeWriter(CommandType.EnableCharging, CommandFixture.Vin, CommandFixture.NowSeconds, CommandFixture.NowSeconds + 60, CommandFixture.None);
            w.AddSignature(Role.Owner, Owner, 4000000000, CommandFixture.NewSecret());
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(w.ToArray()), "a forged signature with a huge counter");
            byte[] mixed = Envelope(f, CommandType.OpenContactors, CommandFixture.None, Owner, next, Fleet, 0);
            mixed[mixed.Length - 1] ^= 1;
            CommandExpect.Verdict(CommandVerdict.BadMac, f.Submit(mixed), "owner genuine, fleet forged");
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(Envelope(f, CommandType.EnableCharging, CommandFixture.None, Owner, next, 0, 0)), "the genuine signature was spent");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(Envelope(f, CommandType.EnableCharging, CommandFixture.None, Owner, next + 1, 0, 0)), "the forged counter was not");
        }

        [TestMethod]
        public void EnvelopeForAnotherVehicleSpendsNothing()
        {
            CommandFixture f = CommandFixture.Provisioned();
            uint next = f.Counter(Owner) + 1;
            EnvelopeWriter w = new EnvelopeWriter(CommandType.EnableCharging, "WVWZZZ1KZ8P000002", CommandFixture.NowSeconds, CommandFixture.NowSeconds + 60, CommandFixture.None);
            w.AddSignature(Role.Owner, Owner, next + 5, f.Secret(Owner));
            CommandExpect.Verdict(CommandVerdict.WrongVehicle, f.Submit(w.ToArray()), "other VIN");
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Submit(Envelope(f, CommandType.EnableCharging, CommandFixture.None, Owner, next, 0, 0)), "our counter did not move");
        }

        [TestMethod]
        public void DeniedKeyCommandIsSpent()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.AddSigner(10, Role.Owner);
            byte[] e = f.ProvisionEnvelope(Fleet, 10);
            CommandExpect.Verdict(CommandVerdict.RankTooLow, f.Submit(e), "fleet cannot make an owner");
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "spent");
        }

        [TestMethod]
        public void WindowEnvelopeDeniedWhileMovingIsSpent()
        {
            CommandFixture f = CommandFixture.Provisioned();
            f.Safety.Result = SafetyResult.Unsafe;
            byte[] e = f.Sign(CommandType.OpenMaintenanceWindow, Minute, Owner, Fleet);
            CommandExpect.Verdict(CommandVerdict.Unsafe, f.Submit(e), "delivered at 15 km/h");
            f.Safety.Result = SafetyResult.Safe;
            CommandExpect.Verdict(CommandVerdict.Replayed, f.Submit(e), "delivered again at standstill");
        }

        // An envelope signed by up to two keys with the counters given (key id 0: no second signature).
        private static byte[] Envelope(CommandFixture f, int type, byte[] parameters, int key1, uint counter1, int key2, uint counter2)
        {
            EnvelopeWriter w = new EnvelopeWriter(type, CommandFixture.Vin, CommandFixture.NowSeconds - 1, CommandFixture.NowSeconds + 60, parameters);
            w.AddSignature(f.RoleOf(key1), key1, counter1, f.Secret(key1));
            if (key2 != 0)
            {
                w.AddSignature(f.RoleOf(key2), key2, counter2 == 0 ? f.Counter(key2) + 1 : counter2, f.Secret(key2));
            }

            return w.ToArray();
        }
    }
}
