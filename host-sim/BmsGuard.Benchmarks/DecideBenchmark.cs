using System.Runtime.CompilerServices;
using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>
/// What the repetitions of one Decide case measured, and the verdicts its stream got; for a
/// same-traffic case also its 1-rule table on the same frames, measured in the same process
/// (<paramref name="SingleInProcess"/>), which is what its flatness is judged on.
/// </summary>
internal sealed record DecideResult(DecideCase Case, RunStats Stats, long[] Verdicts, RunStats? SingleInProcess = null)
{
    /// <summary>Every process's median rate when the case ran in several (this result is the median one's).</summary>
    public IReadOnlyList<double> EachProcess { get; init; } = [];
}

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
        Sample Once(RuleTable t)
        {
            var gateway = new Gateway(t);
            Array.Clear(verdicts);
            var probe = Probe.Start();
            Drive(gateway, stream, passes, verdicts);
            return probe.Stop((long)passes * DecisionStream.Length);
        }

        if (c.TrafficOf is { } trafficOf)
        {
            // Both tables on the same frames in one process, repetitions alternating: the same
            // compiled code and the same machine moment, so only the table's size differs. (Speed
            // differs between processes by up to 40 % here, more than what is being measured.)
            RuleTable small = trafficOf();
            var pair = Harness.MeasurePair(settings.DecideWarmups, settings.MinWarmupSeconds, settings.DecideRepetitions, () => Once(small), () => Once(table));
            return new DecideResult(c, pair.Second, verdicts, pair.First);
        }

        return new DecideResult(c, Harness.Measure(settings.DecideWarmups, settings.MinWarmupSeconds, settings.DecideRepetitions, () => Once(table)), verdicts);
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
