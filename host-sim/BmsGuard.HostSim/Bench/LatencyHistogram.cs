namespace BmsGuard.HostSim.Bench;

/// <summary>
/// Latencies in nanoseconds, counted in buckets 1/32 of a power of two wide (about 3 % resolution),
/// so percentiles cost no allocation per sample. Not thread-safe: one recording thread.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 5;
    private readonly long[] _buckets = new long[64 << SubBits];

    /// <summary>Samples recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one latency.</summary>
    public void Add(long nanos)
    {
        _buckets[Index(Math.Max(0, nanos))]++;
        Count++;
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the samples lie (bucket's lower bound), or 0 with no samples.</summary>
    public long Percentile(double fraction)
    {
        long rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank && seen > 0)
            {
                return LowerBound(i);
            }
        }

        return 0;
    }

    private static int Index(long v)
    {
        if (v < 1 << SubBits)
        {
            return (int)v;
        }

        int exp = 63 - (int)long.LeadingZeroCount(v);
        int sub = (int)(v >> (exp - SubBits)) & ((1 << SubBits) - 1);
        return ((exp - SubBits + 1) << SubBits) + sub;
    }

    private static long LowerBound(int index)
    {
        int group = index >> SubBits;
        if (group == 0)
        {
            return index;
        }

        int exp = group + SubBits - 1;
        long sub = index & ((1 << SubBits) - 1);
        return (1L << exp) + (sub << (exp - SubBits));
    }
}
