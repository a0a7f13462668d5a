using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>One end-to-end replay configuration measured in several processes.</summary>
internal sealed record ReplayProcessRow(string Name, IReadOnlyList<RunStats> Processes)
{
    /// <summary>The process whose median rate is the median of all processes' medians.</summary>
    public RunStats Median => Processes[RunStats.MedianProcess(Processes)];

    /// <summary>Every repetition of every process.</summary>
    public RunStats All => RunStats.From(Processes.SelectMany(p => p.Samples));
}

/// <summary>
/// Measures the end-to-end replay in child processes of this benchmark, each warmed up on its own.
/// Why: the same replay's rate differs far more between processes than between repetitions inside
/// one (docs/performance.md), so one process's number says more about that process than the code.
/// </summary>
internal static class ReplayIsolation
{
    /// <summary>Command-line switch that makes this program a child measuring one configuration.</summary>
    public const string ChildSwitch = "--replay-case";

    /// <summary>The configurations, as the child switch names them.</summary>
    public static readonly (string Key, string Name, ReplayOutputs Outputs)[] Cases =
    [
        ("all", "bmsguard replay (all outputs)", ReplayOutputs.All),
        ("no-decisions", "bmsguard replay --no-decisions", ReplayOutputs.NoDecisions),
    ];

    /// <summary>Measures every configuration in <see cref="BenchSettings.ReplayProcesses"/> processes each.</summary>
    public static List<ReplayProcessRow> RunAll(BenchSettings settings, ReplayLog log) =>
        Cases.Select(c => new ReplayProcessRow(c.Name, Enumerable.Range(0, settings.ReplayProcesses).Select(_ => RunChild(settings, c.Key, log)).ToList())).ToList();

    /// <summary>Child side: <c>--replay-case KEY LOG FRAMES BYTES</c>; measures and writes the samples as plain lines.</summary>
    public static int ChildMain(BenchSettings settings, string[] args, int at, TextWriter o)
    {
        if (at + 4 >= args.Length || !Cases.Any(c => c.Key == args[at + 1]))
        {
            Console.Error.WriteLine($"{ChildSwitch} needs: all|no-decisions LOG FRAMES BYTES");
            return 2;
        }

        var outputs = Cases.First(c => c.Key == args[at + 1]).Outputs;
        var log = new ReplayLog(args[at + 2], long.Parse(args[at + 3], CultureInfo.InvariantCulture), long.Parse(args[at + 4], CultureInfo.InvariantCulture));
        DirectoryInfo outDir = Directory.CreateTempSubdirectory("bmsguard-bench-replay-");
        try
        {
            var stats = Harness.Measure(settings.ReplayWarmups, settings.MinWarmupSeconds, settings.ReplayRepetitions, () => ReplayPipeline.Run(log, outDir.FullName, outputs));
            foreach (var s in stats.Samples)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample {s.Items} {s.InputBytes} {s.ElapsedTicks} {s.AllocatedBytes} {s.ThreadCpuNanos} {s.ProcessCpuNanos}"));
            }
        }
        finally
        {
            outDir.Delete(recursive: true);
        }

        return 0;
    }

    private static RunStats RunChild(BenchSettings settings, string key, ReplayLog log)
    {
        string[] args = [ChildSwitch, key, log.Path, log.Frames.ToString(CultureInfo.InvariantCulture), log.Bytes.ToString(CultureInfo.InvariantCulture)];
        var samples = new List<Sample>();
        foreach (string line in BenchChild.Run(settings, args, $"replay case {key}"))
        {
            if (line.StartsWith("sample ", StringComparison.Ordinal))
            {
                long[] n = BenchChild.Numbers(line);
                samples.Add(new Sample(n[0], n[1], n[2], n[3], n[4], n[5]));
            }
        }

        return samples.Count > 0 ? RunStats.From(samples) : throw new InvalidOperationException($"replay case {key} printed no samples");
    }
}
