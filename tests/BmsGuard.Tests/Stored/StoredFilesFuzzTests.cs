using System.Security.Cryptography;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>
/// Every file the guard keeps, replaced by what a corrupt flash or someone with access to it could leave:
/// random bytes, flipped bits, cut lengths, all-ones, a deleted file, and records that carry a valid seal
/// or tag (the device secret sits in identity.bin, so the keys derived from it are not secret to whoever
/// can read the flash) around contents of the attacker's choosing. The guard must boot, connect its
/// uplink, take a policy and tick without throwing. Seeded, so a failure reproduces.
/// </summary>
public sealed class StoredFilesFuzzTests : IDisposable
{
    private static readonly string[] Names =
    [
        GuardFiles.IdentityName, GuardFiles.OwnerName, GuardFiles.StateAName, GuardFiles.StateBName, GuardFiles.AuditName,
        GuardFiles.AnchorName, GuardFiles.PolicyName, GuardFiles.PolicyAnchorName, GuardFiles.SecOcName,
        GuardFiles.SecOcFreshnessName, GuardFiles.UplinkName + "0", GuardFiles.UplinkName + "1", GuardFiles.AuditHeadName,
    ];

    private readonly GuardBench _bench = new(secOc: true);

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void No_content_of_any_stored_file_makes_the_guard_throw(int seed)
    {
        // A guard that lived: a policy taken, telemetry queued for an absent broker, audit records written.
        var lived = _bench.Boot();
        lived.Telemetry.OfferPolicy(_bench.Bundle, _bench.Bundle.Length, GuardBench.Now);
        byte[] secret = File.ReadAllBytes(_bench.File(GuardFiles.IdentityName))[21..53];
        var identity = lived.Identity!;
        string pristine = _bench.Dir.File("pristine");
        Copy(_bench.GuardDir, pristine);

        var rng = new Random(seed);
        int boots = 0;
        foreach (string name in Names)
        {
            for (int round = 0; round < 24; round++)
            {
                Copy(pristine, _bench.GuardDir);
                string path = _bench.File(name);
                byte[] old = File.Exists(path) ? File.ReadAllBytes(path) : [];
                byte[]? now = Mutate(rng, name, old, identity, secret);
                if (now == null)
                {
                    File.Delete(path);
                }
                else
                {
                    File.WriteAllBytes(path, now);
                }

                var guard = Boot(name, round);
                guard.Telemetry.OfferPolicy(_bench.Bundle, _bench.Bundle.Length, GuardBench.Now + 1);
                guard.Tick(GuardBench.Now + 2_000_000);
                guard.Telemetry.Flush(GuardBench.Now + 3_000_000);
                boots++;
            }
        }

        Assert.Equal(Names.Length * 24, boots);
    }

    private BmsGuard.Device.Guard Boot(string name, int round)
    {
        try
        {
            return _bench.Boot();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{name}, round {round}: the guard threw at boot: {e}");
        }
    }

    private byte[]? Mutate(Random rng, string name, byte[] old, GuardIdentity identity, byte[] deviceSecret)
    {
        switch (rng.Next(7))
        {
            case 0:
                return RandomBytes(rng, rng.Next(old.Length * 2 + 64));
            case 1:
                byte[] flipped = old.Length == 0 ? RandomBytes(rng, 8) : (byte[])old.Clone();
                for (int i = rng.Next(1, 8); i > 0; i--)
                {
                    flipped[rng.Next(flipped.Length)] ^= (byte)(1 << rng.Next(8));
                }

                return flipped;
            case 2:
                return old[..rng.Next(old.Length + 1)];
            case 3:
                return Enumerable.Repeat((byte)0xFF, Math.Max(old.Length, 8)).ToArray();
            case 4:
                return null;
            default:
                return Forged(rng, name, identity, deviceSecret);
        }
    }

    // Contents that pass the file's seal or tag: only the fields inside are the attacker's.
    private byte[] Forged(Random rng, string name, GuardIdentity identity, byte[] deviceSecret)
    {
        switch (name)
        {
            case GuardFiles.IdentityName:
                // GuardIdentity's layout: "BGI1", 17 VIN bytes, the secret, HMAC-SHA256(secret, all before).
                byte[] file = [.. "BGI1"u8, .. RandomBytes(rng, 17), .. deviceSecret, .. new byte[32]];
                HMACSHA256.HashData(deviceSecret, file.AsSpan(0, 53)).CopyTo(file, 53);
                return file;
            case GuardFiles.OwnerName:
                return Seal('O', RandomBytes(rng, 34), identity.DeriveKey("owner"));
            case GuardFiles.SecOcName:
                byte[] body = RandomBytes(rng, 17);
                body[0] = (byte)rng.Next(6);
                return Seal('C', body, identity.DeriveKey("secoc"));
            case GuardFiles.StateAName or GuardFiles.StateBName:
                byte[] ring = RandomBytes(rng, BmsGuard.Core.Commands.KeyRing.SerializedSize);
                for (int slot = 0; slot < BmsGuard.Core.Commands.KeyRing.Capacity; slot++)
                {
                    int at = slot * BmsGuard.Core.Commands.KeyRing.EntrySize;
                    ring[at] = (byte)rng.Next(4);
                    ring[at + 1] = (byte)rng.Next(5);
                }

                byte[] record = new byte[BmsGuard.Core.Commands.GuardStateStore.RecordSize];
                "BGS1"u8.CopyTo(record);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(4), rng.Next(3) == 0 ? uint.MaxValue : (uint)rng.Next(1, 100));
                ring.CopyTo(record, 8);
                HMACSHA256.HashData(identity.DeriveKey("state"), record.AsSpan(0, record.Length - 32)).CopyTo(record, record.Length - 32);
                return record;
            case GuardFiles.AnchorName or GuardFiles.PolicyAnchorName or GuardFiles.SecOcFreshnessName or GuardFiles.AuditHeadName:
                uint value = rng.Next(3) switch { 0 => uint.MaxValue, 1 => uint.MaxValue - 1, _ => (uint)rng.Next() };
                uint inverse = ~value;
                return [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value, (byte)(inverse >> 24), (byte)(inverse >> 16), (byte)(inverse >> 8), (byte)inverse];
            case GuardFiles.PolicyName:
                byte[] bundle = _bench.Forge(_bench.Bundle, (uint)rng.Next(1, 5));
                for (int i = rng.Next(1, 6); i > 0; i--)
                {
                    bundle[TelemetryBundle.HeaderSize + rng.Next(bundle.Length - TelemetryBundle.HeaderSize - TelemetryBundle.TagSize)] = (byte)rng.Next(256);
                }

                bundle = _bench.Forge(bundle, BitConverter.ToUInt32(bundle, 6));
                return [.. BitConverter.GetBytes(bundle.Length), .. bundle];
            default:
                return RandomBytes(rng, rng.Next(256));
        }
    }

    private static byte[] Seal(char kind, byte[] body, byte[] key)
    {
        byte[] bytes = [(byte)'B', (byte)'G', (byte)kind, (byte)'1', .. body, .. new byte[32]];
        HMACSHA256.HashData(key, bytes.AsSpan(0, 4 + body.Length)).CopyTo(bytes, 4 + body.Length);
        return bytes;
    }

    private static byte[] RandomBytes(Random rng, int length)
    {
        byte[] b = new byte[length];
        rng.NextBytes(b);
        return b;
    }

    private static void Copy(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, true);
        }

        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }
}
