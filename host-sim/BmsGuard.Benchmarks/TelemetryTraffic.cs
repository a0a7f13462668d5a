using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Policy;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Part 5's input: the reference policy compiled against the reference DBC, and the BMS side (can0, classic
/// data frames) of the reference traffic generator's "both" scenario (drive, park, DC charge) at the DBC's
/// cycle times, in flat arrays so the timed loop reads no objects.
/// </summary>
internal sealed class TelemetryTraffic
{
    /// <summary>Vehicle time covered: ten minutes.</summary>
    public const int Seconds = 600;

    /// <summary>How often the main loop calls Advance and Tick, in vehicle time.</summary>
    public const long TickMicros = 100_000;

    private TelemetryTraffic(TelemetryPolicy policy, uint[] ids, bool[] ext, byte[][] data, int[] len, long[] micros)
    {
        Policy = policy;
        Ids = ids;
        Extended = ext;
        Data = data;
        Lengths = len;
        Micros = micros;
    }

    public TelemetryPolicy Policy { get; }

    public uint[] Ids { get; }

    public bool[] Extended { get; }

    public byte[][] Data { get; }

    public int[] Lengths { get; }

    /// <summary>Frame times, unix microseconds.</summary>
    public long[] Micros { get; }

    public int Frames => Ids.Length;

    /// <summary>Vehicle seconds from the first frame to the last.</summary>
    public double VehicleSeconds => (Micros[^1] - Micros[0]) / 1e6;

    /// <summary>Compiles the policy and generates the traffic.</summary>
    public static TelemetryTraffic Create()
    {
        string samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var db = DbcDatabase.Load(Path.Combine(samples, "reference-bms.dbc"), "reference-bms.dbc");
        var policy = PolicyCompiler.Compile(PolicyDocument.Parse(File.ReadAllText(Path.Combine(samples, "reference-policy.yaml")), "reference-policy.yaml"), db);
        var frames = ReferenceTrafficGenerator.Generate(Seconds, seed: 1, TrafficScenario.Both)
            .Where(f => f.Channel == TrafficGenerator.BmsChannel && !f.Remote && !f.Error && !f.Fd).ToList();
        return new TelemetryTraffic(
            policy,
            frames.Select(f => f.Id).ToArray(),
            frames.Select(f => f.Extended).ToArray(),
            frames.Select(f => f.Data[..8]).ToArray(),
            frames.Select(f => f.Length).ToArray(),
            frames.Select(f => f.TimestampNanos / 1000).ToArray());
    }

    /// <summary>
    /// Runs every frame through <paramref name="sanitizer"/>, shifted by <paramref name="offsetMicros"/>, calling
    /// Advance (and <paramref name="publisher"/>'s Tick when given) every <see cref="TickMicros"/> of vehicle time, as the main loop would.
    /// </summary>
    public void Run(TelemetrySanitizer sanitizer, TelemetryPublisher? publisher, long offsetMicros)
    {
        long next = Micros[0] + offsetMicros;
        for (int i = 0; i < Ids.Length; i++)
        {
            long t = Micros[i] + offsetMicros;
            sanitizer.Observe(Ids[i], Extended[i], Data[i], Lengths[i], t);
            if (t >= next)
            {
                sanitizer.Advance(t);
                publisher?.Tick(t);
                next += TickMicros;
            }
        }
    }
}
