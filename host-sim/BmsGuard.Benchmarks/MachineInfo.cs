using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace BmsGuard.Benchmarks;

/// <summary>What the numbers were measured on: CPU, cores, runtime, GC mode and build.</summary>
internal static class MachineInfo
{
    /// <summary>Lines describing the machine, for the report header.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"cpu:     {CpuInfo("model name") ?? "unknown CPU"} at {CpuInfo("cpu MHz") ?? "?"} MHz, {Environment.ProcessorCount} logical cores{(IsVirtualMachine() ? ", virtual machine" : "")} (benchmarks use one thread)";
        yield return $"runtime: {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, {RuntimeInformation.OSDescription}";
        yield return $"gc:      {(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}; tiered JIT {(TieredCompilationEnabled() ? "on" : "off")}";
        yield return $"load:    {LoadAverage()} at start (other processes on these cores make the numbers lower and noisier)";
        yield return $"build:   {(IsOptimized() ? "Release (JIT optimizations on)" : "DEBUG - JIT optimizations off, numbers are meaningless: use -c Release")}";
    }

    /// <summary>True when the firmware assembly was compiled with optimizations (a Release build).</summary>
    public static bool IsOptimized()
    {
        var debuggable = typeof(BmsGuard.Core.Gateway).Assembly.GetCustomAttribute<DebuggableAttribute>();
        return debuggable == null || !debuggable.IsJITOptimizerDisabled;
    }

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    // A field of the first processor in /proc/cpuinfo, or null (not Linux, no procfs).
    private static string? CpuInfo(string field)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == field)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    // The "hypervisor" cpu flag: a guest's clock and caches are shared, so expect more noise.
    private static bool IsVirtualMachine() =>
        (CpuInfo("flags") ?? "").Split(' ').Contains("hypervisor");

    private static bool TieredCompilationEnabled() =>
        AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out bool on) ? on : true;
}
