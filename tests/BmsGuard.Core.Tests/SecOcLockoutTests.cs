using BmsGuard.Core.Audit;
using BmsGuard.Core.SecOc;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>MAC guessing is braked: failures in a window lock the receiver, which refuses even valid frames until the lockout ends.</summary>
    [TestClass]
    public class SecOcLockoutTests
    {
        private const uint Id = 0x5B0;
        private const long Second = 1000000;

        [TestMethod]
        public void EightFailuresInTenSecondsLockEvenAValidFrameOutForAMinute()
        {
            Rig r = new Rig();
            for (int i = 0; i < SecOcLockout.DefaultThreshold; i++)
            {
                Expect(SecOcVerdict.BadMac, r.Forged(i * Second), "guess " + i.ToString());
            }

            Assert.AreEqual(1, r.Audit.Count(AuditKind.SecOcLockoutStarted));
            Assert.AreEqual(1L, r.Receiver.Lockout.Lockouts);
            long start = 7 * Second;
            Expect(SecOcVerdict.LockedOut, r.Valid(start + 1), "a valid frame during the lockout");
            Expect(SecOcVerdict.LockedOut, r.Forged(start + 2), "a guess during the lockout");
            Expect(SecOcVerdict.LockedOut, r.Valid(start + SecOcLockout.DefaultLockoutMicros - 1), "1 us before the end");
            Assert.AreEqual(3L, r.Receiver.Count(SecOcVerdict.LockedOut));
            Assert.AreEqual(SecOcLockout.DefaultThreshold, r.Audit.Count(AuditKind.SecOcDenied), "refused frames are not audited one by one");

            Expect(SecOcVerdict.Accepted, r.Valid(start + SecOcLockout.DefaultLockoutMicros), "the lockout is over");
            Assert.AreEqual(1, r.Audit.Count(AuditKind.SecOcLockoutEnded));
            Assert.AreEqual(1, r.Audit.Count(AuditKind.SecOcAccepted));
        }

        [TestMethod]
        public void TheEndRecordCountsTheRefusedFrames()
        {
            Rig r = new Rig();
            for (int i = 0; i < SecOcLockout.DefaultThreshold; i++)
            {
                r.Forged(0);
            }

            for (int i = 0; i < 5; i++)
            {
                r.Forged(1);
            }

            Assert.AreEqual(1, r.Audit.Count(AuditKind.SecOcLockoutStarted));
            r.Valid(SecOcLockout.DefaultLockoutMicros);
            Assert.AreEqual(1, r.Audit.Count(AuditKind.SecOcLockoutEnded));
            Assert.AreEqual(AuditKind.SecOcAccepted, r.Audit.LastKind);
            Assert.AreEqual(5L, r.Audit.EndRefused, "refused count in the end record");
        }

        [TestMethod]
        public void FailuresSpreadWiderThanTheWindowDoNotLock()
        {
            Rig r = new Rig();
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < SecOcLockout.DefaultThreshold - 1; i++)
                {
                    Expect(SecOcVerdict.BadMac, r.Forged((round * 11 * Second) + i), "round " + round.ToString());
                }
            }

            Expect(SecOcVerdict.Accepted, r.Valid(40 * Second), "7 failures per 10 s never lock");
            Assert.AreEqual(0L, r.Receiver.Lockout.Lockouts);
        }

        [TestMethod]
        public void ReplaysCountAsFailures()
        {
            Rig r = new Rig();
            byte[] frame = r.NextValid();
            Expect(SecOcVerdict.Accepted, r.Receiver.Receive(Id, false, frame, 8, 0), "first");
            for (int i = 0; i < SecOcLockout.DefaultThreshold; i++)
            {
                Expect(SecOcVerdict.Replayed, r.Receiver.Receive(Id, false, frame, 8, 1 + i), "replay " + i.ToString());
            }

            Expect(SecOcVerdict.LockedOut, r.Valid(100), "locked after the replays");
        }

        [TestMethod]
        public void AClockThatWentBackKeepsTheLockout()
        {
            Rig r = new Rig();
            for (int i = 0; i < SecOcLockout.DefaultThreshold; i++)
            {
                r.Forged(100 * Second);
            }

            Expect(SecOcVerdict.LockedOut, r.Valid(5 * Second), "clock set back 95 s");
            Expect(SecOcVerdict.Accepted, r.Valid((100 * Second) + SecOcLockout.DefaultLockoutMicros), "a minute after the lockout started");
        }

        [TestMethod]
        public void OtherIdentifiersAreNotRefused()
        {
            Rig r = new Rig();
            for (int i = 0; i < SecOcLockout.DefaultThreshold; i++)
            {
                r.Forged(0);
            }

            Expect(SecOcVerdict.WrongId, r.Receiver.Receive(Id + 1, false, new byte[8], 8, 1), "not the SecOC frame");
        }

        [TestMethod]
        public void RejectsNonsenseSettings()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new SecOcLockout(0, 1, 1));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new SecOcLockout(1, 0, 1));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new SecOcLockout(1, 1, 0));
        }

        private static void Expect(int expected, int actual, string at)
        {
            Assert.AreEqual(SecOcVerdict.Name(expected), SecOcVerdict.Name(actual), at);
        }

        private sealed class Rig
        {
            private readonly SecOcSender _sender;

            internal Rig()
            {
                byte[] key = SecOcKeys.New();
                _sender = new SecOcSender(Id, key, 0);
                Audit = new LockoutAudit();
                Receiver = new SecOcReceiver(Id, false, Id, SecOcReceiver.DefaultResyncWindows, Audit);
                Receiver.Provision(key, 0);
            }

            internal SecOcReceiver Receiver { get; private set; }

            internal LockoutAudit Audit { get; private set; }

            internal byte[] NextValid()
            {
                byte[] frame = new byte[8];
                Assert.IsTrue(_sender.Build(new byte[] { 1, 2 }, 0, 2, frame, 0));
                return frame;
            }

            internal int Valid(long now)
            {
                return Receiver.Receive(Id, false, NextValid(), 8, now);
            }

            internal int Forged(long now)
            {
                byte[] frame = NextValid();
                frame[7] ^= 0x01; // one MAC bit
                return Receiver.Receive(Id, false, frame, 8, now);
            }
        }

        /// <summary>Counts records per kind and keeps the refused count of the last lockout-ended record.</summary>
        private sealed class LockoutAudit : IAuditTrail
        {
            private readonly SecOcAuditLog _log = new SecOcAuditLog();

            internal long EndRefused { get; private set; }

            internal int LastKind
            {
                get { return _log.LastKind; }
            }

            internal int Count(int kind)
            {
                return _log.Count(kind);
            }

            public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
            {
                _log.Record(timeMicros, kind, reason, detail, detailLength);
                if (kind == AuditKind.SecOcLockoutEnded)
                {
                    long refused = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        refused = (refused << 8) | detail[i];
                    }

                    EndRefused = refused;
                }
            }
        }
    }
}
