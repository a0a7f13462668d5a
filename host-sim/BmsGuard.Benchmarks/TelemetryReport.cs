namespace BmsGuard.Benchmarks;

/// <summary>Prints part 5: sanitizer throughput and allocation, then bytes per sample and per second of vehicle time by payload format.</summary>
internal static class TelemetryReport
{
    /// <summary>Writes the section; returns true when nothing was allocated per frame.</summary>
    public static bool Write(TextWriter o, BenchSettings s, TelemetryResults r)
    {
        var t = r.Traffic;
        double vehicle = t.VehicleSeconds;
        long budget = t.Policy.EgressBytesPerHour;
        o.WriteLine($"5. Telemetry: reference-policy.yaml over {Format.One(vehicle / 60)} min of reference traffic (scenario both: drive, park, DC charge; can0 at the DBC's cycle times), median of {s.TelemetryRepetitions} repetitions of {TelemetryBenchmark.PassesPerRepetition} passes after >= {s.MinWarmupSeconds:F1} s of warm-up");
        o.WriteLine($"   {Format.Count(t.Frames)} BMS frames ({Format.One(t.Frames / vehicle)}/s of vehicle time) -> {Format.Count(r.Samples)} samples ({Format.One(r.Samples / vehicle)}/s of vehicle time), pseudonyms: {r.Identifiers}; Advance and Tick every {TelemetryTraffic.TickMicros / 1000} ms of vehicle time");
        o.WriteLine("   target: 0 B/frame (policy evaluation O(1) and allocation-free per frame)");
        double samplesPerFrame = (double)r.Samples / t.Frames;
        var speed = new TextTable("path", "M frames/s median", "min", "max", "M samples/s", "ns/frame", "B/frame", "target");
        bool met = true;
        foreach (var (name, stats) in new[] { ("TelemetrySanitizer -> counting sink", r.SanitizerOnly), ("TelemetrySanitizer -> TelemetryPublisher -> copy", r.WithPublisher) })
        {
            bool ok = stats.AllocatedPerItem <= 0;
            met &= ok;
            speed.Add(name, Format.Millions(stats.MedianRate), Format.Millions(stats.MinRate), Format.Millions(stats.MaxRate), Format.Millions(stats.MedianRate * samplesPerFrame), Format.One(stats.NanosPerItem), Format.Two(stats.AllocatedPerItem), Format.Verdict(ok));
        }

        o.Write(speed.Render());
        o.WriteLine();
        o.WriteLine($"   on the wire per second of vehicle time; MQTT = PUBLISH QoS 1 (fixed header, remaining length, topic '{t.Policy.TopicPrefix}telemetry' or '...identifiers', packet id, payload), without TCP/TLS and the broker's {MqttWire.PubAckBytes}-byte PUBACK");
        var wire = new TextTable("payload format", "messages", "payload B/record", "payload B/s", "MQTT B/s", "MQTT B/record", "payload kB/h", $"budget {Format.Count(budget)} B/h");
        foreach (var w in r.Wire)
        {
            double perHour = w.PayloadBytes / vehicle * 3600;
            wire.Add(w.Format, Format.Count(w.Messages), Format.Two((double)w.PayloadBytes / w.Records), Format.One(w.PayloadBytes / vehicle), Format.One(w.WireBytes / vehicle), Format.Two((double)w.WireBytes / w.Records), Format.One(perHour / 1000), Format.Percent(perHour, budget));
        }

        o.Write(wire.Render());
        return met;
    }
}
