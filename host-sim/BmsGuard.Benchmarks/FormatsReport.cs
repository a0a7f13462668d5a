namespace BmsGuard.Benchmarks;

/// <summary>Prints part 4: our capture readers against python-can's, format by format.</summary>
internal static class FormatsReport
{
    /// <summary>Our reader must beat python-can's by at least this factor on these formats.</summary>
    private const double TargetRatio = 50;

    private static readonly string[] TargetFormats = [".log", ".asc"];

    /// <summary>Writes the section; returns true when every ratio target was met (false without python-can).</summary>
    public static bool Write(TextWriter o, BenchSettings s, FormatsResults r)
    {
        var log = r.Log;
        long pyFrames = r.Rows.Count == 0 ? 0 : r.Rows[0].PythonFileFrames;
        o.WriteLine($"4. Capture formats: the {Format.Count(log.Frames)}-frame reference log converted once with our writers ({Format.One(r.ConvertSeconds)} s for all five), each file read whole, median of {s.ReplayRepetitions} after >= {s.MinWarmupSeconds:F1} s of warm-up");
        o.WriteLine("   ours: CaptureFormats.OpenReader + Read until false; B/frame = allocated on the reading thread; heap held = GC heap after a full collection with the reader still open, minus before");
        if (r.PythonCan == null)
        {
            o.WriteLine("   python-can not installed (/usr/bin/python3 cannot import can): python-can columns left out");
        }
        else
        {
            string prefix = pyFrames < log.Frames
                ? $"the first {Format.Count(pyFrames)} frames of each file (written as a separate file by the same writer), rate scaled by frames"
                : "the same files";
            o.WriteLine($"   python-can {r.PythonCan} (/usr/bin/python3, can.<Reader>(path), one process per format, only the iteration timed with time.perf_counter): {prefix}");
        }

        o.WriteLine($"   target: ours/python-can >= {TargetRatio:F0}x on candump and ASC, judged per CPU second (CLOCK_THREAD_CPUTIME_ID here, time.thread_time in python),");
        o.WriteLine("   which other processes on the cores do not change; wall-clock rates and their ratio are printed too");
        var table = r.PythonCan == null
            ? new TextTable("format", "file MB", "M frames/s", "MB/s", "ns/frame", "CPU ns/frame", "B/frame", "heap held KiB", "python-can")
            : new TextTable("format", "file MB", "M frames/s", "MB/s", "ns/frame", "CPU ns/frame", "B/frame", "heap held KiB", "py frames read", "py k frames/s", "py MB/s", "py CPU k frames/s", "wall ratio", "CPU ratio", "target");
        bool met = r.PythonCan != null;
        foreach (var row in r.Rows)
        {
            var ours = row.Ours;
            var cells = new List<string>
            {
                $"{row.Name} ({row.Extension})",
                Format.One(row.FileBytes / 1e6),
                Format.Millions(ours.MedianRate),
                Format.One(ours.MedianMegabytesPerSecond),
                Format.One(ours.NanosPerItem),
                Format.One(row.OursCpuNanosPerFrame),
                Format.One(ours.AllocatedPerItem),
                Format.One(row.RetainedHeapBytes / 1024.0),
            };
            bool targeted = TargetFormats.Contains(row.Extension);
            if (r.PythonCan == null)
            {
                cells.Add("python-can not installed");
            }
            else if (row.Python is { Error: null } py && py.Frames > 0)
            {
                double ratio = ours.MedianRate / py.Rate;
                double cpuRatio = 1e9 / row.OursCpuNanosPerFrame / py.CpuRate;
                bool ok = cpuRatio >= TargetRatio;
                if (targeted)
                {
                    met &= ok;
                }

                string read = py.Frames == row.PythonFileFrames ? Format.Count(py.Frames) : $"{Format.Count(py.Frames)} of {Format.Count(row.PythonFileFrames)}";
                cells.AddRange([read, Format.One(py.Rate / 1e3), Format.One(row.PythonFileBytes / py.Seconds / 1e6), Format.One(py.CpuRate / 1e3), Format.One(ratio) + "x", Format.One(cpuRatio) + "x", targeted ? $">= {TargetRatio:F0}x {Format.Verdict(ok)}" : "-"]);
            }
            else
            {
                met &= !targeted;
                cells.AddRange(["failed", "", "", "", "", "", targeted ? "MISSED" : "-"]);
            }

            table.Add([.. cells]);
        }

        o.Write(table.Render());
        foreach (var row in r.Rows.Where(x => x.Python?.Error != null))
        {
            o.WriteLine($"   python-can {row.Extension} failed: {row.Python!.Error}");
        }

        o.WriteLine($"   peak working set of this process so far: {Format.One(r.PeakWorkingSet / 1e6)} MB (largest file above: {Format.One(r.Rows.Max(x => x.FileBytes) / 1e6)} MB)");
        return met;
    }
}
