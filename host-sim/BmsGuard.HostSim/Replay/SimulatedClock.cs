using BmsGuard.Device;

namespace BmsGuard.HostSim.Replay;

/// <summary>Capture time for the firmware: set by the replay before each frame, so a replay runs as fast as the host can go.</summary>
public sealed class SimulatedClock : IClock
{
    private long _now;

    /// <inheritdoc />
    public long NowMicros => _now;

    /// <summary>Advances to <paramref name="micros"/>; never goes backwards (like the device clock).</summary>
    /// <returns>False when the capture time went backwards (the clock stays put).</returns>
    public bool AdvanceTo(long micros)
    {
        if (micros < _now)
        {
            return false;
        }

        _now = micros;
        return true;
    }
}
