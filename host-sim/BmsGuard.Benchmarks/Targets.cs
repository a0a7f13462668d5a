namespace BmsGuard.Benchmarks;

/// <summary>The performance goals the results are printed against.</summary>
internal static class Targets
{
    /// <summary>Gateway.Decide on one core.</summary>
    public const double DecisionsPerSecond = 20e6;

    /// <summary>Decide allocates nothing per frame.</summary>
    public const double DecideBytesPerFrame = 0;

    /// <summary>2,048 rules may be at most this much slower than 1 rule and still count as flat (noise, cache footprint).</summary>
    public const double FlatTolerance = 0.25;

    /// <summary><c>bmsguard replay</c> end to end.</summary>
    public const double ReplayFramesPerSecond = 5e6;
}
