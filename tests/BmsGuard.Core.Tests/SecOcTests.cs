using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.SecOc;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>SecOC-style single-frame commands: layout, freshness reconstruction, resynchronisation, replays, forgeries, restore.</summary>
    [TestClass]
    public class SecOcTests
    {
        private const uint Id = 0x5B0;

        [TestMethod]
        public void FrameLayoutMatchesTheDocumentedMacInput()
        {
            byte[] key = SecOcKeys.New();
            SecOcSender sender = new SecOcSender(0x11223344, key, 0);
            sender.Restore(0x0102030405060708 - 1);
            byte[] frame = new byte[10];
            Assert.IsTrue(sender.Build(new byte[] { 0xEE, CommandType.OpenContactors, 0xAB }, 1, 2, frame, 1));
            byte[] input = CryptoHex.Bytes("11223344 04AB0000 01020304 05060708");
            byte[] mac = AesCmac.Mac(key, input);
            Expect.Bytes(CryptoHex.Bytes("00 04AB0000 08"), CryptoHex.Slice(frame, 0, 6), "payload zero-padded, freshness low byte");
            Expect.Bytes(CryptoHex.Slice(mac, 0, 3), CryptoHex.Slice(frame, 6, 3), "leftmost 24 MAC bits");
            Assert.AreEqual((byte)0, frame[9], "nothing written past the 8 bytes");
        }

        [TestMethod]
        public void AcceptsInOrderAcrossTheLowByteWrap()
        {
            Pair p = new Pair();
            for (int i = 1; i <= 600; i++)
            {
                byte[] frame = p.Next((byte)(i % 7), (byte)i);
                Verdict(SecOcVerdict.Accepted, p.Receiver.Receive(Id, false, frame, 8, i), "frame " + i.ToString());
                Assert.AreEqual((long)i, p.Receiver.LatestFreshness);
                Assert.AreEqual(i % 7, p.Receiver.CommandType);
            }

            byte[] payload = new byte[4];
            p.Receiver.CopyPayload(payload, 0);
            Expect.Bytes(new byte[] { 600 % 7, 600 & 0xFF, 0, 0 }, payload, "payload");
            Assert.AreEqual(600L, p.Receiver.Count(SecOcVerdict.Accepted));
            Assert.AreEqual(0L, p.Receiver.Resynchronised);
            Assert.AreEqual(600, p.Audit.Count(AuditKind.SecOcAccepted));
            Expect.Bytes(CryptoHex.Bytes("05580000 00000000 00000258"), p.Audit.LastDetail, "payload then freshness 600 BE");
            Assert.AreEqual(600L, p.Audit.LastTime);
        }

        [TestMethod]
        public void AcceptsAfterGapsBelow256WithoutResync()
        {
            Pair p = new Pair();
            Accept(p, "first");
            for (int gap = 1; gap <= 255; gap += 127)
            {
                p.Skip(gap);
                Accept(p, "after " + gap.ToString() + " lost frames");
            }

            p.Skip(255);
            Accept(p, "after 255 lost frames");
            Assert.AreEqual(p.Sender.Freshness, p.Receiver.LatestFreshness);
            Assert.AreEqual(0L, p.Receiver.Resynchronised);
        }

        [TestMethod]
        public void ResynchronisesAfterUpTo1023LostFramesOnlyOnAValidMac()
        {
            Pair p = new Pair();
            Accept(p, "first");
            p.Skip(256);
            Accept(p, "after 256 lost frames");
            p.Skip(1000);
            Accept(p, "after 1000 lost frames");
            p.Skip(1023);
            Accept(p, "after 1023 lost frames");
            Assert.AreEqual(3L, p.Receiver.Resynchronised);
            long latest = p.Receiver.LatestFreshness;

            p.Skip(1024);
            Verdict(SecOcVerdict.BadMac, p.Receiver.Receive(Id, false, p.Next(1, 0), 8, 0), "1024 lost frames: beyond the windows");
            Assert.AreEqual(latest, p.Receiver.LatestFreshness);

            Pair wide = new Pair(8);
            wide.Skip(2000);
            Accept(wide, "8 windows reach 2,303 lost frames");
            Pair none = new Pair(0);
            none.Skip(256);
            Verdict(SecOcVerdict.BadMac, none.Receiver.Receive(Id, false, none.Next(1, 0), 8, 0), "no resync windows");
        }

        [TestMethod]
        public void DeniesReplays()
        {
            Pair p = new Pair();
            byte[] first = p.Next(CommandType.OpenContactors, 0);
            Verdict(SecOcVerdict.Accepted, p.Receiver.Receive(Id, false, first, 8, 0), "first");
            Verdict(SecOcVerdict.Replayed, p.Receiver.Receive(Id, false, first, 8, 0), "same frame again");
            byte[] second = p.Next(CommandType.OpenContactors, 0);
            byte[] third = p.Next(CommandType.OpenContactors, 0);
            Accept(p, third, "third");
            Verdict(SecOcVerdict.Replayed, p.Receiver.Receive(Id, false, second, 8, 0), "a skipped older frame arriving late");
            Verdict(SecOcVerdict.Replayed, p.Receiver.Receive(Id, false, first, 8, 0), "older frame");
            for (int i = 0; i < 300; i++)
            {
                Accept(p, "filler");
            }

            Verdict(SecOcVerdict.BadMac, p.Receiver.Receive(Id, false, first, 8, 0), "a replay from long ago is just a bad MAC");
            Assert.AreEqual(303L, p.Receiver.LatestFreshness);
            Assert.AreEqual(3L, p.Receiver.Count(SecOcVerdict.Replayed));
            Assert.AreEqual(SecOcVerdict.BadMac, p.Audit.LastReason);
            Assert.AreEqual(AuditKind.SecOcDenied, p.Audit.LastKind);
            Expect.Bytes(first, p.Audit.LastDetail, "the denied frame is audited as received");
        }

        [TestMethod]
        public void DeniesEveryBitFlip()
        {
            Pair p = new Pair();
            Accept(p, "first");
            byte[] frame = p.Next(CommandType.SetCurrentLimits, 0x42);
            for (int bit = 0; bit < 64; bit++)
            {
                byte[] forged = SecOcKeys.FlipBit(frame, bit);
                Verdict(SecOcVerdict.BadMac, p.Receiver.Receive(Id, false, forged, 8, 0), "bit " + bit.ToString());
            }

            Assert.AreEqual(1L, p.Receiver.LatestFreshness, "failures do not move the counter");
            Accept(p, frame, "the genuine frame still passes");
        }

        [TestMethod]
        public void DeniesWrongKeyAndWrongDataId()
        {
            byte[] key = SecOcKeys.New();
            SecOcSender sender = new SecOcSender(Id, key, 0);
            SecOcAuditLog audit = new SecOcAuditLog();
            SecOcReceiver otherKey = new SecOcReceiver(Id, false, Id, 3, audit, NoLockout());
            otherKey.Provision(SecOcKeys.New(), 0);
            SecOcReceiver oneBitOff = new SecOcReceiver(Id, false, Id, 3, audit, NoLockout());
            oneBitOff.Provision(SecOcKeys.FlipBit(key, 77), 0);
            SecOcReceiver otherDataId = new SecOcReceiver(Id, false, Id + 1, 3, audit, NoLockout());
            otherDataId.Provision(key, 0);
            byte[] frame = new byte[8];
            for (int i = 0; i < 20; i++)
            {
                sender.Build(new byte[] { 1 }, 0, 1, frame, 0);
                Verdict(SecOcVerdict.BadMac, otherKey.Receive(Id, false, frame, 8, 0), "other key");
                Verdict(SecOcVerdict.BadMac, oneBitOff.Receive(Id, false, frame, 8, 0), "key with one bit flipped");
                Verdict(SecOcVerdict.BadMac, otherDataId.Receive(Id, false, frame, 8, 0), "other data id");
            }

            Assert.AreEqual(60, audit.Count(AuditKind.SecOcDenied));
            Assert.AreEqual(0, audit.Count(AuditKind.SecOcAccepted));
        }

        [TestMethod]
        public void LowByteWrapsAtAnyCounterValue()
        {
            long[] starts = new long[] { 250, 0x1000000F0, 0x7FFFFFFFFFFF00F0 };
            for (int s = 0; s < starts.Length; s++)
            {
                Pair p = new Pair();
                p.Sender.Restore(starts[s]);
                p.Receiver.RestoreFreshness(starts[s]);
                for (int i = 0; i < 40; i++)
                {
                    Accept(p, "start " + starts[s].ToString() + " + " + i.ToString());
                }

                Assert.AreEqual(starts[s] + 40, p.Receiver.LatestFreshness);
            }
        }

        [TestMethod]
        public void RestoredFreshnessKeepsOldFramesOutAfterReboot()
        {
            Pair p = new Pair();
            byte[][] captured = new byte[10][];
            for (int i = 0; i < 10; i++)
            {
                captured[i] = p.Next(CommandType.OpenContactors, 0);
                Accept(p, captured[i], "before reboot");
            }

            long persisted = p.Receiver.LatestFreshness;
            SecOcReceiver forgetful = new SecOcReceiver(Id, false, Id, 3, new SecOcAuditLog(), NoLockout());
            forgetful.Provision(p.Key, 0);
            Verdict(SecOcVerdict.Accepted, forgetful.Receive(Id, false, captured[0], 8, 0), "without restore a capture replays");

            SecOcReceiver rebooted = new SecOcReceiver(Id, false, Id, 3, new SecOcAuditLog(), NoLockout());
            rebooted.Provision(p.Key, 0);
            rebooted.RestoreFreshness(persisted);
            rebooted.RestoreFreshness(3);
            Assert.AreEqual(persisted, rebooted.LatestFreshness, "restore never lowers");
            for (int i = 0; i < 10; i++)
            {
                Assert.AreNotEqual(SecOcVerdict.Accepted, rebooted.Receive(Id, false, captured[i], 8, 0), "captured " + i.ToString());
            }

            Verdict(SecOcVerdict.Accepted, rebooted.Receive(Id, false, p.Next(CommandType.OpenContactors, 0), 8, 0), "the next genuine frame");
        }

        [TestMethod]
        public void UnprovisionedMalformedAndWrongIdAreDenied()
        {
            Pair p = new Pair();
            byte[] frame = p.Next(1, 0);
            SecOcReceiver bare = new SecOcReceiver(Id, false, Id, 3, p.Audit);
            Assert.IsFalse(bare.Provisioned);
            Verdict(SecOcVerdict.Unprovisioned, bare.Receive(Id, false, frame, 8, 0), "no key");
            Verdict(SecOcVerdict.Malformed, p.Receiver.Receive(Id, false, frame, 7, 0), "DLC 7");
            Verdict(SecOcVerdict.Malformed, p.Receiver.Receive(Id, false, frame, 9, 0), "DLC 9");
            Verdict(SecOcVerdict.Malformed, p.Receiver.Receive(Id, false, new byte[4], 8, 0), "4-byte buffer claiming 8");
            Verdict(SecOcVerdict.Malformed, p.Receiver.Receive(Id, false, null, 8, 0), "null");
            Verdict(SecOcVerdict.WrongId, p.Receiver.Receive(Id + 1, false, frame, 8, 0), "other id");
            Verdict(SecOcVerdict.WrongId, p.Receiver.Receive(Id, true, frame, 8, 0), "extended id");
            Assert.AreEqual(4L, p.Receiver.Count(SecOcVerdict.Malformed));
            Assert.AreEqual(2L, p.Receiver.Count(SecOcVerdict.WrongId));
            Assert.AreEqual(0L, p.Receiver.Count(99));
            Verdict(SecOcVerdict.Accepted, p.Receiver.Receive(Id, false, frame, 8, 0), "still fresh after the denials");
            Assert.ThrowsException(typeof(System.ArgumentException), () => new SecOcReceiver(Id, false, Id, 17, p.Audit));
            Assert.ThrowsException(typeof(System.ArgumentException), () => p.Sender.Build(new byte[5], 0, 5, new byte[8], 0));
        }

        [TestMethod]
        public void CounterExhaustionIsDenied()
        {
            Pair p = new Pair();
            p.Sender.Restore(long.MaxValue - 1);
            p.Receiver.RestoreFreshness(long.MaxValue - 1);
            Accept(p, "the last value");
            Assert.IsFalse(p.Sender.Build(new byte[] { 1 }, 0, 1, new byte[8], 0), "sender cannot go on");
            byte[] frame = new byte[] { 1, 0, 0, 0, 0x00, 0, 0, 0 };
            Verdict(SecOcVerdict.FreshnessExhausted, p.Receiver.Receive(Id, false, frame, 8, 0), "receiver cannot go on");
            Assert.AreEqual("freshness-exhausted", SecOcVerdict.Name(SecOcVerdict.FreshnessExhausted));
        }

        private static void Accept(Pair p, string context)
        {
            Accept(p, p.Next(CommandType.SetChargeTarget, 80), context);
        }

        private static void Accept(Pair p, byte[] frame, string context)
        {
            Verdict(SecOcVerdict.Accepted, p.Receiver.Receive(Id, false, frame, 8, 0), context);
        }

        private static void Verdict(int expected, int actual, string context)
        {
            Assert.AreEqual(SecOcVerdict.Name(expected), SecOcVerdict.Name(actual), context);
        }

        /// <summary>A sender and a receiver sharing a fresh random key.</summary>
        // These tests check MAC and freshness semantics with many forgeries in a row: a lockout that
        // never starts keeps them apart from SecOcLockoutTests.
        private static SecOcLockout NoLockout()
        {
            return new SecOcLockout(int.MaxValue, 1, 1);
        }

        private sealed class Pair
        {
            internal Pair() : this(SecOcReceiver.DefaultResyncWindows)
            {
            }

            internal Pair(int windows)
            {
                Key = SecOcKeys.New();
                Sender = new SecOcSender(Id, Key, 0);
                Audit = new SecOcAuditLog();
                Receiver = new SecOcReceiver(Id, false, Id, windows, Audit, NoLockout());
                Receiver.Provision(Key, 0);
            }

            internal byte[] Key { get; private set; }

            internal SecOcSender Sender { get; private set; }

            internal SecOcReceiver Receiver { get; private set; }

            internal SecOcAuditLog Audit { get; private set; }

            internal byte[] Next(int type, byte parameter)
            {
                byte[] frame = new byte[8];
                Assert.IsTrue(Sender.Build(new byte[] { (byte)type, parameter }, 0, 2, frame, 0));
                return frame;
            }

            internal void Skip(int frames)
            {
                for (int i = 0; i < frames; i++)
                {
                    Next(0, 0);
                }
            }
        }
    }
}
