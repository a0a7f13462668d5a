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
    // warming up by count alone can leave a fast body timed half in tier-0 code: warm up by time,
    // and past that until the JIT has compiled nothing for a while. A replay repetition runs much
    // one-time set-up code whose tier-0 compiles keep postponing the hot loop's promotion: with
    // 0.5 s of warm-up alone, quick runs timed it at a fifth of its speed.
    private const int MaxWarmups = 200;
    private const double JitQuietSeconds = 0.3;
    private const double MaxWarmupSeconds = 20;

    /// <summary>
    /// Runs <paramref name="body"/> at least <paramref name="warmups"/> times and for at least
    /// <paramref name="minWarmupSeconds"/>, then <paramref name="repetitions"/> timed times. The
    /// body times its own region with <see cref="Probe"/> so it can keep set-up out.
    /// </summary>
    public static RunStats Measure(int warmups, double minWarmupSeconds, int repetitions, Func<Sample> body)
    {
        var warm = new Warmup(warmups, minWarmupSeconds);
        while (warm.More())
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
        var warm = new Warmup(warmups, minWarmupSeconds);
        while (warm.More())
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

    // When to stop warming up: after `count` runs and `seconds`, once the JIT has been quiet for
    // JitQuietSeconds (JitInfo counts every compile, background tier-1 ones included); within bounds.
    private sealed class Warmup(int count, double seconds)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        private double _lastCompile;
        private int _runs;

        public bool More()
        {
            double now = _clock.Elapsed.TotalSeconds;
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (compiled != _compiled)
            {
                _compiled = compiled;
                _lastCompile = now;
            }

            bool more = _runs < count || now < seconds || now - _lastCompile < JitQuietSeconds;
            if (!more || _runs >= MaxWarmups || now >= MaxWarmupSeconds)
            {
                return false;
            }

            _runs++;
            return true;
        }
    }
}
