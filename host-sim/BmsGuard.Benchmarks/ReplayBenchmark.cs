using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Benchmarks;

/// <summary>One measured replay configuration or stage.</summary>
internal sealed record ReplayRow(string Name, RunStats Stats);

/// <summary>Everything part 2 of the report measured.</summary>
internal sealed record ReplayResults(
    ReplayLog Log,
    Sample FirstRun,
    List<ReplayProcessRow> Isolated,
    List<ReplayRow> EndToEnd,
    List<ReplayRow> Stages,
    List<ReplayRow> OutputLine,
    ReplayRow KernelWrite,
    IReadOnlyList<(string File, long Lines)> OutputFiles);

/// <summary>
/// The replay path end to end on a generated log, then the same log through ever longer prefixes
/// of that path (file read, parse, decide, emulation, outputs), so differences give each stage's cost.
/// </summary>
internal static class ReplayBenchmark
{
    /// <summary>Generates the log into <paramref name="dir"/> and runs part 2 and 3 of the report.</summary>
    public static ReplayResults Run(BenchSettings s, string dir)
    {
        ReplayLog log = ReplayLog.Create(dir, s.ReplayFrames);
        string outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        RunStats Measure(Func<Sample> body) => Harness.Measure(s.ReplayWarmups, s.MinWarmupSeconds, s.ReplayRepetitions, body);

        // The target's numbers, from fresh processes; then this process, first run before any warm-up:
        // closest to what one `bmsguard replay` process sees (tier-0 code first).
        List<ReplayProcessRow> isolated = ReplayIsolation.RunAll(s, log);
        Sample first = ReplayPipeline.Run(log, outDir, ReplayOutputs.All);

        var endToEnd = new List<ReplayRow>
        {
            new("bmsguard replay (all outputs)", Measure(() => ReplayPipeline.Run(log, outDir, ReplayOutputs.All))),
            new("bmsguard replay --no-decisions", Measure(() => ReplayPipeline.Run(log, outDir, ReplayOutputs.NoDecisions))),
        };

        // What one full replay wrote (every file was last written by an all-outputs run or an identical one).
        var files = Directory.GetFiles(outDir).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), CountLines(f))).ToList();
        long outputBytes = Directory.GetFiles(outDir).Sum(f => new FileInfo(f).Length);

        var stages = new List<ReplayRow>
        {
            new("file read (64 KiB FileStream)", Measure(() => ReplayStages.FileRead(log))),
            new("+ parse (CandumpLogReader)", Measure(() => ReplayStages.Parse(log))),
            new("+ Gateway.Decide, direct", Measure(() => ReplayStages.ParseAndDecide(log))),
            new("+ the guard (observers, UDS, ingress, ticks)", Measure(() => ReplayStages.ParseAndDecide(log, withGuard: true))),
            new("+ ReplayEngine: emulated CAN, recorder, no files", Measure(() => ReplayPipeline.Run(log, outDir, ReplayOutputs.None))),
            new("+ to-tcu/to-bms/dropped logs (--no-decisions)", endToEnd[1].Stats),
            new("+ decisions.log (all outputs)", endToEnd[0].Stats),
        };

        var cycle = ReplayLog.Cycle();
        string linesPath = Path.Combine(outDir, "writer-only.log");
        var outputLine = new List<ReplayRow>
        {
            new("CandumpLogWriter -> Stream.Null", Measure(() => ReplayStages.Write(cycle, log.Frames, () => Stream.Null))),
            new("CandumpLogWriter -> 64 KiB-buffered file", Measure(() => ReplayStages.Write(cycle, log.Frames, () => HostSim.Output.OutputFile.Create(linesPath, 1 << 16)))),
        };
        var kernel = new ReplayRow($"kernel only: {Format.One(outputBytes / 1e6)} MB of outputs written", Measure(() => ReplayStages.KernelWrite(linesPath, outputBytes, log.Frames)));

        return new ReplayResults(log, first, isolated, endToEnd, stages, outputLine, kernel, files);
    }

    private static long CountLines(string path)
    {
        long lines = 0;
        var buffer = new byte[1 << 16];
        using var stream = File.OpenRead(path);
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        }

        return lines;
    }
}
