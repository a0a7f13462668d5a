using BenchmarkDotNet.Attributes;
using BmsGuard.Core;

namespace BmsGuard.Benchmarks.Bdn;

/// <summary>
/// <see cref="Gateway.Decide"/> alone on one thread, one BenchmarkDotNet case per rule table and
/// traffic of <see cref="DecideCases"/>: one operation is one decision (a pass over the
/// pre-generated <see cref="DecisionStream"/>, time moving forward), allocations per decision from
/// the memory diagnoser. Each case runs in processes of its own: dynamic PGO lays Decide out for the
/// traffic it sees first, and a device runs one table.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private Gateway _gateway = null!;
    private DecisionStream _stream = null!;
    private long _now;

    /// <summary>The case names, in report order.</summary>
    public static IEnumerable<string> Cases => DecideCases.All.Select(c => c.Name);

    /// <summary>The case this run measures (<see cref="DecideCase.Name"/>).</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>Builds the table, its gateway and the frame stream.</summary>
    [GlobalSetup]
    public void Setup()
    {
        DecideCase c = DecideCases.Named(Case);
        RuleTable table = c.Table();
        // A same-traffic case replays its 1-rule case's frames, with ids no rule of either table allows.
        _stream = c.TrafficOf is { } single
            ? DecisionStream.Build(single(), c.Extended, 0, seed: 3, alsoUnmatchedIn: table)
            : DecisionStream.Build(table, c.Extended, c.HitRules, seed: 3, alsoUnmatchedIn: c.Twin?.Invoke());
        _gateway = new Gateway(table);
    }

    /// <summary>One pass over the stream; returns the number of forwarded frames so no call can be dropped.</summary>
    [Benchmark(OperationsPerInvoke = DecisionStream.Length)]
    public int Decide()
    {
        uint[] ids = _stream.Ids;
        byte[] flags = _stream.Flags;
        byte[] lengths = _stream.Lengths;
        byte[][] payloads = _stream.Payloads;
        long now = _now;
        int forwarded = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            byte f = flags[i];
            Verdict v = _gateway.Decide(
                GatewayPort.Bms,
                ids[i],
                (f & DecisionStream.ExtendedFlag) != 0,
                (f & DecisionStream.RemoteFlag) != 0,
                payloads[i & (DecisionStream.PayloadBuffers - 1)],
                lengths[i],
                now);
            forwarded += v == Verdict.Forward ? 1 : 0;
            now += DecisionTables.FrameSpacingMicros;
        }

        _now = now;
        return forwarded;
    }

    /// <summary>One pass, counting each verdict (for the report's shares; not timed).</summary>
    internal long[] CountVerdicts()
    {
        var counts = new long[VerdictNames.Count];
        long now = 0;
        for (int i = 0; i < _stream.Ids.Length; i++)
        {
            byte f = _stream.Flags[i];
            Verdict v = _gateway.Decide(GatewayPort.Bms, _stream.Ids[i], (f & DecisionStream.ExtendedFlag) != 0, (f & DecisionStream.RemoteFlag) != 0, _stream.Payloads[i & (DecisionStream.PayloadBuffers - 1)], _stream.Lengths[i], now);
            counts[(int)v]++;
            now += DecisionTables.FrameSpacingMicros;
        }

        return counts;
    }
}
