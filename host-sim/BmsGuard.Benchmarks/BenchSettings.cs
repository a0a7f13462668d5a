namespace BmsGuard.Benchmarks;

/// <summary>How much work each benchmark does: the full run (README numbers) or <c>--quick</c> (CI, well under 30 s).</summary>
internal sealed record BenchSettings(
    string Name,
    long DecisionsPerRepetition,
    int DecideWarmups,
    int DecideRepetitions,
    int ReplayFrames,
    int ReplayWarmups,
    int ReplayRepetitions,
    int ReplayProcesses,
    double MinWarmupSeconds,
    int FormatFrames,
    int FormatPythonFrames,
    int TelemetryRepetitions,
    int DecideProcesses,
    int ConvertFrames,
    int ConvertRuns,
    int ConvertPythonRuns)
{
    /// <summary>Default: 16 Mi decisions and a 1,000,000-frame log, 5 repetitions each (each Decide case and end-to-end replay in each of 3 processes), 1 s warm-up; python-can reads the whole files (a smaller FormatPythonFrames makes it read prefixes); 5 passes of 10 minutes of telemetry; convert side by side on 1,000,000 frames, best of 5 (python-can of 2).</summary>
    public static BenchSettings Full { get; } = new("full", 1L << 24, 2, 5, 1_000_000, 1, 5, 3, 1.0, 1_000_000, 1_000_000, 5, 3, 1_000_000, 5, 2);

    /// <summary><c>--quick</c>: 2 Mi decisions and a 200,000-frame log (100,000 for the formats), 3 repetitions (each Decide case and end-to-end replay in each of 3 processes), 0.5 s warm-up; convert side by side on 100,000 frames, best of 3 (python-can of 1).</summary>
    public static BenchSettings Quick { get; } = new("quick", 1L << 21, 1, 3, 200_000, 1, 3, 3, 0.5, 100_000, 100_000, 3, 3, 100_000, 3, 1);
}
