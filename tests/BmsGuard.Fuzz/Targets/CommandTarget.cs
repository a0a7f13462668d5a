using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// Signed command envelopes through a provisioned <see cref="CommandGuard"/> (owner, fleet, workshop and
/// battery-maker keys 1..4). Input: envelopes, each a length byte, a time step byte (seconds) and the
/// envelope. The harness re-signs every signature naming key 1..4 under that key, so mutations get past
/// the MAC check into freshness, counters, roles, policy and key commands.
/// </summary>
public static class CommandTarget
{
    private const uint Start = 1_800_000_000;
    private static readonly int[] Roles = [Role.Owner, Role.Fleet, Role.Workshop, Role.BatteryMaker];
    private static readonly byte[][] Secrets = [.. Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, 32).Select(i => (byte)(i + (k * 40))).ToArray())];

    /// <summary>The target.</summary>
    public static FuzzTarget Target() => new("command", "CommandGuard.Submit (signatures re-signed under the provisioned keys)",
        "no exception; every verdict is a known CommandVerdict; the state saved after the run loads back", Run, Seeds);

    private static string Run(byte[] input)
    {
        var a = new MemoryStorageFile(1024);
        var b = new MemoryStorageFile(1024);
        var anchor = new MemoryMonotonicAnchor(0);
        byte[] stateKey = new byte[32];
        var ring = new KeyRing();
        for (int k = 0; k < 4; k++)
        {
            ring.Add(k + 1, Roles[k], Secrets[k], 0);
        }

        if (!new GuardStateStore(a, b, anchor, stateKey).Save(ring))
        {
            throw new FuzzFailure("bench: could not save the key ring");
        }

        var guard = new CommandGuard(FirmwareBinaryTargets.Vin, new KeyRing(), CommandPolicy.Default(), new GuardStateStore(a, b, anchor, stateKey), new AlwaysSafe(), null, (long)Start * 1_000_000);
        int accepted = 0;
        int count = 0;
        long now = (long)Start * 1_000_000;
        int at = 0;
        while (at + 2 <= input.Length)
        {
            int length = Math.Min(input[at], input.Length - at - 2);
            now += input[at + 1] * 1_000_000L;
            byte[] envelope = input.AsSpan(at + 2, length).ToArray();
            at += 2 + length;
            Resign(envelope);
            int verdict = guard.Submit(envelope, envelope.Length, now);
            if (verdict < 0 || verdict >= CommandVerdict.Count)
            {
                throw new FuzzFailure($"unknown verdict {verdict}");
            }

            accepted += verdict == CommandVerdict.Accepted ? 1 : 0;
            count++;
        }

        var reloaded = new KeyRing();
        if (new GuardStateStore(a, b, anchor, stateKey).Load(reloaded) != StateLoad.Loaded)
        {
            throw new FuzzFailure("the guard's saved state does not load back");
        }

        return $"ok: {count} envelopes, {accepted} accepted, {reloaded.Count} keys after";
    }

    private static void Resign(byte[] e)
    {
        if (e.Length <= EnvelopeFormat.ParameterLengthOffset)
        {
            return;
        }

        int body = EnvelopeFormat.ParametersOffset + e[EnvelopeFormat.ParameterLengthOffset];
        if (body >= e.Length)
        {
            return;
        }

        int count = e[body];
        for (int i = 0; i < count; i++)
        {
            int at = body + 1 + (i * EnvelopeFormat.SignatureSize);
            if (at + EnvelopeFormat.SignatureSize > e.Length)
            {
                return;
            }

            int keyId = (e[at + 1] << 8) | e[at + 2];
            if (keyId >= 1 && keyId <= 4)
            {
                EnvelopeMac.Compute(new HmacSha256(Secrets[keyId - 1]), e, body, e, at, e, at + EnvelopeFormat.SignatureHeaderSize);
            }
        }
    }

    private static IEnumerable<(string, byte[])> Seeds()
    {
        byte[] Sign(int type, byte[]? parameters, params (int Key, uint Counter)[] signers)
        {
            var w = new EnvelopeWriter(type, FirmwareBinaryTargets.Vin, Start, Start + 60, parameters);
            foreach (var (key, counter) in signers)
            {
                w.AddSignature(Roles[key - 1], key, counter, Secrets[key - 1]);
            }

            return w.ToArray();
        }

        byte[] Stream(params byte[][] envelopes) => [.. envelopes.SelectMany(e => (byte[])[(byte)e.Length, 1, .. e])];

        yield return ("open-window.cmd", Stream(Sign(CommandType.OpenMaintenanceWindow, [0, 60], (3, 1))));
        yield return ("contactors-then-revoke.cmd", Stream(
            Sign(CommandType.OpenContactors, null, (1, 1), (2, 1)),
            Sign(CommandType.RevokeKey, EnvelopeWriter.RevokeParameters(3), (1, 2)),
            Sign(CommandType.OpenMaintenanceWindow, [0, 60], (3, 2))));
        byte[] wrapped = KeyWrap.Wrap(Secrets[0], 1, 3, Enumerable.Repeat((byte)0x5A, 32).ToArray());
        yield return ("provision-key.cmd", Stream(Sign(CommandType.ProvisionKey, EnvelopeWriter.ProvisionParameters(9, Role.Fleet, wrapped), (1, 3))));
    }

    private sealed class AlwaysSafe : ISafetyCheck
    {
        public int Check(int commandType, long nowMicros) => SafetyResult.Safe;
    }
}
