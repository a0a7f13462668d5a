using System.Text;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Telemetry;

namespace BmsGuard.Benchmarks;

/// <summary>One way of putting the sanitized stream on the wire, over the whole traffic.</summary>
internal sealed record TelemetryWireRow(string Format, long Messages, long Records, long PayloadBytes, long WireBytes);

/// <summary>Everything part 5 measured.</summary>
internal sealed record TelemetryResults(
    TelemetryTraffic Traffic,
    RunStats SanitizerOnly,
    RunStats WithPublisher,
    long Samples,
    long Identifiers,
    List<TelemetryWireRow> Wire);

/// <summary>
/// The reference policy over ten minutes of reference traffic: how fast TelemetrySanitizer (alone and feeding
/// TelemetryPublisher) runs and what it allocates per frame, then what leaves per second of vehicle time in the
/// binary payload format and in compact JSON, payload and MQTT bytes.
/// </summary>
internal static class TelemetryBenchmark
{
    /// <summary>Passes over the ten minutes per timed repetition (one pass is only a few milliseconds).</summary>
    public const int PassesPerRepetition = 16;

    private static readonly byte[] PseudonymKey = new byte[32];

    /// <summary>Runs part 5.</summary>
    public static TelemetryResults Run(BenchSettings s)
    {
        var traffic = TelemetryTraffic.Create();
        var policy = traffic.Policy;
        long offset = 0;
        RunStats Measure(Func<Sample> body) => Harness.Measure(1, s.MinWarmupSeconds, s.TelemetryRepetitions, body);

        // Each repetition starts from a fresh sanitizer (built outside the timed region); each pass runs an hour
        // after the previous one, so identifiers are due again and every window and delay ring runs as on the vehicle.
        Sample Passes(TelemetrySanitizer z, TelemetryPublisher? p)
        {
            var probe = Probe.Start();
            for (int pass = 0; pass < PassesPerRepetition; pass++)
            {
                offset += 3_600_000_000L;
                traffic.Run(z, p, offset);
            }

            return probe.Stop((long)traffic.Frames * PassesPerRepetition);
        }

        var sanitizerOnly = Measure(() => Passes(new TelemetrySanitizer(policy, PseudonymKey, new CountingSink()), null));
        var withPublisher = Measure(() =>
        {
            var p = new TelemetryPublisher(new WireOutlet(), 1, TelemetryPublisher.DefaultPayloadBytes, TelemetryPublisher.DefaultFlushMicros);
            return Passes(new TelemetrySanitizer(policy, PseudonymKey, p), p);
        });

        // One untimed pass whose payloads are kept and decoded: the bytes on the wire.
        var capture = new CapturingOutlet();
        var publisher = new TelemetryPublisher(capture, 1, TelemetryPublisher.DefaultPayloadBytes, TelemetryPublisher.DefaultFlushMicros);
        traffic.Run(new TelemetrySanitizer(policy, PseudonymKey, publisher), publisher, 0);
        publisher.Flush(traffic.Micros[^1]);
        string[] topics = TelemetryPublisher.Topics(policy.TopicPrefix);
        var decoded = capture.Payloads.Select(p => (p.Topic, Payload: TelemetryPayloadReader.Read(p.Bytes), p.Bytes.Length)).ToList();
        var wire = new List<TelemetryWireRow>
        {
            Row("binary (TelemetryBatch), 512 B / 1 s", decoded.Select(d => (d.Topic, d.Length, Records(d.Payload))), topics),
            Row("compact JSON, same batches, split at 512 B", decoded.SelectMany(d => JsonBatches(d.Topic, d.Payload, TelemetryPublisher.DefaultPayloadBytes)), topics),
            Row("compact JSON, one record per message", decoded.SelectMany(d => JsonSingles(d.Topic, d.Payload)), topics),
        };

        return new TelemetryResults(traffic, sanitizerOnly, withPublisher, publisher.Samples, publisher.Identifiers, wire);
    }

    private static int Records(TelemetryPayload p) => p.Samples.Count + p.Pseudonyms.Count;

    private static TelemetryWireRow Row(string name, IEnumerable<(int Topic, int Bytes, int Records)> messages, string[] topics)
    {
        long count = 0, records = 0, payload = 0, wire = 0;
        foreach (var (topic, bytes, n) in messages)
        {
            count++;
            records += n;
            payload += bytes;
            wire += MqttWire.PublishBytes(Encoding.UTF8.GetByteCount(topics[topic]), bytes);
        }

        return new TelemetryWireRow(name, count, records, payload, wire);
    }

    // The payload's records as compact JSON payloads of at most maxBytes (a record that alone is larger still goes).
    private static IEnumerable<(int, int, int)> JsonBatches(int topic, TelemetryPayload p, int maxBytes)
    {
        int total = Records(p);
        var sb = new StringBuilder();
        int first = 0;
        while (first < total)
        {
            int length = Json(sb, p, first, 1);
            int count = 1;
            while (first + count < total)
            {
                int add = 1 + JsonRecordBytes(p, first + count); // ",[...]": its text does not depend on where the chunk starts
                if (length + add > maxBytes)
                {
                    break;
                }

                length += add;
                count++;
            }

            if (Json(sb, p, first, count) != length)
            {
                throw new InvalidOperationException("JSON length bookkeeping disagrees with TelemetryPayloadJson");
            }

            yield return (topic, length, count);
            first += count;
        }
    }

    // Bytes of record r (r > 0) as TelemetryPayloadJson writes it: [index,delta,value] or [index,delta,"hex"].
    private static int JsonRecordBytes(TelemetryPayload p, int r)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (p.Kind == TelemetryBatch.SampleKind)
        {
            var s = p.Samples[r];
            return 4 + s.Signal.ToString(inv).Length + (s.TimeMillis - p.Samples[r - 1].TimeMillis).ToString(inv).Length + s.ValueUnits.ToString(inv).Length;
        }

        var i = p.Pseudonyms[r];
        return 6 + i.Identifier.ToString(inv).Length + (i.TimeMillis - p.Pseudonyms[r - 1].TimeMillis).ToString(inv).Length + (2 * i.Pseudonym.Length);
    }

    private static IEnumerable<(int, int, int)> JsonSingles(int topic, TelemetryPayload p)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < Records(p); r++)
        {
            yield return (topic, Json(sb, p, r, 1), 1);
        }
    }

    private static int Json(StringBuilder sb, TelemetryPayload p, int first, int count)
    {
        sb.Clear();
        TelemetryPayloadJson.Write(sb, p, first, count);
        return Encoding.UTF8.GetByteCount(sb.ToString());
    }

    private sealed class CountingSink : ITelemetrySink
    {
        public long Count;

        public void Sample(int signal, long valueUnits, long timeMicros) => Count++;

        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros) => Count++;
    }

    // What Uplink.Enqueue costs at least: one copy of the payload.
    private sealed class WireOutlet : ITelemetryOutlet
    {
        private readonly byte[] _copy = new byte[TelemetryPublisher.DefaultPayloadBytes];

        public bool Publish(int topic, byte[] payload, int length)
        {
            Array.Copy(payload, _copy, length);
            return true;
        }
    }

    private sealed class CapturingOutlet : ITelemetryOutlet
    {
        public List<(int Topic, byte[] Bytes)> Payloads { get; } = [];

        public bool Publish(int topic, byte[] payload, int length)
        {
            Payloads.Add((topic, payload[..length]));
            return true;
        }
    }
}
