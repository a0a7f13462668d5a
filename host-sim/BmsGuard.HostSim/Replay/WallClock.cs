using System.Diagnostics;
using BmsGuard.Device;

namespace BmsGuard.HostSim.Replay;

/// <summary>Real time as unix microseconds, monotonic (a stopwatch from the UTC time at creation): the uplink's clock toward a real broker.</summary>
public sealed class WallClock : IClock
{
    private readonly long _startMicros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <inheritdoc />
    public long NowMicros => _startMicros + (_elapsed.ElapsedTicks * 1_000_000 / Stopwatch.Frequency);
}
