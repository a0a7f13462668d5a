using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// The publish record detail an outbox line should have, computed by the firmware's own
/// <see cref="UplinkAudit.Describe"/> so host and device cannot disagree on the layout. One
/// <see cref="UplinkAudit"/> per topic (its topic digest is computed once).
/// </summary>
public sealed class PublishDigests
{
    private readonly Dictionary<string, UplinkAudit> _byTopic = new(StringComparer.Ordinal);

    /// <summary>The <see cref="UplinkAudit.DetailBytes"/>-byte detail for a publish of <paramref name="line"/>.</summary>
    public byte[] Describe(OutboxLine line)
    {
        if (!_byTopic.TryGetValue(line.Topic, out var audit))
        {
            audit = new UplinkAudit(null, [line.Topic]);
            _byTopic.Add(line.Topic, audit);
        }

        byte[] detail = new byte[UplinkAudit.DetailBytes];
        audit.Describe(0, line.Payload, line.Payload.Length, detail);
        return detail;
    }
}
