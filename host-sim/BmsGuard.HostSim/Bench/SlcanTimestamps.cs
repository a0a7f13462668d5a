namespace BmsGuard.HostSim.Bench;

/// <summary>
/// Turns an SLCAN adapter's millisecond timestamps (wrapping every 60 s) into unix nanoseconds: the
/// adapter's spacing between frames, anchored at the host's arrival time of the first frame. The
/// number of wraps in a long gap comes from the host's clock. A frame is read after the adapter
/// stamped it, so the adapter's time may trail the host's (a busy host, a backlog in the serial
/// line) by up to <see cref="MaxLagNanos"/> (beyond: adapter reset or lost wraps, it anchors again),
/// but never lead it: the anchor moves back by the lead (the first frame was read late, or the
/// adapter's clock runs fast).
/// </summary>
public sealed class SlcanTimestamps
{
    /// <summary>How far the adapter's time may trail the host's arrival time.</summary>
    public const long MaxLagNanos = 2_000_000_000;

    private long _anchorNanos = long.MinValue;
    private long _adapterMillis;
    private int _lastMillis;
    private long _lastHostNanos;

    /// <summary>The frame's time from its adapter timestamp <paramref name="millis"/> and its host arrival time.</summary>
    public long Stamp(int millis, long hostNanos)
    {
        if (_anchorNanos == long.MinValue)
        {
            return Anchor(millis, hostNanos);
        }

        long delta = millis - _lastMillis;
        if (delta < 0)
        {
            delta += SlcanCodec.TimestampWrap;
        }

        // Whole wraps the adapter's counter made while the host saw a long gap.
        long hostMillis = (hostNanos - _lastHostNanos) / 1_000_000;
        if (hostMillis > delta + (SlcanCodec.TimestampWrap / 2))
        {
            delta += (hostMillis - delta + (SlcanCodec.TimestampWrap / 2)) / SlcanCodec.TimestampWrap * SlcanCodec.TimestampWrap;
        }

        _adapterMillis += delta;
        _lastMillis = millis;
        _lastHostNanos = hostNanos;
        long stamp = _anchorNanos + (_adapterMillis * 1_000_000);
        if (stamp < hostNanos - MaxLagNanos)
        {
            return Anchor(millis, hostNanos);
        }

        if (stamp > hostNanos)
        {
            _anchorNanos -= stamp - hostNanos;
            return hostNanos;
        }

        return stamp;
    }

    private long Anchor(int millis, long hostNanos)
    {
        _anchorNanos = hostNanos;
        _adapterMillis = 0;
        _lastMillis = millis;
        _lastHostNanos = hostNanos;
        return hostNanos;
    }
}
