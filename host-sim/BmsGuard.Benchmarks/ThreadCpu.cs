using System.Runtime.InteropServices;

namespace BmsGuard.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID; the process's CPU time
/// elsewhere). Unlike wall time it does not count the time other processes on the same cores
/// take, so rates per CPU second stay comparable on a loaded machine.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockProcessCpuTime = 2;
    private const int ClockThreadCpuTime = 3;

    /// <summary>Nanoseconds of CPU time so far.</summary>
    public static long Nanos() => Read(ClockThreadCpuTime);

    /// <summary>Nanoseconds of CPU time so far of all the process's threads (helper threads, GC and JIT included).</summary>
    public static long ProcessNanos() => Read(ClockProcessCpuTime);

    private static long Read(int clock)
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(clock, out var ts) == 0)
        {
            return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
        }

        return (long)(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>CPU time (user + system) of this process's finished child processes, from getrusage(RUSAGE_CHILDREN) on Linux.</summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>Nanoseconds of CPU time of every child waited for so far; 0 where not Linux.</summary>
    public static long Nanos()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var usage = new long[18];
        if (GetRusage(RusageChildren, usage) != 0)
        {
            return 0;
        }

        // struct rusage starts with ru_utime and ru_stime, each a struct timeval { seconds; microseconds }.
        return ((usage[0] + usage[2]) * 1_000_000_000L) + ((usage[1] + usage[3]) * 1_000L);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
