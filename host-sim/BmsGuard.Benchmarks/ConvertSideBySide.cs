using System.Diagnostics;
using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>One whole-process command: its best and median wall time and its least CPU time (user + system) over the runs, or why it failed.</summary>
internal sealed record ProcessTiming(string Command, double BestSeconds, double MedianSeconds, double BestCpuSeconds, int Runs, string? Error);

/// <summary>What the side-by-side convert measured.</summary>
internal sealed record ConvertResults(ReplayLog Log, string Bmsguard, string? PythonCan, ProcessTiming Ours, ProcessTiming OursStartup, ProcessTiming? Python, ProcessTiming? PythonStartup);

/// <summary>
/// Whole-process convert, side by side: <c>bmsguard convert in.log out.asc</c> against python-can's
/// <c>python3 -m can.logconvert in.log out.asc</c> on the same generated candump log, each a fresh
/// process timed on the wall clock from start to exit (start-up, JIT or not, and writing included),
/// best of N. The one section kept outside BenchmarkDotNet: it times other programs, not methods.
/// </summary>
internal static class ConvertSideBySide
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Generates the log into <paramref name="dir"/> and times both converters on it.</summary>
    /// <param name="s">How many frames and runs.</param>
    /// <param name="dir">Scratch directory.</param>
    /// <param name="bmsguard">The bmsguard executable to time (the published one, or this build's).</param>
    public static ConvertResults Run(BenchSettings s, string dir, string bmsguard)
    {
        ReplayLog log = ReplayLog.Create(dir, s.ConvertFrames);
        string ours = Path.Combine(dir, "ours.asc");
        string theirs = Path.Combine(dir, "python-can.asc");
        ProcessTiming startup = Time(s.ConvertRuns * 2, bmsguard, ["--version"], null);
        ProcessTiming convert = Time(s.ConvertRuns, bmsguard, ["convert", log.Path, ours], ours);
        string? version = PythonCanVersion();
        ProcessTiming? py = null, pyStartup = null;
        if (version != null)
        {
            pyStartup = Time(s.ConvertRuns, Python, ["-c", "import can"], null);
            py = Time(s.ConvertPythonRuns, Python, ["-m", "can.logconvert", log.Path, theirs], theirs);
        }

        return new ConvertResults(log, bmsguard, version, convert, startup, py, pyStartup);
    }

    /// <summary>The bmsguard executable to time: <c>--bmsguard PATH</c>, else the one built beside this benchmark.</summary>
    public static string Locate(string[] args)
    {
        int i = Array.IndexOf(args, "--bmsguard");
        if (i >= 0 && i + 1 < args.Length)
        {
            return Path.GetFullPath(args[i + 1]);
        }

        return Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "bmsguard.exe" : "bmsguard");
    }

    // Runs the command `runs` times (after one untimed run that warms the page cache), returning
    // the best and median wall time. A run that fails or leaves `output` empty stops the series.
    private static ProcessTiming Time(int runs, string exe, string[] args, string? output)
    {
        string command = $"{Path.GetFileName(exe)} {string.Join(' ', args.Select(a => Path.IsPathRooted(a) ? Path.GetFileName(a) : a))}";
        var seconds = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i <= runs; i++)
        {
            if (output != null)
            {
                File.Delete(output);
            }

            long cpuBefore = ChildCpu.Nanos();
            var (code, elapsed, stderr) = Start(exe, args);
            long cpuNanos = ChildCpu.Nanos() - cpuBefore;
            if (code != 0 || (output != null && (!File.Exists(output) || new FileInfo(output).Length == 0)))
            {
                string last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit {code}";
                return new ProcessTiming(command, 0, 0, 0, 0, $"exit {code}: {last.Trim()}");
            }

            if (i > 0)
            {
                seconds.Add(elapsed);
                cpu.Add(cpuNanos / 1e9);
            }
        }

        seconds.Sort();
        return new ProcessTiming(command, seconds[0], seconds[seconds.Count / 2], cpu.Min(), runs, null);
    }

    private static (int Code, double Seconds, string Stderr) Start(string exe, string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            long start = Stopwatch.GetTimestamp();
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            return (p.ExitCode, elapsed, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, 0, e.Message);
        }
    }

    private static string? PythonCanVersion()
    {
        var (code, _, _) = Start(Python, ["-c", "import can"]);
        if (code != 0)
        {
            return null;
        }

        var psi = new ProcessStartInfo(Python, ["-c", "import can; print(can.__version__)"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        string version = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return version.Length > 0 ? version : null;
    }

    /// <summary>Formats seconds as "1.234 s".</summary>
    internal static string Seconds(double s) => s.ToString("F3", CultureInfo.InvariantCulture) + " s";
}
