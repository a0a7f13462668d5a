// The host suite compiles this file with nullable checks; the firmware API it tests is null-oblivious.
#nullable disable
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Policy bundles and the policy store: signature, vehicle, version, persistence, last good kept.</summary>
    [TestClass]
    public class TelemetryBundleTests
    {
        private const string Vin = "WBA00000000000001";

        // Keys made at test time from the clock, one per slot for the whole run; never committed.
        private static readonly byte[][] Secrets = MakeSecrets();

        private static byte[] Secret(int slot)
        {
            return Secrets[slot];
        }

        private static byte[][] MakeSecrets()
        {
            System.Random random = new System.Random();
            byte[][] secrets = new byte[10][];
            for (int k = 0; k < secrets.Length; k++)
            {
                secrets[k] = new byte[32];
                random.NextBytes(secrets[k]);
            }

            return secrets;
        }

        private static TelemetryPolicy Sample(int egress)
        {
            TelemetryPolicy p = TelemetryFixtures.Policy(new TelemetrySignal[]
            {
                TelemetryFixtures.Byte("soc", 0x1F0, 4, SignalTreatment.Of(TelemetryAction.Forward)),
                TelemetryFixtures.Paged("serial0", 0x3F0, 1, 0, TelemetryFixtures.Part(0, 0)),
                new TelemetrySignal("m", 0x18FF50E5, true, 39, 16, true, true, 25, -4000, 2, "V", null,
                    TelemetryFixtures.Treat(TelemetryAction.Delay, 10, 1000, 0, 0, 30000000, 8)),
            }, new TelemetryIdentifier[] { new TelemetryIdentifier("serial", IdentifierAction.Pseudonymize, 16, 0) });
            string error;
            return TelemetryPolicy.Build(new TelemetrySignal[] { p.Signal(0), p.Signal(1), p.Signal(2) },
                new TelemetryIdentifier[] { p.Identifier(0) }, new string[] { "broker.owner.example", "10.0.0.2" }, "owner/", egress, out error);
        }

        private static TelemetryPolicy WithTimeServers(TelemetryPolicy p, string[] servers, out string error)
        {
            TelemetrySignal[] signals = new TelemetrySignal[p.SignalCount];
            for (int i = 0; i < signals.Length; i++)
            {
                signals[i] = p.Signal(i);
            }

            TelemetryIdentifier[] identifiers = new TelemetryIdentifier[p.IdentifierCount];
            for (int i = 0; i < identifiers.Length; i++)
            {
                identifiers[i] = p.Identifier(i);
            }

            string[] brokers = new string[p.BrokerCount];
            for (int i = 0; i < brokers.Length; i++)
            {
                brokers[i] = p.Broker(i);
            }

            return TelemetryPolicy.Build(signals, identifiers, brokers, servers, p.TopicPrefix, p.EgressBytesPerHour, p.DropNewest, out error);
        }

        private static PolicyStore Store(IStorageFile file)
        {
            return Store(file, null);
        }

        private static PolicyStore Store(IStorageFile file, IMonotonicAnchor anchor)
        {
            return new PolicyStore(file, new Keys(Secret(1)), Ascii(Vin), anchor);
        }

        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)s[i];
            }

            return b;
        }

        [TestMethod]
        public void EncodeAndReadRoundTrip()
        {
            TelemetryPolicy p = Sample(5000);
            byte[] bundle = TelemetryBundle.Encode(p, 7, Vin, 1, Secret(1));
            int reason;
            string error;
            TelemetryBundle read = TelemetryBundle.Read(bundle, bundle.Length, out reason, out error);
            Assert.IsNotNull(read, error);
            Assert.AreEqual(7u, read.PolicyVersion);
            Assert.AreEqual(Vin, read.Vin);
            Assert.AreEqual((ushort)1, read.KeyId);
            Assert.AreEqual(TelemetryRecorder.Hex(TelemetryPolicyCodec.Encode(p), TelemetryPolicyCodec.Encode(p).Length),
                TelemetryRecorder.Hex(TelemetryPolicyCodec.Encode(read.Policy), TelemetryPolicyCodec.Encode(read.Policy).Length));
            TelemetrySignal m = read.Policy.Signal(2);
            Assert.IsTrue(m.Extended && m.Motorola && m.Signed);
            Assert.AreEqual(-4000L, m.OffsetUnits);
            Assert.AreEqual(30000000L, m.Treatment.DelayMicros);
            Assert.AreEqual(16, read.Policy.Identifier(0).PseudonymBytes);
            Assert.IsTrue(read.Policy.IsBrokerAllowed("BROKER.owner.example"));
            Assert.IsFalse(read.Policy.IsBrokerAllowed("broker.maker.example"));
            Assert.IsTrue(read.Policy.IsTopicAllowed("owner/soc"));
            Assert.IsFalse(read.Policy.IsTopicAllowed("maker/soc"));
            Assert.AreEqual(5000L, read.Policy.EgressBytesPerHour);
        }

        [TestMethod]
        public void TimeServersTravelInTheBodyOnlyWhenListed()
        {
            TelemetryPolicy plain = Sample(5000);
            byte[] plainBody = TelemetryPolicyCodec.Encode(plain);
            Assert.AreEqual(0, plainBody[3] & 2, "no time servers: the flag older firmware does not know stays clear");
            Assert.AreEqual(0, plain.TimeServerCount);

            string error;
            TelemetryPolicy timed = WithTimeServers(plain, new string[] { "ntp.owner.example", "10.0.0.3" }, out error);
            Assert.IsNotNull(timed, error);
            byte[] body = TelemetryPolicyCodec.Encode(timed);
            Assert.AreEqual(2, body[3] & 2);
            TelemetryPolicy read = TelemetryPolicyCodec.Decode(body, 0, body.Length, out error);
            Assert.IsNotNull(read, error);
            Assert.AreEqual(2, read.TimeServerCount);
            Assert.AreEqual("ntp.owner.example", read.TimeServer(0));
            Assert.AreEqual("10.0.0.3", read.TimeServer(1));
            Assert.AreEqual(plain.BrokerCount, read.BrokerCount);
            Assert.AreEqual(plain.SignalCount, read.SignalCount);

            body[3] |= 4;
            Assert.IsNull(TelemetryPolicyCodec.Decode(body, 0, body.Length, out error));
            Assert.AreEqual("unknown policy flags 6", error);
        }

        [TestMethod]
        public void TimeServersAreAtMostTwoHostNames()
        {
            TelemetryPolicy plain = Sample(5000);
            string error;
            Assert.IsNull(WithTimeServers(plain, new string[] { "a.example", "b.example", "c.example" }, out error));
            Assert.AreEqual("at most 2 time servers", error);
            Assert.IsNull(WithTimeServers(plain, new string[] { "ntp owner" }, out error));
            Assert.AreEqual("time server 'ntp owner' is not a host name or address", error);
        }

        [TestMethod]
        public void StoreAcceptsSignedNewerBundlesAndRefusesEverythingElseKeepingTheLastGood()
        {
            MemoryStorageFile file = new MemoryStorageFile(64);
            PolicyStore store = Store(file);
            byte[] first = TelemetryBundle.Encode(Sample(1000), 2, Vin, 1, Secret(1));
            Assert.AreEqual(BundleReason.Accepted, store.Offer(first, first.Length));
            Assert.AreEqual(2u, store.ActiveVersion);
            TelemetryPolicy good = store.Active;

            byte[] tampered = TelemetryBundle.Encode(Sample(9999), 3, Vin, 1, Secret(1));
            tampered[TelemetryBundle.HeaderSize + 4] ^= 0x01;
            Refused(store, BundleReason.BadTag, tampered, good);
            Refused(store, BundleReason.Unsigned, TelemetryBundle.Encode(Sample(9999), 3, Vin, 0, null), good);
            Refused(store, BundleReason.UnknownKey, TelemetryBundle.Encode(Sample(9999), 3, Vin, 9, Secret(9)), good);
            Refused(store, BundleReason.BadTag, TelemetryBundle.Encode(Sample(9999), 3, Vin, 1, Secret(2)), good);
            Refused(store, BundleReason.ForeignVehicle, TelemetryBundle.Encode(Sample(9999), 3, "WBA00000000000002", 1, Secret(1)), good);
            Refused(store, BundleReason.NotNewer, TelemetryBundle.Encode(Sample(9999), 2, Vin, 1, Secret(1)), good);
            Refused(store, BundleReason.NotNewer, TelemetryBundle.Encode(Sample(9999), 1, Vin, 1, Secret(1)), good);
            byte[] cut = TelemetryBundle.Encode(Sample(9999), 3, Vin, 1, Secret(1));
            Assert.AreEqual(BundleReason.Truncated, store.Offer(cut, cut.Length - 1));
            cut[0] = (byte)'X';
            Assert.AreEqual(BundleReason.BadMagic, store.Offer(cut, cut.Length));
            Assert.AreEqual(BundleReason.TooLarge, store.Offer(new byte[TelemetryBundle.MaxSize + 1], TelemetryBundle.MaxSize + 1));
            Assert.AreSame(good, store.Active);
            Assert.AreEqual(2u, store.ActiveVersion);
            Assert.AreEqual(2L, store.Count(BundleReason.BadTag));
            Assert.AreEqual(2L, store.Count(BundleReason.NotNewer));

            byte[] newer = TelemetryBundle.Encode(Sample(4242), 3, Vin, 1, Secret(1));
            Assert.AreEqual(BundleReason.Accepted, store.Offer(newer, newer.Length));
            Assert.AreEqual(4242L, store.Active.EgressBytesPerHour);
        }

        [TestMethod]
        public void LoadTakesTheNewestStoredBundleAndCutsATornTail()
        {
            MemoryStorageFile file = new MemoryStorageFile(64);
            PolicyStore first = Store(file);
            byte[] v1 = TelemetryBundle.Encode(Sample(1111), 1, Vin, 1, Secret(1));
            byte[] v2 = TelemetryBundle.Encode(Sample(2222), 2, Vin, 1, Secret(1));
            first.Offer(v1, v1.Length);
            first.Offer(v2, v2.Length);
            long whole = file.Length;
            byte[] torn = new byte[] { 0x10, 0x00, 0x00, 0x00, (byte)'B', (byte)'G' };
            file.Append(torn, 0, torn.Length);

            PolicyStore boot = Store(file);
            Assert.IsNull(boot.Active);
            Assert.AreEqual(BundleReason.Accepted, boot.Load());
            Assert.AreEqual(2u, boot.ActiveVersion);
            Assert.AreEqual(2222L, boot.Active.EgressBytesPerHour);
            Assert.AreEqual(whole, file.Length);

            Assert.AreEqual(BundleReason.NoBundle, Store(new MemoryStorageFile(16)).Load());
        }

        [TestMethod]
        public void AnchorRefusesARolledBackStorageImage()
        {
            Anchor anchor = new Anchor();
            MemoryStorageFile file = new MemoryStorageFile(64);
            PolicyStore store = Store(file, anchor);
            byte[] v1 = TelemetryBundle.Encode(Sample(1111), 1, Vin, 1, Secret(1));
            store.Offer(v1, v1.Length);
            MemoryStorageFile oldImage = new MemoryStorageFile(64);
            Store(oldImage).Offer(v1, v1.Length);
            byte[] v5 = TelemetryBundle.Encode(Sample(5555), 5, Vin, 1, Secret(1));
            store.Offer(v5, v5.Length);
            Assert.AreEqual(5u, anchor.Read());

            // Someone restores the storage image that only holds version 1.
            Assert.AreEqual(BundleReason.NotNewer, Store(oldImage, anchor).Load());
            Assert.AreEqual(BundleReason.Accepted, Store(file, anchor).Load());
        }

        private static void Refused(PolicyStore store, int reason, byte[] bundle, TelemetryPolicy good)
        {
            Assert.AreEqual(BundleReason.Name(reason), BundleReason.Name(store.Offer(bundle, bundle.Length)));
            Assert.AreSame(good, store.Active);
        }

        private sealed class Keys : IOwnerKeys
        {
            private readonly byte[] _secret;

            public Keys(byte[] secret)
            {
                _secret = secret;
            }

            public byte[] SecretFor(ushort keyId)
            {
                return keyId == 1 ? _secret : null;
            }
        }

        private sealed class Anchor : IMonotonicAnchor
        {
            private uint _value;

            public uint Read()
            {
                return _value;
            }

            public void Advance(uint value)
            {
                _value = value > _value ? value : _value;
            }
        }
    }
}
