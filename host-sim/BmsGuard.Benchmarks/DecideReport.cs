using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>Prints part 1: Gateway.Decide rates against the targets.</summary>
internal static class DecideReport
{
    /// <summary>Writes the section; returns true when every target was met.</summary>
    public static bool Write(TextWriter o, BenchSettings s, List<DecideResult> results)
    {
        o.WriteLine($"1. Gateway.Decide, one thread: {Format.Count(results[0].Stats.Samples[0].Items)} decisions per repetition, median of {s.DecideRepetitions} after >= {s.MinWarmupSeconds:F1} s of warm-up, each case in {s.DecideProcesses} fresh processes, judged on the median process");
        o.WriteLine($"   stream: {Format.Count(DecisionStream.Length)} pre-generated frames, {DecisionStream.HitShare * 100:F0} % on ids a rule allows (exact rules cycle plain / rate-limited / byte edit / both), the rest on no rule; {DecisionTables.FrameSpacingMicros} us apart");
        o.WriteLine($"   target: >= {Format.Millions(Targets.DecisionsPerSecond)} M decisions/s, {Targets.DecideBytesPerFrame} B/frame, flat from 1 to 2,048 rules");
        var table = new TextTable("mix", "rules", "forward", "rate-limited", "no rule", "M dec/s median process", "each process", "min", "max", "ns/dec", "B/frame", "target");
        bool all = true;
        foreach (var r in results)
        {
            double total = r.Verdicts.Sum();
            bool met = r.Stats.MedianRate >= Targets.DecisionsPerSecond && r.Stats.AllocatedPerItem <= Targets.DecideBytesPerFrame;
            all &= met;
            table.Add(
                r.Case.Mix,
                r.Case.Rules,
                Format.Percent(r.Verdicts[(int)Verdict.Forward], total),
                Format.Percent(r.Verdicts[(int)Verdict.RateLimited], total),
                Format.Percent(r.Verdicts[(int)Verdict.NotAllowed], total),
                Format.Millions(r.Stats.MedianRate),
                string.Join(" ", r.EachProcess.Select(Format.Millions)),
                Format.Millions(r.Stats.MinRate),
                Format.Millions(r.Stats.MaxRate),
                Format.Two(r.Stats.NanosPerItem),
                Format.Two(r.Stats.AllocatedPerItem),
                Format.Verdict(met));
        }

        o.Write(table.Render());
        foreach (string mix in results.Select(r => r.Case.Mix).Distinct())
        {
            var ofMix = results.Where(r => r.Case.Mix == mix).ToList();
            var single = ofMix.First(r => r.Case.Rules == "1");
            foreach (var large in ofMix.Where(r => r != single))
            {
                double ratio = large.Stats.MedianRate / single.Stats.MedianRate;
                if (large.Case.SameTrafficAsSingle && large.SingleInProcess is { } pair)
                {
                    double inProcess = large.Stats.MedianRate / pair.MedianRate;
                    bool flat = inProcess >= 1 - Targets.FlatTolerance;
                    all &= flat;
                    o.WriteLine($"   flat: {mix} {large.Case.Rules} vs 1 rule, same frames and verdicts, alternating in one process: {Format.Millions(large.Stats.MedianRate)} vs {Format.Millions(pair.MedianRate)} M/s, {inProcess * 100:F0} %: {Format.Verdict(flat)} (>= {(1 - Targets.FlatTolerance) * 100:F0} % counts as flat; vs the 1-rule row's own process: {ratio * 100:F0} %)");
                }
                else
                {
                    o.WriteLine($"   spread: {mix} {large.Case.Rules} vs 1 rule: {ratio * 100:F0} % of its rate (other traffic: the spread over many ids and verdicts costs caches and branch predictions; not the flatness target)");
                }
            }
        }

        return all;
    }
}
