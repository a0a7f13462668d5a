using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>Prints the side-by-side convert: bmsguard against python-can's logconvert, whole processes.</summary>
internal static class ConvertReport
{
    /// <summary>bmsguard convert must take at most this fraction of python-can's logconvert time.</summary>
    public const double TargetRatio = 30;

    /// <summary>Writes the section; returns true when the ratio target was met (false without python-can).</summary>
    public static bool Write(TextWriter o, BenchSettings s, ConvertResults r)
    {
        o.WriteLine($"6. Convert, whole process: the {Format.Count(r.Log.Frames)}-frame reference log ({Format.Two(r.Log.Bytes / 1e6)} MB candump .log) to Vector ASC, each run a fresh process timed from start to exit");
        o.WriteLine($"   bmsguard: {r.Bmsguard}");
        o.WriteLine(r.PythonCan == null
            ? "   python-can not installed (/usr/bin/python3 cannot import can): its rows left out"
            : $"   python-can {r.PythonCan}: /usr/bin/python3 -m can.logconvert IN OUT (the same files)");
        o.WriteLine($"   best and median of {r.Ours.Runs} runs ({r.Python?.Runs ?? 0} for python-can) after one untimed run; target: python-can / bmsguard >= {TargetRatio:F0}x, judged on CPU time where measured (Linux), else on the best wall times");
        o.WriteLine("   CPU: user + system time of the child (getrusage), least of the runs: what other processes on the cores do not change");
        var table = new TextTable("command", "best", "median", "M frames/s (best)", "CPU");
        Row(table, r.Ours, r.Log.Frames);
        Row(table, r.OursStartup, 0);
        if (r.Python != null)
        {
            Row(table, r.Python, r.Log.Frames);
        }

        if (r.PythonStartup != null)
        {
            Row(table, r.PythonStartup, 0);
        }

        o.Write(table.Render("   "));
        if (r.Python is not { Error: null } py || r.Ours.Error != null)
        {
            o.WriteLine("   ratio: not measured");
            return false;
        }

        double ratio = py.BestSeconds / r.Ours.BestSeconds;
        double cpuRatio = r.Ours.BestCpuSeconds > 0 ? py.BestCpuSeconds / r.Ours.BestCpuSeconds : 0;
        double judged = cpuRatio > 0 ? cpuRatio : ratio;
        bool met = judged >= TargetRatio;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   ratio python-can / bmsguard: {ratio:F1}x best wall, {py.MedianSeconds / r.Ours.MedianSeconds:F1}x median wall, {cpuRatio:F1}x CPU (bmsguard takes 1/{judged:F0}; target 1/{TargetRatio:F0}: {Format.Verdict(met)}); start-up is {Format.Percent(r.OursStartup.BestSeconds, r.Ours.BestSeconds)} of bmsguard's wall time"));
        return met;
    }

    private static void Row(TextTable table, ProcessTiming t, long frames)
    {
        if (t.Error != null)
        {
            table.Add(t.Command, "failed: " + t.Error);
            return;
        }

        table.Add(t.Command, ConvertSideBySide.Seconds(t.BestSeconds), ConvertSideBySide.Seconds(t.MedianSeconds), frames == 0 ? "" : Format.Millions(frames / t.BestSeconds), ConvertSideBySide.Seconds(t.BestCpuSeconds));
    }
}
