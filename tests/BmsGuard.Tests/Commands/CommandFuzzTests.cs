using System.Diagnostics;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Storage;
using Xunit;

namespace BmsGuard.Tests.Commands;

/// <summary>
/// Random and mutated envelopes against a provisioned guard: it never throws, never hangs, denies
/// cleanly with a named verdict, and accepts a mutated envelope never (byte-level mutations of a
/// valid envelope). Seeds are fixed so a failure reproduces; the keys are drawn from the seed.
/// </summary>
public sealed class CommandFuzzTests
{
    private const string Vin = "WVWZZZ1KZ8P000001";
    private const uint Now = 1800000000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_denied_cleanly(int seed)
    {
        Bench bench = new(seed);
        Random rng = new(seed * 7919);
        int[] seen = new int[CommandVerdict.Count];
        RunWithin(Budget, () =>
        {
            byte[] buffer = new byte[EnvelopeFormat.MaxLength + 16];
            for (int i = 0; i < 20000; i++)
            {
                int length = RandomShape(rng, buffer);

                // Sometimes claim more or fewer bytes than the buffer holds.
                int claimed = rng.Next(20) switch { 0 => -rng.Next(1, 5), 1 => buffer.Length + rng.Next(1, 50), _ => length };
                byte[] input = buffer;
                if (i % 2 == 0 && claimed >= 0 && claimed <= buffer.Length)
                {
                    // An array of exactly the claimed length: any read past the end would throw.
                    input = buffer.AsSpan(0, claimed).ToArray();
                }

                int verdict = bench.Guard.Submit(input, claimed, (long)Now * 1000000);
                AssertCleanDenial(bench, verdict);
                seen[verdict]++;
            }
        });

        Assert.True(seen[CommandVerdict.Malformed] > 0, "malformed inputs were generated");
        Assert.True(seen[CommandVerdict.BadVersion] > 0, "bad versions were generated");
        Assert.True(seen[CommandVerdict.UnknownKey] + seen[CommandVerdict.WrongVehicle] + seen[CommandVerdict.BadParameters] > 0, "some inputs got past the structure checks");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Mutated_valid_envelopes_are_never_accepted(int seed)
    {
        Bench bench = new(seed);
        Random rng = new(seed * 104729);
        int mutants = 0;
        RunWithin(Budget, () =>
        {
            for (int round = 0; round < 150; round++)
            {
                byte[] valid = bench.RandomValidEnvelope(rng);
                int body = BodyLength(valid);
                bool bodyKept = false;
                for (int m = 0; m < 40; m++)
                {
                    byte[] mutant = Mutate(rng, valid);
                    if (mutant.AsSpan().SequenceEqual(valid))
                    {
                        continue;
                    }

                    mutants++;
                    bodyKept |= mutant.Length > body && mutant.AsSpan(0, body).SequenceEqual(valid.AsSpan(0, body));
                    int verdict = bench.Guard.Submit(mutant, mutant.Length, (long)Now * 1000000);
                    AssertCleanDenial(bench, verdict);
                }

                // A mutant that changed the signed body verifies no signature and spends nothing; one that
                // kept it may carry a genuine signature, which is then spent (a judged envelope is spent).
                string first = CommandVerdict.Name(bench.Guard.Submit(valid, valid.Length, (long)Now * 1000000));
                if (!bodyKept)
                {
                    Assert.Equal(CommandVerdict.Name(CommandVerdict.Accepted), first);
                }
                else
                {
                    Assert.Contains(first, new[] { CommandVerdict.Name(CommandVerdict.Accepted), CommandVerdict.Name(CommandVerdict.Replayed) });
                }

                Assert.Equal(CommandVerdict.Name(CommandVerdict.Replayed), CommandVerdict.Name(bench.Guard.Submit(valid, valid.Length, (long)Now * 1000000)));
            }
        });

        Assert.True(mutants > 5000, "mutants tried: " + mutants);
    }

    private static int BodyLength(byte[] envelope)
    {
        CommandEnvelope parsed = new();
        Assert.Equal(CommandVerdict.Accepted, parsed.Parse(envelope, envelope.Length));
        return parsed.BodyLength;
    }

    [Fact]
    public void Unprovisioned_and_rolled_back_guards_deny_everything()
    {
        Random rng = new(5);
        Bench fresh = new(5, provision: false);
        Bench provisioned = new(6);
        byte[] valid = provisioned.RandomValidEnvelope(rng);
        Assert.Equal(CommandVerdict.Unprovisioned, fresh.Guard.Submit(valid, valid.Length, (long)Now * 1000000));

        provisioned.Anchor.Advance(provisioned.Store.Generation + 1);
        provisioned.Reboot();
        byte[] buffer = new byte[EnvelopeFormat.MaxLength];
        for (int i = 0; i < 2000; i++)
        {
            int length = RandomShape(rng, buffer);
            Assert.Equal(CommandVerdict.RollbackDetected, provisioned.Guard.Submit(buffer, length, (long)Now * 1000000));
        }

        Assert.Equal(CommandVerdict.RollbackDetected, provisioned.Guard.Submit(valid, valid.Length, (long)Now * 1000000));
    }

    private static void AssertCleanDenial(Bench bench, int verdict)
    {
        Assert.InRange(verdict, 1, CommandVerdict.Count - 1);
        Assert.DoesNotContain("verdict-", CommandVerdict.Name(verdict));
        Assert.Equal(0, bench.Guard.Accepted.Type);
    }

    /// <summary>Fills the buffer with random bytes, often shaped like an envelope (version 1, consistent lengths); returns the length.</summary>
    private static int RandomShape(Random rng, byte[] buffer)
    {
        rng.NextBytes(buffer);
        int p = rng.Next(0, 56);
        int s = rng.Next(0, 6);
        int length = rng.Next(4) == 0 ? rng.Next(0, buffer.Length + 1) : Math.Min(buffer.Length, EnvelopeFormat.Length(p, s));
        if (rng.Next(4) != 0 && length > 0)
        {
            buffer[0] = EnvelopeFormat.Version;
        }

        if (length > 28)
        {
            buffer[27] = (byte)p;
            if (28 + p < length)
            {
                buffer[28 + p] = (byte)s;
            }

            if (rng.Next(2) == 0)
            {
                buffer[1] = (byte)rng.Next(0, 0x14);
            }

            if (rng.Next(2) == 0)
            {
                for (int i = 0; i < Vin.Length; i++)
                {
                    buffer[2 + i] = (byte)Vin[i];
                }
            }
        }

        return length;
    }

    private static byte[] Mutate(Random rng, byte[] valid)
    {
        List<byte> bytes = new(valid);
        int edits = rng.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            int at = rng.Next(bytes.Count);
            switch (rng.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: bytes[at] = (byte)rng.Next(256); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Add((byte)rng.Next(256)); break;
                case 4: bytes.Insert(at, (byte)rng.Next(256)); break;
                default: bytes.RemoveAt(at); break;
            }

            if (bytes.Count == 0)
            {
                break;
            }
        }

        return bytes.ToArray();
    }

