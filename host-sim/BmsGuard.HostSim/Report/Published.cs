using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Egress;
using BmsGuard.HostSim.Telemetry;

namespace BmsGuard.HostSim.Report;

/// <summary>What the outbox says left the vehicle, decoded: samples per signal, pseudonyms per identifier, payloads that did not decode.</summary>
public sealed class Published
{
    private readonly Dictionary<int, List<(long Micros, long Units)>> _samples = [];
    private readonly Dictionary<int, HashSet<string>> _pseudonyms = [];

    /// <summary>Payloads that are not telemetry batches (counted, and named in the report).</summary>
    public List<string> Undecoded { get; } = [];

    /// <summary>Decodes every payload of <paramref name="outbox"/>.</summary>
    public static Published Decode(IReadOnlyList<OutboxLine> outbox)
    {
        var p = new Published();
        foreach (var line in outbox)
        {
            TelemetryPayload payload;
            try
            {
                payload = TelemetryPayloadReader.Read(line.Payload);
            }
            catch (TelemetryPayloadException e)
            {
                p.Undecoded.Add($"outbox line {line.Line} ({line.Topic}): {e.Message}");
                continue;
            }

            if (payload.Kind == TelemetryBatch.SampleKind)
            {
                foreach (var s in payload.Samples)
                {
                    if (!p._samples.TryGetValue(s.Signal, out var list))
                    {
                        p._samples[s.Signal] = list = [];
                    }

                    list.Add((s.TimeMillis * 1000, s.ValueUnits));
                }
            }
            else
            {
                foreach (var id in payload.Pseudonyms)
                {
                    if (!p._pseudonyms.TryGetValue(id.Identifier, out var set))
                    {
                        p._pseudonyms[id.Identifier] = set = [];
                    }

                    set.Add(Convert.ToHexString(id.Pseudonym));
                }
            }
        }

        return p;
    }

    /// <summary>Samples of signal <paramref name="index"/> in publish order.</summary>
    public IReadOnlyList<(long Micros, long Units)> Samples(int index) => _samples.TryGetValue(index, out var l) ? l : [];

    /// <summary>Distinct pseudonyms published for identifier <paramref name="index"/>.</summary>
    public int DistinctPseudonyms(int index) => _pseudonyms.TryGetValue(index, out var s) ? s.Count : 0;
}
