using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Telemetry;

namespace BmsGuard.Tests.Telemetry;

/// <summary>An outlet that keeps a copy of every payload with its topic, and decodes them all.</summary>
public sealed class PayloadCapture : ITelemetryOutlet
{
    public List<(int Topic, byte[] Bytes)> Payloads { get; } = [];

    public bool Publish(int topic, byte[] payload, int length)
    {
        Payloads.Add((topic, payload[..length]));
        return true;
    }

    /// <summary>Every payload decoded; checks each sits on the topic of its kind.</summary>
    public List<TelemetryPayload> Decoded()
    {
        var all = new List<TelemetryPayload>();
        foreach (var (topic, bytes) in Payloads)
        {
            var p = TelemetryPayloadReader.Read(bytes);
            int expected = p.Kind == TelemetryBatch.SampleKind ? TelemetryPublisher.TelemetryTopic : TelemetryPublisher.IdentifierTopic;
            if (topic != expected)
            {
                throw new InvalidOperationException($"a kind {p.Kind} payload on topic {topic}");
            }

            all.Add(p);
        }

        return all;
    }

    public List<TelemetrySampleRecord> Samples() => Decoded().SelectMany(p => p.Samples).ToList();

    public List<TelemetryPseudonymRecord> Pseudonyms() => Decoded().SelectMany(p => p.Pseudonyms).ToList();
}
