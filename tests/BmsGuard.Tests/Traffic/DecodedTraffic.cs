using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.Tests.Traffic;

/// <summary>Generated frames decoded back through the reference DBC, for physical assertions.</summary>
public sealed class DecodedTraffic
{
    private DecodedTraffic(List<CaptureFrame> frames, List<(long T, string Message, Dictionary<string, double> V)> rows)
    {
        Frames = frames;
        Rows = rows;
    }

    public List<CaptureFrame> Frames { get; }

    /// <summary>Every frame with a payload, decoded: time, message name, physical values by signal.</summary>
    public List<(long T, string Message, Dictionary<string, double> V)> Rows { get; }

    public static DecodedTraffic Generate(TrafficScenario scenario, int seconds, ulong seed = 1)
    {
        var db = ReferenceTrafficGenerator.Dbc;
        var frames = ReferenceTrafficGenerator.Generate(seconds, seed, scenario);
        var rows = new List<(long, string, Dictionary<string, double>)>();
        foreach (var f in frames.Where(f => !f.Error && !f.Remote))
        {
            var m = db.Find(f.Id, f.Extended)!;
            var values = MessageCodec.Decode(m, f.Data.AsSpan(0, f.Length)).ToDictionary(v => v.Signal.Name, v => v.Physical.Value);
            rows.Add((f.TimestampNanos, m.Name, values));
        }

        return new DecodedTraffic(frames, rows);
    }

    /// <summary>Values of <paramref name="signal"/> in <paramref name="message"/>, in time order.</summary>
    public List<(long T, double Value)> Series(string message, string signal) =>
        Rows.Where(r => r.Message == message).Select(r => (r.T, r.V[signal])).ToList();

    /// <summary>The last value of <paramref name="signal"/> sent at or before <paramref name="t"/>.</summary>
    public static double At(List<(long T, double Value)> series, long t)
    {
        int lo = 0, hi = series.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (series[mid].T <= t)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return series[found].Value;
    }
}
