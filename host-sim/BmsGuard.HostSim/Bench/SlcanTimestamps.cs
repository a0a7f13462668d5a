namespace BmsGuard.HostSim.Bench;

/// <summary>
/// Turns an SLCAN adapter's millisecond timestamps (wrapping every 60 s) into unix nanoseconds: the
/// adapter's spacing between frames, anchored at the host's arrival time of the first frame. The
/// number of wraps in a long gap comes from the host's clock; when the two disagree by more than
/// <see cref="ResyncNanos"/> (adapter reset, lost frames), it anchors again.
/// </summary>
public sealed class SlcanTimestamps
{
    /// <summary>Disagreement with the host's clock beyond which the adapter's time is anchored again.</summary>
    public const long ResyncNanos = 250_000_000;

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
        return Math.Abs(stamp - hostNanos) > ResyncNanos ? Anchor(millis, hostNanos) : stamp;
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
