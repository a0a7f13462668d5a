using System.Security.Cryptography;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Audit;
using BmsGuard.HostSim.Egress;
using BmsGuard.Tests.Support;

namespace BmsGuard.Tests.Egress;

/// <summary>
/// A drive of the real <see cref="Uplink"/> with the audit log on a host file and an <see cref="OutboxTransport"/>:
/// <list type="bullet">
/// <item>T0: telemetry m0..m3 published to broker.owner.example:8883, not acknowledged (outbox lines 2..5, records 1..4);</item>
/// <item>the session breaks; T0+3 s: reconnected to 127.0.0.1:1883, m0..m3 published again (lines 6..9, records 5..8, resends);</item>
/// <item>T0+10 s: event e0 (line 10, record 9); T0+20 s: telemetry m4, m5 and event e1 (lines 11..13, records 10..12).</item>
/// </list>
/// Telemetry payloads carry samples of signals 0 and 1, events of signal 2 (<see cref="SampleRecordDecoder"/>).
/// Line 1 of the outbox is its header comment; every record is 62 bytes (28 bytes of detail).
/// </summary>
public sealed class EgressBench : IDisposable
{
    /// <summary>2026-01-01T00:00:00Z in unix microseconds.</summary>
    public const long T0 = 1_767_225_600_000_000;

    public const string TelemetryTopic = "owner/bms-guard/telemetry";
    public const string EventsTopic = "owner/bms-guard/events";
    public const int RecordBytes = AuditRecord.MinLength + UplinkAudit.DetailBytes;

    private readonly TempDir _dir = new();

    public EgressBench()
    {
        Key = RandomNumberGenerator.GetBytes(32);
        KeyFile = _dir.File("audit.key", Convert.ToHexString(Key) + "\n");
        Audit = _dir.File("audit.bin");
        Outbox = _dir.File("outbox.txt");
        using var file = FileStorageFile.Open(Audit);
        var log = new AuditLog(file, Key);
        log.Open(T0);
        using var outbox = OutboxWriter.Open(Outbox);
        var link = new OutboxTransport(outbox) { AutoAck = false, Now = T0 };
        var uplink = new Uplink(new UplinkPolicy([TelemetryTopic, EventsTopic]), link, log, null);
        for (int m = 0; m < 4; m++)
        {
            Offer(uplink, 0, Telemetry(m, T0 - 1000 + m));
        }

        Pump(uplink, link, T0);
        link.Cut();
        Pump(uplink, link, T0 + 1_000_000);
        link.AutoAck = true;
        link.Destination = "127.0.0.1:1883";
        Pump(uplink, link, T0 + 3_000_000);
        Offer(uplink, 1, Event(T0 + 9_000_000));
        Pump(uplink, link, T0 + 10_000_000);
        Offer(uplink, 0, Telemetry(4, T0 + 19_000_000));
        Offer(uplink, 0, Telemetry(5, T0 + 19_000_001));
        Offer(uplink, 1, Event(T0 + 19_000_002));
        Pump(uplink, link, T0 + 20_000_000);
        Pump(uplink, link, T0 + 21_000_000);
        Published = link.Count;
        Records = log.Records;
    }

    public byte[] Key { get; }

    public string KeyFile { get; }

    public string Audit { get; }

    public string Outbox { get; }

    /// <summary>Publishes the transport wrote.</summary>
    public int Published { get; }

    /// <summary>Records in the audit log.</summary>
    public int Records { get; }

    public string Dir => _dir.Path;

    /// <summary>Telemetry message <paramref name="m"/>: signals 0 and 1 sampled at <paramref name="micros"/> (18 bytes).</summary>
    public static byte[] Telemetry(int m, long micros) => SampleRecordDecoder.Encode((0, micros), (1, micros + m));

    /// <summary>An event: signal 2 sampled at <paramref name="micros"/> (9 bytes).</summary>
    public static byte[] Event(long micros) => SampleRecordDecoder.Encode((2, micros));

    /// <summary>Offset of the record with sequence <paramref name="seq"/>.</summary>
    public static long OffsetOf(int seq) => (seq - 1) * (long)RecordBytes;

    /// <summary>The outbox's lines (index 0 is line 1).</summary>
    public string[] OutboxLines() => System.IO.File.ReadAllLines(Outbox);

    public void RewriteOutbox(IEnumerable<string> lines) => System.IO.File.WriteAllText(Outbox, string.Join("\n", lines) + "\n");

    public string File(string name, string? content = null) => _dir.File(name, content);

    /// <summary>bmsguard egress report on the bench's files plus <paramref name="extra"/> arguments.</summary>
    public CliRun Report(params string[] extra) =>
        CliRun.Of(["egress", "report", "--outbox", Outbox, "--audit", Audit, "--key", KeyFile, .. extra]);

    public void Dispose() => _dir.Dispose();

    private static void Offer(Uplink uplink, int topic, byte[] payload)
    {
        if (!uplink.Enqueue(topic, payload, 0, payload.Length))
        {
            throw new InvalidOperationException("the bench's uplink dropped a message");
        }
    }

    private static void Pump(Uplink uplink, OutboxTransport link, long now)
    {
        link.Now = now;
        uplink.Pump(now);
    }
}
