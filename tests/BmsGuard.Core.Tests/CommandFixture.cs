using BmsGuard.Core.Commands;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// A guard on a test bench: two in-memory state files, an anchor, a recording audit trail and a
    /// settable safety check, plus four signing keys (owner 1, fleet 2, workshop 3, battery maker 4)
    /// with secrets drawn at test time. <see cref="Reboot"/> builds a new guard over the same storage.
    /// </summary>
    public sealed class CommandFixture
    {
        /// <summary>The bench vehicle.</summary>
        public const string Vin = "WVWZZZ1KZ8P000001";

        /// <summary>Key ids of the four signers.</summary>
        public const int Owner = 1, Fleet = 2, Workshop = 3, Maker = 4;

        /// <summary>"Now" on the bench, unix seconds.</summary>
        public const uint NowSeconds = 1800000000;

        /// <summary>No parameters.</summary>
        public static readonly byte[] None = new byte[0];

        private const int MaxKeys = 64;
        private static readonly System.Random Random = new System.Random();

        private readonly int[] _ids = new int[MaxKeys];
        private readonly int[] _roles = new int[MaxKeys];
        private readonly byte[][] _secrets = new byte[MaxKeys][];
        private readonly uint[] _counters = new uint[MaxKeys];
        private readonly byte[] _stateKey = NewSecret();
        private int _keyCount;

        /// <summary>Creates the bench with an unprovisioned guard and the four signing keys known to the test (not to the guard).</summary>
        public CommandFixture()
        {
            A = new MemoryStorageFile(1024);
            B = new MemoryStorageFile(1024);
            Anchor = new MemoryMonotonicAnchor(0);
            Safety = new CommandSafetyStub();
            Audit = new CommandAuditLog();
            Policy = CommandPolicy.Default();
            AddSigner(Owner, Role.Owner);
            AddSigner(Fleet, Role.Fleet);
            AddSigner(Workshop, Role.Workshop);
            AddSigner(Maker, Role.BatteryMaker);
            Keys = new KeyRing();
            Store = new GuardStateStore(A, B, Anchor, _stateKey);
            Guard = new CommandGuard(Vin, Keys, Policy, Store, Safety, Audit, NowMicros);
        }

        public IStorageFile A;
        public IStorageFile B;
        public MemoryMonotonicAnchor Anchor;
        public CommandSafetyStub Safety;
        public CommandAuditLog Audit;
        public CommandPolicy Policy;
        public KeyRing Keys;
        public GuardStateStore Store;
        public CommandGuard Guard;

        /// <summary>When true, <see cref="Reboot"/> builds the guard without a safety check.</summary>
        public bool WithoutSafetyCheck;

        /// <summary>Now, unix microseconds.</summary>
        public static long NowMicros
        {
            get { return NowSeconds * 1000000L; }
        }

        /// <summary>A fresh random 32-byte secret.</summary>
        public static byte[] NewSecret()
        {
            byte[] s = new byte[32];
            Random.NextBytes(s);
            return s;
        }

        /// <summary>A bench with the owner provisioned locally and fleet, workshop and maker keys provisioned by owner-signed envelopes.</summary>
        public static CommandFixture Provisioned()
        {
            CommandFixture f = new CommandFixture();
            CommandExpect.Verdict(CommandVerdict.Accepted, f.Guard.ProvisionOwner(Owner, f.Secret(Owner)), "local owner provisioning");
            f.ProvisionOverTheAir(Owner, Fleet);
            f.ProvisionOverTheAir(Owner, Workshop);
            f.ProvisionOverTheAir(Owner, Maker);
            return f;
        }

        /// <summary>Builds a new store and guard over the same files and anchor (a reboot).</summary>
        public void Reboot()
        {
            Keys = new KeyRing();
            Store = new GuardStateStore(A, B, Anchor, _stateKey);
            Guard = WithoutSafetyCheck
                ? new CommandGuard(Vin, Keys, Policy, Store, null, Audit, NowMicros)
                : new CommandGuard(Vin, Keys, Policy, Store, Safety, Audit, NowMicros);
        }

        /// <summary>Adds a signer known to the test (not yet to the guard) with a random secret.</summary>
        public void AddSigner(int keyId, int role)
        {
            _ids[_keyCount] = keyId;
            _roles[_keyCount] = role;
            _secrets[_keyCount] = NewSecret();
            _keyCount++;
        }

        /// <summary>The test's copy of a signer's secret.</summary>
        public byte[] Secret(int keyId)
        {
            return _secrets[IndexOf(keyId)];
        }

        /// <summary>Replaces the test's copy of a signer's secret (after a rotation).</summary>
        public void SetSecret(int keyId, byte[] secret)
        {
            _secrets[IndexOf(keyId)] = secret;
        }

        /// <summary>The role of a signer.</summary>
        public int RoleOf(int keyId)
        {
            return _roles[IndexOf(keyId)];
        }

        /// <summary>The last counter used by a signer.</summary>
        public uint Counter(int keyId)
        {
            return _counters[IndexOf(keyId)];
        }

        /// <summary>Sets the last counter used by a signer (the next signature uses one more).</summary>
        public void SetCounter(int keyId, uint counter)
        {
            _counters[IndexOf(keyId)] = counter;
        }

        /// <summary>An envelope valid for the next minute, signed by <paramref name="signers"/> with their next counters.</summary>
        public byte[] Sign(int type, byte[] parameters, params int[] signers)
        {
            return SignAt(type, parameters, NowSeconds - 1, NowSeconds + 60, signers);
        }

        /// <summary>An envelope with the given times, signed by <paramref name="signers"/> with their next counters.</summary>
        public byte[] SignAt(int type, byte[] parameters, uint issued, uint expires, params int[] signers)
        {
            EnvelopeWriter w = new EnvelopeWriter(type, Vin, issued, expires, parameters);
            for (int i = 0; i < signers.Length; i++)
            {
                int k = IndexOf(signers[i]);
                _counters[k]++;
                w.AddSignature(_roles[k], _ids[k], _counters[k], _secrets[k]);
            }

            return w.ToArray();
        }

        /// <summary>Submits at the bench's now.</summary>
        public int Submit(byte[] envelope)
        {
            return Guard.Submit(envelope, envelope.Length, NowMicros);
        }

        /// <summary>The provision-key envelope by which <paramref name="issuer"/> installs <paramref name="keyId"/>.</summary>
        public byte[] ProvisionEnvelope(int issuer, int keyId)
        {
            byte[] wrapped = KeyWrap.Wrap(Secret(issuer), issuer, Counter(issuer) + 1, Secret(keyId));
            return Sign(CommandType.ProvisionKey, EnvelopeWriter.ProvisionParameters(keyId, RoleOf(keyId), wrapped), issuer);
        }

        /// <summary>Has <paramref name="issuer"/> provision <paramref name="keyId"/> and checks it was accepted.</summary>
        public void ProvisionOverTheAir(int issuer, int keyId)
        {
            CommandExpect.Verdict(CommandVerdict.Accepted, Submit(ProvisionEnvelope(issuer, keyId)), "provision key " + keyId.ToString());
        }

        /// <summary>A copy of a storage file's bytes (to restore it later, as an attacker would).</summary>
        public static MemoryStorageFile Copy(IStorageFile file)
        {
            byte[] bytes = new byte[(int)file.Length];
            file.Read(0, bytes, 0, bytes.Length);
            MemoryStorageFile copy = new MemoryStorageFile(bytes.Length);
            copy.Append(bytes, 0, bytes.Length);
            return copy;
        }

        private int IndexOf(int keyId)
        {
            for (int i = 0; i < _keyCount; i++)
            {
                if (_ids[i] == keyId)
                {
                    return i;
                }
            }

            throw new System.ArgumentException();
        }
    }
}
