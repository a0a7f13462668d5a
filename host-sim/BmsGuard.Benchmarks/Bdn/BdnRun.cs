using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace BmsGuard.Benchmarks.Bdn;

/// <summary>Runs the BenchmarkDotNet classes: the Decide section of the report, or any of them by BenchmarkDotNet's own command line.</summary>
internal static class BdnRun
{
    /// <summary>Every BenchmarkDotNet class of this benchmark.</summary>
    public static readonly Type[] Classes = [typeof(DecideBenchmarks), typeof(CaptureBenchmarks)];

    /// <summary>
    /// <c>--bdn [ARGS]</c>: BenchmarkDotNet's switcher over <see cref="Classes"/> with its own
    /// options (<c>--filter '*Capture*'</c>, <c>--list flat</c>, <c>--job short</c>); the full run's
    /// job (3 processes per case) unless a job is named. Results land in BenchmarkDotNet.Artifacts/.
    /// </summary>
    public static int Switch(string[] args)
    {
        bool namesJob = args.Any(a => a is "--job" or "-j" or "--launchCount" or "--iterationCount" or "--warmupCount");
        var config = BdnJobs.Config(namesJob ? null : BdnJobs.For(BenchSettings.Full), ConsoleLogger.Default);
        var summaries = BenchmarkSwitcher.FromTypes(Classes).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>Runs <see cref="DecideBenchmarks"/> with the settings' job; its log goes to BenchmarkDotNet.Artifacts/ only.</summary>
    /// <exception cref="InvalidOperationException">A case did not run (build or run failure, named by BenchmarkDotNet's log).</exception>
    public static (string Job, List<DecideResult> Results) Decide(BenchSettings s)
    {
        var job = BdnJobs.For(s);
        Summary summary = BenchmarkRunner.Run<DecideBenchmarks>(BdnJobs.Config(job, NullLogger.Instance));
        if (summary.HasCriticalValidationErrors || summary.Reports.Length != DecideCases.All.Count || summary.Reports.Any(r => !r.Success))
        {
            throw new InvalidOperationException($"BenchmarkDotNet did not run every Decide case: see {summary.LogFilePath}");
        }

        string description = s == BenchSettings.Quick
            ? "in-process, 1 warm-up and 3 iterations of 100 ms per case"
            : $"3 processes per case, 5 warm-up and 10 iterations of 250 ms each";
        return (description, DecideCases.All.Select(c => DecideResult.From(summary, c)).ToList());
    }
}