    private static void RunWithin(TimeSpan budget, Action body)
    {
        Stopwatch watch = Stopwatch.StartNew();
        Task run = Task.Run(body);
        Assert.True(run.Wait(budget), "did not finish within " + budget + " (a hang?)");
        run.GetAwaiter().GetResult();
        Assert.True(watch.Elapsed < budget);
    }

    /// <summary>A provisioned guard with owner, fleet, workshop and battery-maker keys, and a signer for each.</summary>
    private sealed class Bench
    {
        private static readonly int[] Roles = { Role.Owner, Role.Fleet, Role.Workshop, Role.BatteryMaker };
        private readonly byte[][] _secrets = new byte[4][];
        private readonly uint[] _counters = new uint[4];
        private readonly byte[] _stateKey = new byte[32];
        private readonly IStorageFile _a = new MemoryStorageFile(1024);
        private readonly IStorageFile _b = new MemoryStorageFile(1024);

        public Bench(int seed, bool provision = true)
        {
            Random keys = new(seed);
            keys.NextBytes(_stateKey);
            for (int i = 0; i < 4; i++)
            {
                _secrets[i] = new byte[32];
                keys.NextBytes(_secrets[i]);
            }

            Anchor = new MemoryMonotonicAnchor(0);
            Reboot();
            if (!provision)
            {
                return;
            }

            Assert.Equal(CommandVerdict.Accepted, Guard.ProvisionOwner(1, _secrets[0]));
            for (int i = 1; i < 4; i++)
            {
                _counters[0]++;
                byte[] wrapped = KeyWrap.Wrap(_secrets[0], 1, _counters[0], _secrets[i]);
                EnvelopeWriter w = new(CommandType.ProvisionKey, Vin, Now, Now + 60, EnvelopeWriter.ProvisionParameters(i + 1, Roles[i], wrapped));
                w.AddSignature(Role.Owner, 1, _counters[0], _secrets[0]);
                byte[] e = w.ToArray();
                Assert.Equal(CommandVerdict.Accepted, Guard.Submit(e, e.Length, (long)Now * 1000000));
            }
        }

