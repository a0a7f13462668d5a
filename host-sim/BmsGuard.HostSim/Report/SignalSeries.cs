namespace BmsGuard.HostSim.Report;

/// <summary>One policy signal as it was on the BMS bus: min, max and mean per time bin, in units of 10^-<see cref="Decimals"/>.</summary>
public sealed class SignalSeries(string name, string? unit, int decimals)
{
    private const int MinColumn = 0;
    private const int MaxColumn = 1;
    private const int SumColumn = 2;
    private const int CountColumn = 3;

    /// <summary>The signal's name in the policy.</summary>
    public string Name { get; } = name;

    /// <summary>Its unit, if the policy names one.</summary>
    public string? Unit { get; } = unit;

    /// <summary>Decimal places of its units.</summary>
    public int Decimals { get; } = decimals;

    /// <summary>The bins: min, max, sum, count.</summary>
    public TimeBins Bins { get; } = new([BinFold.Min, BinFold.Max, BinFold.Sum, BinFold.Sum]);

    /// <summary>Observations folded in.</summary>
    public long Observations { get; private set; }

    /// <summary>Adds one observation.</summary>
    public void Add(long micros, long units)
    {
        Bins.Add(micros, MinColumn, units);
        Bins.Add(micros, MaxColumn, units);
        Bins.Add(micros, SumColumn, units);
        Bins.Add(micros, CountColumn, 1);
        Observations++;
    }

    /// <summary>Physical min, mean, max of <paramref name="bin"/> of <paramref name="bins"/> (<see cref="Bins"/> or a coarsened copy); null when it saw nothing.</summary>
    public (double Min, double Mean, double Max)? At(TimeBins bins, int bin)
    {
        long n = bins.Value(bin, CountColumn);
        if (n == 0)
        {
            return null;
        }

        double scale = Math.Pow(10, -Decimals);
        return (bins.Value(bin, MinColumn) * scale, (double)bins.Value(bin, SumColumn) / n * scale, bins.Value(bin, MaxColumn) * scale);
    }
}
