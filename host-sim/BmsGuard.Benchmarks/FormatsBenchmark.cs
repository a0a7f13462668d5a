using BmsGuard.HostSim.Capture;

namespace BmsGuard.Benchmarks;

/// <summary>One capture format: our reader's numbers on the whole file, python-can's on a prefix.</summary>
internal sealed record FormatsRow(
    string Name,
    string Extension,
    long FileBytes,
    RunStats Ours,
    double OursCpuNanosPerFrame,
    long RetainedHeapBytes,
    FormatsPython.Result? Python,
    long PythonFileFrames,
    long PythonFileBytes);

/// <summary>Everything part 4 of the report measured.</summary>
internal sealed record FormatsResults(ReplayLog Log, double ConvertSeconds, string? PythonCan, List<FormatsRow> Rows, long PeakWorkingSet);

/// <summary>
/// Part 4: the reference log converted once with our writers into every capture format, then
/// each file read whole with <see cref="CaptureFormats.OpenReader"/>, and (in the same run) with
/// python-can's reader for that format, on a prefix when python-can would take too long.
/// </summary>
internal static class FormatsBenchmark
{
    /// <summary>The formats, in report order: name, extension, python-can reader class.</summary>
    public static readonly (string Name, string Extension, string PythonReader)[] All =
    [
        ("candump -l", ".log", "CanutilsLogReader"),
        ("Vector ASC", ".asc", "ASCReader"),
        ("Vector BLF", ".blf", "BLFReader"),
        ("PEAK TRC", ".trc", "TRCReader"),
        ("python-can CSV", ".csv", "CSVReader"),
    ];

    /// <summary>Generates the log into <paramref name="dir"/>, converts it and reads every format.</summary>
    public static FormatsResults Run(BenchSettings s, string dir)
    {
        ReplayLog log = ReplayLog.Create(dir, s.FormatFrames);
        long pyFrames = Math.Min(log.Frames, s.FormatPythonFrames);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Convert(log, dir, pyFrames);
        double convertSeconds = clock.Elapsed.TotalSeconds;
        string? pythonCan = FormatsPython.Version();

        var rows = new List<FormatsRow>();
        foreach (var (name, ext, pyReader) in All)
        {
            string path = Path.Combine(dir, "capture" + ext);
            long retained = 0;
            var cpu = new List<double>();
            RunStats ours = Harness.Measure(s.ReplayWarmups, s.MinWarmupSeconds, s.ReplayRepetitions, () =>
            {
                var (sample, heap, cpuNanos) = ReadAll(path, log.Frames);
                retained = Math.Max(retained, heap);
                cpu.Add(cpuNanos / (double)sample.Items);
                return sample;
            });

            string pyPath = pyFrames == log.Frames ? path : Path.Combine(dir, "prefix" + ext);
            FormatsPython.Result? py = pythonCan == null ? null : FormatsPython.Read(pyPath, pyReader);
            rows.Add(new FormatsRow(name, ext, new FileInfo(path).Length, ours, Median(cpu.TakeLast(s.ReplayRepetitions)), retained, py, pyFrames, new FileInfo(pyPath).Length));
        }

        return new FormatsResults(log, convertSeconds, pythonCan, rows, System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64);
    }

    // One pass over the candump log: every frame to each format's writer, the first pyFrames also
    // to a prefix file per format when python-can reads only a prefix.
    private static void Convert(ReplayLog log, string dir, long pyFrames)
    {
        var writers = All.Select(f => CaptureFormats.CreateWriter(Path.Combine(dir, "capture" + f.Extension))).ToList();
        var prefixes = pyFrames < log.Frames
            ? All.Select(f => CaptureFormats.CreateWriter(Path.Combine(dir, "prefix" + f.Extension))).ToList()
            : [];
        var frame = new CaptureFrame();
        long n = 0;
        try
        {
            using var reader = CaptureFormats.OpenReader(log.Path, "input.log");
            while (reader.Read(frame))
            {
                foreach (var w in writers)
                {
                    w.Write(frame);
                }

                if (n++ < pyFrames)
                {
                    foreach (var w in prefixes)
                    {
                        w.Write(frame);
                    }
                }

                if (n == pyFrames)
                {
                    foreach (var w in prefixes)
                    {
                        w.Dispose();
                    }

                    prefixes.Clear();
                }
            }
        }
        finally
        {
            foreach (var w in writers.Concat(prefixes))
            {
                w.Dispose();
            }
        }
    }

    // Opens and reads the whole file (timed), then the heap still held while the reader is open
    // (a full collection, untimed): constant whatever the file size for a streaming reader.
    private static double Median(IEnumerable<double> values)
    {
        double[] v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static (Sample Sample, long RetainedHeap, long CpuNanos) ReadAll(string path, long expected)
    {
        long before = GC.GetTotalMemory(forceFullCollection: false);
        long bytes = new FileInfo(path).Length;
        var frame = new CaptureFrame();
        long frames = 0;
        long cpuStart = ThreadCpu.Nanos();
        var probe = Probe.Start();
        var reader = CaptureFormats.OpenReader(path, Path.GetFileName(path));
        while (reader.Read(frame))
        {
            frames++;
        }

        Sample sample = probe.Stop(frames, bytes);
        long cpuNanos = ThreadCpu.Nanos() - cpuStart;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        reader.Dispose();
        if (frames != expected)
        {
            throw new InvalidOperationException($"{path}: read {frames} frames, expected {expected}");
        }

        return (sample, retained, cpuNanos);
    }
}
