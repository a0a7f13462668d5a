using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace BmsGuard.Benchmarks.Bdn;

/// <summary>The BenchmarkDotNet jobs of this benchmark: the full run's and the CI smoke run's.</summary>
internal static class BdnJobs
{
    /// <summary>
    /// Full run: each case in 3 processes of its own (on the 2-core VM a process keeps the speed it
    /// starts with, up to 40 % apart from the next), 5 warm-up and 10 measured iterations of 250 ms.
    /// <c>--quick</c> (CI): in this process, 1 warm-up and 3 iterations of 100 ms: it proves the
    /// cases run; its numbers carry the PGO of earlier cases and are only indicative.
    /// </summary>
    public static Job For(BenchSettings s) => s == BenchSettings.Quick
        ? Job.Default.WithId("quick").WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100))
        : Job.Default.WithId("full").WithLaunchCount(3).WithWarmupCount(5).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250));

    /// <summary>A config with <paramref name="job"/> (null: the one the command line names), the memory diagnoser and BenchmarkDotNet's log to <paramref name="logger"/>.</summary>
    public static IConfig Config(Job? job, ILogger logger) => (job == null ? ManualConfig.CreateEmpty() : ManualConfig.CreateEmpty().AddJob(job))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
        .AddLogger(logger)
        .AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
}
