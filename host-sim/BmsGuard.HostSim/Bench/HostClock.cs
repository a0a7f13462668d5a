using System.Diagnostics;

namespace BmsGuard.HostSim.Bench;

/// <summary>The host's arrival time for frames: unix nanoseconds, monotonic (a stopwatch from the UTC time at start-up).</summary>
public static class HostClock
{
    private static readonly long StartNanos = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private static readonly long StartTicks = Stopwatch.GetTimestamp();

    /// <summary>Now, in unix nanoseconds.</summary>
    public static long NowNanos => StartNanos + TicksToNanos(Stopwatch.GetTimestamp() - StartTicks);

    /// <summary>Stopwatch ticks as nanoseconds.</summary>
    public static long TicksToNanos(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));
}
