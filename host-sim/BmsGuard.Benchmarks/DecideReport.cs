using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BmsGuard.Core;

namespace BmsGuard.Benchmarks;

/// <summary>One Decide case's BenchmarkDotNet result: median ns per decision over all processes, each process's rate, bytes per decision, and the verdicts of one pass.</summary>
internal sealed record DecideResult(DecideCase Case, double NanosPerDecision, IReadOnlyList<double> EachProcess, double BytesPerDecision, long[] Verdicts)
{
    /// <summary>Decisions per second at the median.</summary>
    public double Rate => 1e9 / NanosPerDecision;

    /// <summary>Reads case <paramref name="c"/>'s report out of a BenchmarkDotNet summary.</summary>
    public static DecideResult From(Summary summary, DecideCase c)
    {
        BenchmarkReport report = summary.Reports.First(r => (string)r.BenchmarkCase.Parameters["Case"] == c.Name);
        int ops = report.BenchmarkCase.Descriptor.OperationsPerInvoke;
        var processes = report.AllMeasurements
            .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
            .GroupBy(m => m.LaunchIndex)
            .Select(g => 1e9 / Median(g.Select(m => m.Nanoseconds / m.Operations).ToList()))
            .ToList();
        double bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;
        return new DecideResult(c, report.ResultStatistics?.Median ?? double.NaN, processes, bytes, CountVerdicts(c));
    }

    private static double Median(List<double> v)
    {
        v.Sort();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
    }

    // One pass of the case's stream through a fresh gateway, here: what share of it is forwarded, rate-limited, on no rule.
    private static long[] CountVerdicts(DecideCase c)
    {
        var bench = new Bdn.DecideBenchmarks { Case = c.Name };
        bench.Setup();
        return bench.CountVerdicts();
    }
}

/// <summary>Prints part 1: Gateway.Decide rates (BenchmarkDotNet) against the targets.</summary>
internal static class DecideReport
{
    /// <summary>Writes the section; returns true when every target was met.</summary>
    public static bool Write(TextWriter o, BenchSettings s, string job, List<DecideResult> results)
    {
        o.WriteLine($"1. Gateway.Decide, one thread, BenchmarkDotNet ({job}), memory diagnoser; M dec/s at the median iteration over all processes, and each process's median");
        o.WriteLine($"   stream: {Format.Count(DecisionStream.Length)} pre-generated frames per operation, {DecisionStream.HitShare * 100:F0} % on ids a rule allows (exact rules cycle plain / rate-limited / byte edit / both), the rest on no rule; {DecisionTables.FrameSpacingMicros} us apart");
        o.WriteLine($"   target: >= {Format.Millions(Targets.DecisionsPerSecond)} M decisions/s, {Targets.DecideBytesPerFrame} B/frame, flat from 1 to 2,048 rules");
        var table = new TextTable("mix", "rules", "forward", "rate-limited", "no rule", "M dec/s", "each process", "ns/dec", "B/frame", "target");
        bool all = true;
        foreach (var r in results)
        {
            double total = r.Verdicts.Sum();
            bool met = r.Rate >= Targets.DecisionsPerSecond && r.BytesPerDecision <= Targets.DecideBytesPerFrame;
            all &= met;
            table.Add(
                r.Case.Mix,
                r.Case.Rules,
                Format.Percent(r.Verdicts[(int)Verdict.Forward], total),
                Format.Percent(r.Verdicts[(int)Verdict.RateLimited], total),
                Format.Percent(r.Verdicts[(int)Verdict.NotAllowed], total),
                Format.Millions(r.Rate),
                string.Join(" ", r.EachProcess.Select(Format.Millions)),
                Format.Two(r.NanosPerDecision),
                Format.Two(r.BytesPerDecision),
                Format.Verdict(met));
        }

        o.Write(table.Render());
        foreach (string mix in results.Select(r => r.Case.Mix).Distinct())
        {
            var ofMix = results.Where(r => r.Case.Mix == mix).ToList();
            var single = ofMix.First(r => r.Case.Rules == "1");
            foreach (var large in ofMix.Where(r => r != single))
            {
                double ratio = large.Rate / single.Rate;
                if (large.Case.SameTrafficAsSingle)
                {
                    bool flat = ratio >= 1 - Targets.FlatTolerance;
                    all &= flat;
                    o.WriteLine($"   flat: {mix} {large.Case.Rules} vs 1 rule, same frames and verdicts: {Format.Millions(large.Rate)} vs {Format.Millions(single.Rate)} M/s, {ratio * 100:F0} %: {Format.Verdict(flat)} (>= {(1 - Targets.FlatTolerance) * 100:F0} % counts as flat; the two cases are measured apart, and from one process to the next speed varies by up to 40 % on this VM)");
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
