using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace BmsGuard.Benchmarks;

/// <summary>Runs this benchmark program again as a child process that measures one case and prints its samples.</summary>
internal static class BenchChild
{
    /// <summary>
    /// Starts the child with <paramref name="args"/> (and <c>--quick</c> for quick settings), waits,
    /// and returns its output lines; a failed child throws with its stderr, naming <paramref name="what"/>.
    /// </summary>
    public static string[] Run(BenchSettings settings, IEnumerable<string> args, string what)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet bmsguard-bench.dll`: the child needs the dll too.
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (settings == BenchSettings.Quick)
        {
            start.ArgumentList.Add("--quick");
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the benchmark child process");
        var stderr = child.StandardError.ReadToEndAsync();
        string stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {child.ExitCode}): {stderr.Result}");
        }

        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The numbers after the first word of an output line such as <c>sample 1 2 3</c>.</summary>
    public static long[] Numbers(string line) =>
        line.Split(' ').Skip(1).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
}
