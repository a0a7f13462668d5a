using BmsGuard.Core;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// The guard's files at boot: identity, one-shot owner key, key ring A/B, audit log, anchors, stored
/// policy bundles, SecOC key and freshness, read by <see cref="Guard"/>'s constructor, then one tick.
/// Input: the files in <see cref="Names"/> order, each a u16 little-endian length and its bytes. The
/// harness reseals whatever a MAC guards, under the keys the files themselves define (identity secret,
/// keys derived from it, the owner key), so mutations reach the parsers behind the MACs.
/// </summary>
public static class GuardBootTarget
{
    /// <summary>File order in the input.</summary>
    public static readonly string[] Names =
        ["identity", "owner", "state-a", "state-b", "audit", "anchor", "policy", "policy-anchor", "secoc", "secoc-freshness"];

    private const long Now = 1_800_000_000L * 1_000_000;
    private static readonly byte[] DeviceSecret = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();

    /// <summary>The target.</summary>
    public static FuzzTarget Target() => new("guard-boot", "Guard(GuardFiles, ...) then Tick: GuardIdentity, OwnerProvisioning, GuardStateStore, AuditLog.Open, StorageAnchor, PolicyStore, SecOcProvisioning",
        "no exception: a bad file leaves the guard unprovisioned, empty or refusing, never unbootable", Boot, Seeds);

    private static string Boot(byte[] input)
    {
        byte[][] files = Split(input);
        Reseal(files);
        var guard = new Guard(Files(files), new NullOutbox(), Now);
        guard.Tick(Now + 1_000_000);
        return $"ok: identity {(guard.Identity == null ? "none" : guard.Identity.Vin)}, {guard.Keys.Count} keys, load {StateLoad.Name(guard.Commands.LoadResult)}, "
            + $"policy {(guard.Telemetry.Store.Active == null ? "none" : "v" + guard.Telemetry.Store.ActiveVersion)}, secoc {(guard.SecOc == null ? "no" : "yes")}";
    }

    private static byte[][] Split(byte[] input)
    {
        var files = new byte[Names.Length][];
        int at = 0;
        for (int i = 0; i < files.Length; i++)
        {
            int length = at + 2 <= input.Length ? input[at] | (input[at + 1] << 8) : 0;
            at = Math.Min(at + 2, input.Length);
            length = Math.Min(length, input.Length - at);
            files[i] = input.AsSpan(at, length).ToArray();
            at += length;
        }

        return files;
    }

    private static void Reseal(byte[][] f)
    {
        byte[] id = f[0];
        if (id.Length != GuardIdentity.Size || id[0] != 'B' || id[1] != 'G' || id[2] != 'I' || id[3] != '1')
        {
            return;
        }

        byte[] secret = id.AsSpan(21, 32).ToArray();
        new HmacSha256(secret).Compute(id, 0, 53, id, 53);
        Seal(f[1], GuardIdentity.Derive(secret, "owner"));
        Seal(f[8], GuardIdentity.Derive(secret, "secoc"));
        var state = new HmacSha256(GuardIdentity.Derive(secret, "state"));
        foreach (byte[] record in new[] { f[2], f[3] })
        {
            if (record.Length == GuardStateStore.RecordSize)
            {
                state.Compute(record, 0, record.Length - HmacSha256.MacSize, record, record.Length - HmacSha256.MacSize);
            }
        }

        // The seeds' owner key (from the owner file, then kept in the key ring).
        Retag(f[6], f[1].Length == OwnerProvisioning.Size ? f[1].AsSpan(6, 32).ToArray() : FirmwareBinaryTargets.OwnerSecret);
    }

    private static void Seal(byte[] record, byte[] key)
    {
        if (record.Length > HmacSha256.MacSize + 4)
        {
            new HmacSha256(key).Compute(record, 0, record.Length - HmacSha256.MacSize, record, record.Length - HmacSha256.MacSize);
        }
    }

    private static void Retag(byte[] file, byte[] ownerSecret)
    {
        var mac = new HmacSha256(ownerSecret);
        int at = 0;
        while (at + 4 <= file.Length)
        {
            long length = BitConverter.ToUInt32(file, at);
            if (length < TelemetryBundle.HeaderSize + TelemetryBundle.TagSize || at + 4 + length > file.Length)
            {
                return;
            }

            int end = at + 4 + (int)length;
            mac.Compute(file, at + 4, (int)length - TelemetryBundle.TagSize, file, end - TelemetryBundle.TagSize);
            at = end;
        }
    }

    private static GuardFiles Files(byte[][] f)
    {
        IStorageFile File(byte[] bytes)
        {
            var file = new MemoryStorageFile(bytes.Length);
            file.Append(bytes, 0, bytes.Length);
            return file;
        }

        return new GuardFiles(File(f[0]), File(f[1]), File(f[2]), File(f[3]), File(f[4]), File(f[5]), File(f[6]), File(f[7]),
            [], File(f[8]), File(f[9]), File([]));
    }

    /// <summary>A provisioned guard's files after its first boot (identity, owner key, policy v1, SecOC key).</summary>
    private static IEnumerable<(string, byte[])> Seeds()
    {
        var files = GuardFiles.InMemory();
        byte[] identity = GuardIdentity.Encode(FirmwareBinaryTargets.Vin, DeviceSecret);
        byte[] owner = OwnerProvisioning.Encode(1, FirmwareBinaryTargets.OwnerSecret, GuardIdentity.Derive(DeviceSecret, "owner"));
        byte[] secoc = SecOcProvisioning.Encode(Role.Owner, Enumerable.Range(0, 16).Select(i => (byte)i).ToArray(), GuardIdentity.Derive(DeviceSecret, "secoc"));
        byte[] bundle = FirmwareBinaryTargets.ReferenceBundle(1);
        files.Identity.Append(identity, 0, identity.Length);
        files.Owner.Append(owner, 0, owner.Length);
        files.SecOc.Append(secoc, 0, secoc.Length);
        files.Policy.Append(BitConverter.GetBytes((uint)bundle.Length), 0, 4);
        files.Policy.Append(bundle, 0, bundle.Length);
        _ = new Guard(files, new NullOutbox(), Now);

        IStorageFile[] all = [files.Identity, files.Owner, files.StateA, files.StateB, files.Audit, files.Anchor, files.Policy, files.PolicyAnchor, files.SecOc, files.SecOcFreshness];
        var input = new List<byte>();
        foreach (var file in all)
        {
            byte[] bytes = new byte[file.Length];
            file.Read(0, bytes, 0, bytes.Length);
            input.Add((byte)bytes.Length);
            input.Add((byte)(bytes.Length >> 8));
            input.AddRange(bytes);
        }

        yield return ("provisioned.guard", input.ToArray());
        yield return ("unprovisioned.guard", new byte[Names.Length * 2]);
    }

    private sealed class NullOutbox : IFrameOutbox
    {
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length) => true;
    }
}
