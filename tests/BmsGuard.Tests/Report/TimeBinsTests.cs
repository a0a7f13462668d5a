using BmsGuard.HostSim.Report;
using Xunit;

namespace BmsGuard.Tests.Report;

public sealed class TimeBinsTests
{
    [Fact]
    public void Ten_hours_of_10_ms_values_stay_in_the_bin_limit_and_keep_every_count_min_max_and_latest()
    {
        var bins = new TimeBins([BinFold.Sum, BinFold.Min, BinFold.Max, BinFold.Last], 10_000, 2048);
        long n = 10L * 3600 * 100;
        for (long i = 0; i < n; i++)
        {
            long t = 5_000_000 + (i * 10_000);
            bins.Add(t, 0, 1);
            bins.Add(t, 1, i % 1000);
            bins.Add(t, 2, i % 1000);
            bins.Add(t, 3, i);
        }

        Assert.True(bins.Count <= 2048, $"{bins.Count} bins");
        Assert.Equal(5_000_000, bins.OriginMicros);
        long sum = 0;
        for (int b = 0; b < bins.Count; b++)
        {
            sum += bins.Value(b, 0);
            Assert.Equal(0, bins.Value(b, 1));
            Assert.Equal(999, bins.Value(b, 2));
        }

        Assert.Equal(n, sum);
        Assert.Equal(n - 1, bins.Value(bins.Count - 1, 3));
        // Each bin holds exactly the values whose time falls in it.
        long width = bins.WidthMicros;
        Assert.Equal(width / 10_000, bins.Value(0, 0));
    }

    [Fact]
    public void A_coarsened_copy_merges_neighbours_and_leaves_the_original_alone()
    {
        var bins = new TimeBins([BinFold.Sum, BinFold.Last], 10_000, 64);
        for (int i = 0; i < 40; i++)
        {
            bins.Add(i * 10_000, 0, 1);
            if (i % 10 == 0)
            {
                bins.Add(i * 10_000, 1, i);
            }
        }

        var coarse = bins.Coarsened(8, 0);
        Assert.Equal(40, bins.Count);
        Assert.Equal(5, coarse.Count);
        Assert.Equal(80_000, coarse.WidthMicros);
        Assert.Equal([8L, 8, 8, 8, 8], Enumerable.Range(0, 5).Select(b => coarse.Value(b, 0)));
        // Latest value per bin; a bin that got none stays empty.
        Assert.Equal([0L, 10, 20, 30, TimeBins.Empty], Enumerable.Range(0, 5).Select(b => coarse.Value(b, 1)));
        // Merged toward a minimum width until one bin is left, which then holds everything.
        var one = bins.Coarsened(100, 1_000_000);
        Assert.Equal(1, one.Count);
        Assert.Equal(40, one.Value(0, 0));
    }

    [Fact]
    public void A_time_before_the_first_counts_in_the_first_bin()
    {
        var bins = new TimeBins([BinFold.Sum], 10_000, 16);
        bins.Add(1_000_000, 0, 1);
        bins.Add(900_000, 0, 1);
        Assert.Equal(1, bins.Count);
        Assert.Equal(2, bins.Value(0, 0));
    }
}
