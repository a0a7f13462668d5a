using BmsGuard.Core.Audit;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// One verified <see cref="AuditKind.Publish"/> record of the audit log, with the detail
/// <see cref="UplinkAudit"/> writes: topic digest (8 bytes), payload size (4 bytes BE), payload digest (16 bytes).
/// </summary>
/// <param name="Offset">Byte offset of the record in the audit log.</param>
/// <param name="Sequence">The record's sequence number.</param>
/// <param name="TimeMicros">The record's time (the uplink's clock).</param>
/// <param name="Resend">True for <see cref="UplinkAudit.Resend"/>, false for a first send.</param>
/// <param name="Detail">The <see cref="UplinkAudit.DetailBytes"/> detail bytes.</param>
public sealed record PublishRecord(long Offset, uint Sequence, long TimeMicros, bool Resend, byte[] Detail)
{
    /// <summary>Payload size the record states.</summary>
    public int Size => (int)AuditRecord.GetUInt32(Detail, UplinkAudit.TopicDigestBytes);

    /// <summary>The topic digest in hex (16 digits), to name a topic no outbox line shows.</summary>
    public string TopicDigestHex => Convert.ToHexString(Detail, 0, UplinkAudit.TopicDigestBytes);

    /// <summary>True when <paramref name="detail"/> (a described outbox line) has the same topic digest.</summary>
    public bool SameTopic(byte[] detail) => Detail.AsSpan(0, UplinkAudit.TopicDigestBytes).SequenceEqual(detail.AsSpan(0, UplinkAudit.TopicDigestBytes));
}
