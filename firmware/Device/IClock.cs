namespace BmsGuard.Device
{
    /// <summary>Monotonic time source for rate limits, in microseconds.</summary>
    /// <remarks>The device uses <see cref="SystemClock"/>; the emulator drives simulated capture time.</remarks>
    public interface IClock
    {
        /// <summary>Microseconds since an arbitrary origin; never decreases.</summary>
        long NowMicros { get; }
    }
}
