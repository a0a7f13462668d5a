namespace BmsGuard.Device
{
    /// <summary>
    /// How often a bridge reads the clock while it drains a controller: for the first frame of a drain and
    /// every <see cref="Every"/> frames after, each frame decided at the last reading. On the interpreter a
    /// reading costs about a fifth of a frame's decision (docs/device.md), and frames drained together
    /// arrived together.
    /// </summary>
    public static class DrainClock
    {
        /// <summary>Frames of one drain decided at one clock reading (a power of two).</summary>
        public const int Every = 8;

        /// <summary>Of a drain that read <paramref name="read"/> frames (at least one), those since its last clock reading.</summary>
        public static int SinceReading(int read)
        {
            return ((read - 1) & (Every - 1)) + 1;
        }
    }
}
