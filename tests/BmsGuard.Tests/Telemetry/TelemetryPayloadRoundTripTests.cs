using System.Security.Cryptography;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Policy;
using BmsGuard.HostSim.Telemetry;
using BmsGuard.Tests.Policy;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Telemetry;

/// <summary>Whatever the publisher is given comes back out of TelemetryPayloadReader: seeded random streams and the reference policy.</summary>
public class TelemetryPayloadRoundTripTests
{
    private const long T0 = 1_767_225_600_000_000; // 2026-01-01T00:00:00Z, unix µs

    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        int[] sizes = [TelemetryBatch.MinPayloadBytes, 100, 512, 1400, TelemetryBatch.MaxPayloadBytes];
        for (int seed = 1; seed <= 20; seed++)
        {
            data.Add(seed, sizes[seed % sizes.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_sample_and_pseudonym_streams_round_trip(int seed, int payloadBytes)
    {
        var rng = new Random(seed);
        var outlet = new PayloadCapture();
        var publisher = new TelemetryPublisher(outlet, (uint)seed, payloadBytes, 1 + rng.NextInt64(5_000_000));
        var samples = new List<TelemetrySampleRecord>();
        var pseudonyms = new List<TelemetryPseudonymRecord>();
        long now = T0 + rng.NextInt64(1_000_000_000_000);
        for (int i = 0; i < 5000; i++)
        {
            now = Math.Max(0, now + NextStep(rng));
            if (rng.Next(50) == 0)
            {
                byte[] p = RandomNumberGenerator.GetBytes(TelemetryBatch.MaxPseudonymBytes);
                int len = 1 + rng.Next(TelemetryBatch.MaxPseudonymBytes);
                int id = rng.Next(256);
                publisher.Identifier(id, p, len, now);
                pseudonyms.Add(new TelemetryPseudonymRecord(id, now / 1000, p[..len]));
            }
            else
            {
                int signal = rng.Next(256);
                long value = NextValue(rng);
                publisher.Sample(signal, value, now);
                samples.Add(new TelemetrySampleRecord(signal, now / 1000, value));
            }

            if (rng.Next(20) == 0)
            {
                publisher.Tick(now + rng.NextInt64(2_000_000));
            }
        }

        publisher.Flush(now);
        Assert.Equal(samples, outlet.Samples());
        var back = outlet.Pseudonyms();
        Assert.Equal(pseudonyms.Select(p => (p.Identifier, p.TimeMillis, Convert.ToHexString(p.Pseudonym))),
            back.Select(p => (p.Identifier, p.TimeMillis, Convert.ToHexString(p.Pseudonym))));
        Assert.All(outlet.Payloads, p => Assert.InRange(p.Bytes.Length, TelemetryBatch.HeaderSize + 3, payloadBytes));
        Assert.All(outlet.Decoded(), p => Assert.Equal((uint)seed, p.PolicyVersion));
        Assert.Equal(samples.Count, publisher.Samples);
        Assert.Equal(pseudonyms.Count, publisher.Identifiers);
        Assert.Equal(outlet.Payloads.Count, publisher.Batches);
        Assert.Equal(outlet.Payloads.Sum(p => (long)p.Bytes.Length), publisher.Bytes);
        Assert.Equal(0, publisher.Rejected + publisher.FlushFailures);
    }

    [Fact]
    public void A_gap_too_large_for_a_delta_splits_the_payload_and_both_halves_keep_exact_times()
    {
        var outlet = new PayloadCapture();
        var publisher = new TelemetryPublisher(outlet, 1, 512, long.MaxValue);
        long far = T0 + ((TelemetryBatch.MaxDeltaMillis + 1) * 1000);
        publisher.Sample(1, 10, T0);
        publisher.Sample(1, 11, far);
        publisher.Sample(1, 12, far + (TelemetryBatch.MinDeltaMillis * 1000)); // back 2^31 ms: still fits
        publisher.Sample(1, 13, T0 + (TelemetryBatch.MaxDeltaMillis * 1000)); // forward 2^31 - 1 ms: fits
        publisher.Sample(1, 14, T0 - 2000); // back 2^31 + 1 ms: splits
        publisher.Flush(far);
        Assert.Equal(3, outlet.Payloads.Count);
        Assert.Equal([1, 3, 1], outlet.Decoded().Select(p => p.Samples.Count));
        Assert.Equal([T0 / 1000, far / 1000, T0 / 1000, (T0 / 1000) + TelemetryBatch.MaxDeltaMillis, (T0 / 1000) - 2], outlet.Samples().Select(s => s.TimeMillis));
    }

    [Fact]
    public void The_reference_policy_over_the_bundled_drive_arrives_sample_for_sample()
    {
        var db = DbcDatabase.Load(PolicyFiles.ReferenceDbc);
        var policy = PolicyCompiler.Compile(PolicyDocument.Parse(File.ReadAllText(PolicyFiles.ReferencePolicy), "reference-policy.yaml"), db);
        var outlet = new PayloadCapture();
        var publisher = new TelemetryPublisher(outlet, 3, TelemetryPublisher.DefaultPayloadBytes, TelemetryPublisher.DefaultFlushMicros);
        var direct = new List<TelemetrySampleRecord>();
        var ids = new List<(int, long, string)>();
        var sanitizer = new TelemetrySanitizer(policy, RandomNumberGenerator.GetBytes(32), new Tee(publisher, direct, ids));
        long last = 0;
        foreach (var f in Captures.Read(Captures.BundledSample).Where(f => f.Channel == "can0" && !f.Remote && !f.Error && !f.Fd))
        {
            last = f.TimestampNanos / 1000;
            sanitizer.Observe(f.Id, f.Extended, f.Data, f.Length, last);
            sanitizer.Advance(last);
            publisher.Tick(last);
        }

        publisher.Flush(last);
        Assert.True(direct.Count > 500);
        Assert.Equal(direct, outlet.Samples());
        Assert.Equal(ids, outlet.Pseudonyms().Select(p => (p.Identifier, p.TimeMillis, Convert.ToHexString(p.Pseudonym))));
        Assert.Single(ids);

        // About one sample payload per second of the 60-second drive: the flush interval, not the size, decides.
        var payloads = outlet.Decoded().Where(p => p.Kind == TelemetryBatch.SampleKind).ToList();
        Assert.InRange(payloads.Count, 58, 62);
    }

    private static long NextStep(Random rng) => rng.Next(100) switch
    {
        < 70 => rng.Next(100_000),                                       // a few ms to 100 ms
        < 85 => -rng.Next(30_000_000),                                   // a window end or delayed sample, back in time
        < 95 => rng.NextInt64(10_000_000_000),                           // up to ~3 h
        < 98 => (TelemetryBatch.MaxDeltaMillis * 1000) + rng.Next(2000), // around the delta limit
        _ => rng.NextInt64(1L << 50),                                    // years
    };

    private static long NextValue(Random rng) => rng.Next(8) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        2 => 0,
        3 => -rng.Next(64),
        4 => rng.Next(64),
        5 => rng.NextInt64(),
        6 => -rng.NextInt64(),
        _ => rng.Next(-100_000, 100_000),
    };

    private sealed class Tee(ITelemetrySink next, List<TelemetrySampleRecord> samples, List<(int, long, string)> ids) : ITelemetrySink
    {
        public void Sample(int signal, long valueUnits, long timeMicros)
        {
            samples.Add(new TelemetrySampleRecord(signal, timeMicros / 1000, valueUnits));
            next.Sample(signal, valueUnits, timeMicros);
        }

        public void Identifier(int signal, byte[] pseudonym, int len, long timeMicros)
        {
            ids.Add((signal, timeMicros / 1000, Convert.ToHexString(pseudonym, 0, len)));
            next.Identifier(signal, pseudonym, len, timeMicros);
        }
    }
}
