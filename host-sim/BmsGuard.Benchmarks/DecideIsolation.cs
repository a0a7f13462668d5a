using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Runs each Decide case in child processes of this benchmark. Dynamic PGO compiles Decide for
/// the traffic it saw first, so in one process a later case would be timed with code laid out
/// for an earlier one; a device or a replay runs one table, so each case gets a fresh runtime.
/// Several of them, judged on the median one: on the 2-core VM this project is developed on, a
/// process keeps the speed it starts with, and the same case ran anywhere from 21.8 to 28.7 M/s
/// in twelve processes (the 1-rule extended case from 36 to 66).
/// </summary>
internal static class DecideIsolation
{
    /// <summary>Command-line switch that makes this program a child measuring one case.</summary>
    public const string ChildSwitch = "--decide-case";

    /// <summary>Measures every case in <see cref="BenchSettings.DecideProcesses"/> child processes; each result is the median process's.</summary>
    public static List<DecideResult> RunAll(BenchSettings settings) =>
        DecideCases.All.Select((c, i) => Median(Enumerable.Range(0, settings.DecideProcesses).Select(_ => RunChild(settings, i, c)).ToList())).ToList();

    private static DecideResult Median(List<DecideResult> processes) =>
        processes[RunStats.MedianProcess(processes.Select(p => p.Stats).ToList())] with { EachProcess = processes.Select(p => p.Stats.MedianRate).ToList() };

    /// <summary>Child side: measures case <paramref name="index"/> and writes it as plain lines.</summary>
    public static void ChildMain(BenchSettings settings, int index, TextWriter o)
    {
        var result = DecideBenchmark.Run(settings, DecideCases.All[index]);
        foreach (var s in result.Stats.Samples)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample {s.Items} {s.ElapsedTicks} {s.AllocatedBytes}"));
        }

        foreach (var s in result.SingleInProcess?.Samples ?? [])
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single-sample {s.Items} {s.ElapsedTicks} {s.AllocatedBytes}"));
        }

        o.WriteLine("verdicts " + string.Join(' ', result.Verdicts.Select(v => v.ToString(CultureInfo.InvariantCulture))));
    }

    private static DecideResult RunChild(BenchSettings settings, int index, DecideCase c)
    {
        string[] lines = BenchChild.Run(settings, [ChildSwitch, index.ToString(CultureInfo.InvariantCulture)], $"Decide case {index}");
        var samples = new List<Sample>();
        var singles = new List<Sample>();
        long[] verdicts = [];
        foreach (string line in lines)
        {
            long[] n = BenchChild.Numbers(line);
            if (line.StartsWith("sample ", StringComparison.Ordinal))
            {
                samples.Add(new Sample(n[0], 0, n[1], n[2]));
            }
            else if (line.StartsWith("single-sample ", StringComparison.Ordinal))
            {
                singles.Add(new Sample(n[0], 0, n[1], n[2]));
            }
            else if (line.StartsWith("verdicts ", StringComparison.Ordinal))
            {
                verdicts = n;
            }
        }

        return new DecideResult(c, RunStats.From(samples), verdicts, singles.Count > 0 ? RunStats.From(singles) : null);
    }
}
