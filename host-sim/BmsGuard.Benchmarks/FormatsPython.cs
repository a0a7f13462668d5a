using System.Diagnostics;
using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Runs python-can's reader for one file in <c>/usr/bin/python3</c>, timing only the iteration
/// inside the python process (time.perf_counter), so interpreter start and imports are not charged.
/// </summary>
internal static class FormatsPython
{
    /// <summary>What one python-can run read, or why it failed.</summary>
    internal sealed record Result(long Frames, double Seconds, double CpuSeconds, string? Error)
    {
        /// <summary>Frames per second.</summary>
        public double Rate => Frames / Math.Max(Seconds, 1e-12);

        /// <summary>Frames per second of CPU time.</summary>
        public double CpuRate => Frames / Math.Max(CpuSeconds, 1e-12);
    }

    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, time, can
        reader = getattr(can, sys.argv[2])(sys.argv[1])
        n = 0
        t = time.perf_counter()
        c = time.thread_time()
        for _ in reader:
            n += 1
        dc = time.thread_time() - c
        dt = time.perf_counter() - t
        print(n, repr(dt), repr(dc))
        """;

    /// <summary>python-can's version, or null when python3 or python-can is missing.</summary>
    public static string? Version()
    {
        var (code, stdout, _) = Run(["-c", "import can; print(can.__version__)"], TimeSpan.FromSeconds(30));
        return code == 0 && stdout.Trim().Length > 0 ? stdout.Trim() : null;
    }

    /// <summary>Reads <paramref name="path"/> with <c>can.<paramref name="readerClass"/></c>.</summary>
    public static Result Read(string path, string readerClass)
    {
        var (code, stdout, stderr) = Run(["-c", Script, path, readerClass], TimeSpan.FromSeconds(120));
        string[] parts = stdout.Trim().Split(' ');
        if (code == 0 && parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double cpu))
        {
            return new Result(n, seconds, cpu, null);
        }

        string last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit {code}";
        return new Result(0, 0, 0, last.Trim());
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill();
                return (-1, "", $"timed out after {timeout.TotalSeconds:F0} s");
            }

            return (p.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