        public MemoryMonotonicAnchor Anchor { get; }

        public GuardStateStore Store { get; private set; } = null!;

        public CommandGuard Guard { get; private set; } = null!;

        public void Reboot()
        {
            Store = new GuardStateStore(_a, _b, Anchor, _stateKey);
            Guard = new CommandGuard(Vin, new KeyRing(), CommandPolicy.Default(), Store, new AlwaysSafe(), new NoAudit(), (long)Now * 1000000);
        }

        /// <summary>A valid envelope of a random non-key type, signed by enough distinct allowed roles in random order.</summary>
        public byte[] RandomValidEnvelope(Random rng)
        {
            int[] types =
            {
                CommandType.SetChargeTarget, CommandType.EnableCharging, CommandType.DisableCharging, CommandType.OpenContactors,
                CommandType.SetCurrentLimits, CommandType.SetCellVoltageLimits, CommandType.OpenMaintenanceWindow,
                CommandType.OpenFlashingWindow, CommandType.CloseMaintenanceWindow,
            };
            int type = types[rng.Next(types.Length)];
            byte[] parameters = type switch
            {
                CommandType.SetChargeTarget => new[] { (byte)rng.Next(50, 101) },
                CommandType.SetCurrentLimits => new byte[] { 1, (byte)rng.Next(256), 2, 0 },
                CommandType.SetCellVoltageLimits => new byte[] { 0x0B, 0xB8, 0x10, (byte)rng.Next(0x68) },
                CommandType.OpenMaintenanceWindow or CommandType.OpenFlashingWindow => new byte[] { 0, (byte)rng.Next(1, 256) },
                _ => Array.Empty<byte>(),
            };

            CommandPolicy policy = Guard.Policy;
            List<int> signers = new();
            for (int i = 0; i < 4; i++)
            {
                if (policy.Allows(type, Roles[i]))
                {
                    signers.Add(i);
                }
            }

            // A random set of allowed signers that the policy accepts: enough counting roles (the maker
            // never counts) and one of the needed roles.
            int count;
            int mask;
            do
            {
                signers = signers.OrderBy(_ => rng.Next()).ToList();
                count = rng.Next(1, signers.Count + 1);
                mask = 0;
                for (int n = 0; n < count; n++)
                {
                    mask |= 1 << Roles[signers[n]];
                }
            }
            while (CommandPolicy.RoleCount(CommandPolicy.CountingRoles(mask)) < policy.Threshold(type)
                || (policy.NeedsMask(type) != 0 && (mask & policy.NeedsMask(type)) == 0));

            uint issued = Now - (uint)rng.Next(0, 100);
            EnvelopeWriter w = new(type, Vin, issued, issued + (uint)rng.Next(101, 3600), parameters);
            for (int n = 0; n < count; n++)
            {
                int i = signers[n];
                _counters[i] += (uint)rng.Next(1, 3);
                w.AddSignature(Roles[i], i + 1, _counters[i], _secrets[i]);
            }

            return w.ToArray();
        }
    }

    private sealed class AlwaysSafe : BmsGuard.Core.Commands.ISafetyCheck
    {
        public int Check(int commandType, long nowMicros) => SafetyResult.Safe;
    }

    private sealed class NoAudit : IAuditTrail
    {
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            Assert.InRange(detailLength, 0, 64);
            Assert.True(kind == AuditKind.CommandAccepted || kind == AuditKind.CommandDenied || kind == AuditKind.KeyProvisioned || kind == AuditKind.RollbackDetected, "kind " + kind);
        }
    }
}
