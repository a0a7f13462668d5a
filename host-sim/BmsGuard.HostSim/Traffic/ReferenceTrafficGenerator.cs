using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// The bundled sample: <see cref="TrafficGenerator"/> on the reference DBC, drive scenario. The
/// bundled samples/reference-drive.log is <c>Write(writer, 60, 1)</c>.
/// </summary>
public static class ReferenceTrafficGenerator
{
    /// <summary>2026-01-01T00:00:00Z, the capture's start.</summary>
    public const long StartSeconds = TrafficGenerator.DefaultStartNanos / 1_000_000_000;

    /// <summary>The reference DBC (loaded once).</summary>
    public static DbcDatabase Dbc => LazyDbc.Value;

    private static readonly Lazy<DbcDatabase> LazyDbc = new(() => DbcDatabase.Load(ReferenceBms.DbcPath, "reference-bms.dbc"));

    /// <summary>Writes <paramref name="seconds"/> of the drive, in time order, to <paramref name="writer"/>.</summary>
    public static int Write(ICaptureWriter writer, int seconds = 60, ulong seed = 1) =>
        (int)Generator(seconds, seed, TrafficScenario.Drive).Write(writer);

    /// <summary>Generates the frames of <paramref name="seconds"/> of <paramref name="scenario"/>, sorted by time.</summary>
    public static List<CaptureFrame> Generate(int seconds, ulong seed, TrafficScenario scenario = TrafficScenario.Drive) =>
        Generator(seconds, seed, scenario).Frames().ToList();

    private static TrafficGenerator Generator(int seconds, ulong seed, TrafficScenario scenario) =>
        new(Dbc, scenario, seconds * 1000L, seed);
}
