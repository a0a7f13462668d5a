using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.HostSim.Keys;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Stored;

/// <summary>A provisioned guard directory with its owner key, the reference bundle, and ways to forge signed bundles and read the audit log.</summary>
public sealed class GuardBench : IDisposable
{
    public const long Now = 1_700_000_000_000_000;

    public GuardBench(bool secOc = false)
    {
        (KeyPath, Owner) = PolicyFiles.NewKey(Dir, "owner.key");
        string[] args = ["provision", "--vin", PolicyFiles.Vin, "--owner", KeyPath, "--out", Dir.File("guard")];
        var run = CliRun.Of(secOc ? [.. args, "--secoc", "workshop"] : args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var (compile, bundle) = PolicyFiles.Compile(Dir, PolicyFiles.ReferencePolicy, KeyPath, version: 1);
        Assert.True(compile.ExitCode == 0, compile.Stderr);
        Bundle = System.IO.File.ReadAllBytes(bundle);
        GuardDir = Dir.File("guard");
    }

    public TempDir Dir { get; } = new();

    public string KeyPath { get; }

    public KeyFile Owner { get; }

    public string GuardDir { get; }

    /// <summary>The reference policy, version 1, signed by the owner.</summary>
    public byte[] Bundle { get; }

    public string File(string name) => Path.Combine(GuardDir, name);

    /// <summary>Boots a guard on the directory (as the device does at reset) and connects its uplink.</summary>
    public BmsGuard.Device.Guard Boot(long now = Now)
    {
        var guard = new BmsGuard.Device.Guard(GuardFiles.At(GuardDir + Path.DirectorySeparatorChar), new NullOutbox(), now);
        guard.Telemetry.Connect(new AcceptingTransport(), "broker.owner.example");
        guard.Tick(now + 10_000);
        return guard;
    }

    /// <summary>
    /// <paramref name="bundle"/> with its header version set to <paramref name="version"/>, the i64 at
    /// body offset <paramref name="bodyOffset"/> set to <paramref name="value"/> (unless negative offset),
    /// and signed again with the owner's secret: what a careless or hostile tool could sign.
    /// </summary>
    public byte[] Forge(byte[] bundle, uint version, int bodyOffset = -1, long value = 0)
    {
        byte[] b = (byte[])bundle.Clone();
        BitConverter.TryWriteBytes(b.AsSpan(6, 4), version);
        if (bodyOffset >= 0)
        {
            BitConverter.TryWriteBytes(b.AsSpan(TelemetryBundle.HeaderSize + bodyOffset, 8), value);
        }

        new HmacSha256(Owner.Secret).Compute(b, 0, b.Length - TelemetryBundle.TagSize, b, b.Length - TelemetryBundle.TagSize);
        return b;
    }

    /// <summary>Appends <paramref name="bundle"/> to the stored policy records as the store does (u32 length, bytes).</summary>
    public void Store(byte[] bundle)
    {
        using var f = new FileStream(File(GuardFiles.PolicyName), FileMode.Append);
        f.Write(BitConverter.GetBytes(bundle.Length));
        f.Write(bundle);
    }

    /// <summary>The guard's audit records as (kind, reason, detail).</summary>
    public List<(int Kind, int Reason, byte[] Detail)> Audit(BmsGuard.Device.Guard guard)
    {
        var scanner = new AuditScanner(guard.Identity!.DeriveKey("audit"));
        var list = new List<(int, int, byte[])>();
        scanner.Start(new FlashStorageFile(File(GuardFiles.AuditName)));
        for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
        {
            if (e is AuditScanner.Record or AuditScanner.Resumed)
            {
                byte[] r = scanner.RecordBytes;
                list.Add((AuditRecord.Kind(r), AuditRecord.Reason(r), r.AsSpan(AuditRecord.HeaderSize, AuditRecord.DetailLength(r)).ToArray()));
            }
        }

        return list;
    }

    public void Dispose() => Dir.Dispose();

    private sealed class NullOutbox : IFrameOutbox
    {
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length) => true;
    }

    /// <summary>A broker that takes and acknowledges everything.</summary>
    public sealed class AcceptingTransport : IUplinkTransport
    {
        private int _id;

        public bool IsConnected { get; private set; }

        public bool TryConnect(long nowMicros) => IsConnected = true;

        public int Publish(string topic, byte[] payload, int length) => ++_id;

        public bool IsAcknowledged(int messageId) => true;

        public void Service(long nowMicros)
        {
        }
    }
}
