using System.Runtime.CompilerServices;
using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>What the repetitions of one Decide case measured, and the verdicts its stream got.</summary>
internal sealed record DecideResult(DecideCase Case, RunStats Stats, long[] Verdicts);

/// <summary>
/// <see cref="Gateway.Decide"/> alone, on one thread: a fresh gateway per repetition (empty rate
/// state, as after boot) fed the pre-generated stream over and over with time moving forward.
/// </summary>
internal static class DecideBenchmark
{
    /// <summary>Measures one case in this process.</summary>
    public static DecideResult Run(BenchSettings settings, DecideCase c)
    {
        RuleTable table = c.Table();
        // A same-traffic case replays its 1-rule case's frames: built from that table, with ids no
        // rule allows that this table does not allow either.
        var stream = c.TrafficOf is { } single
            ? DecisionStream.Build(single(), c.Extended, 0, seed: 3, alsoUnmatchedIn: table)
            : DecisionStream.Build(table, c.Extended, c.HitRules, seed: 3, alsoUnmatchedIn: c.Twin?.Invoke());
        int passes = (int)Math.Max(1, settings.DecisionsPerRepetition / DecisionStream.Length);
        var verdicts = new long[VerdictNames.Count];
        var stats = Harness.Measure(settings.DecideWarmups, settings.MinWarmupSeconds, settings.DecideRepetitions, () =>
        {
            var gateway = new Gateway(table);
            Array.Clear(verdicts);
            var probe = Probe.Start();
            Drive(gateway, stream, passes, verdicts);
            return probe.Stop((long)passes * DecisionStream.Length);
        });
        return new DecideResult(c, stats, verdicts);
    }

    // Fully optimized from the first call: this loop runs only a handful of times, too few for the
    // tiered JIT to promote it, and OSR code is not what we want to time. Decide itself tiers up
    // normally (with PGO) since it is called millions of times during warm-up. Counting verdicts
    // into an array the caller reads keeps the JIT from dropping any call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static void Drive(Gateway gateway, DecisionStream stream, int passes, long[] verdicts)
    {
        uint[] ids = stream.Ids;
        byte[] flags = stream.Flags;
        byte[] lengths = stream.Lengths;
        byte[][] payloads = stream.Payloads;
        long now = 0;
        for (int p = 0; p < passes; p++)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                byte f = flags[i];
                Verdict v = gateway.Decide(
                    GatewayPort.Bms,
                    ids[i],
                    (f & DecisionStream.ExtendedFlag) != 0,
                    (f & DecisionStream.RemoteFlag) != 0,
                    payloads[i & (DecisionStream.PayloadBuffers - 1)],
                    lengths[i],
                    now);
                verdicts[(int)v]++;
                now += DecisionTables.FrameSpacingMicros;
            }
        }
    }
}
