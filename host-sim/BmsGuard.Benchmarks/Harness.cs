using System.Diagnostics;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Runs a benchmark body untimed until the tiered JIT has promoted the hot code (PGO included),
/// then several timed repetitions, each starting from a collected heap so one repetition's
/// garbage is not charged to the next.
/// </summary>
internal static class Harness
{
    // Tier-1 compiles happen in the background once call counting has been quiet for 100 ms, so
    // warming up by count alone can leave a fast body timed half in tier-0 code: warm up by time.
    private const int MaxWarmups = 200;

    /// <summary>
    /// Runs <paramref name="body"/> at least <paramref name="warmups"/> times and for at least
    /// <paramref name="minWarmupSeconds"/>, then <paramref name="repetitions"/> timed times. The
    /// body times its own region with <see cref="Probe"/> so it can keep set-up out.
    /// </summary>
    public static RunStats Measure(int warmups, double minWarmupSeconds, int repetitions, Func<Sample> body)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < MaxWarmups && (i < warmups || warm.Elapsed.TotalSeconds < minWarmupSeconds); i++)
        {
            body();
        }

        var samples = new Sample[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            samples[i] = body();
        }

        return RunStats.From(samples);
    }

    /// <summary>
    /// As <see cref="Measure"/> for two bodies run alternately (first, second, first, ...), warm-up
    /// included, so both are timed with the same compiled code and the same machine state.
    /// </summary>
    public static (RunStats First, RunStats Second) MeasurePair(int warmups, double minWarmupSeconds, int repetitions, Func<Sample> first, Func<Sample> second)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < MaxWarmups && (i < warmups || warm.Elapsed.TotalSeconds < minWarmupSeconds); i++)
        {
            first();
            second();
        }

        var a = new Sample[repetitions];
        var b = new Sample[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            a[i] = first();
            GC.Collect();
            b[i] = second();
        }

        return (RunStats.From(a), RunStats.From(b));
    }
}
