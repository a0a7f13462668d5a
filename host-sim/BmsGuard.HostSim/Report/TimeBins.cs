namespace BmsGuard.HostSim.Report;

/// <summary>How a column of <see cref="TimeBins"/> folds the values that fall into one bin.</summary>
public enum BinFold
{
    /// <summary>Adds them (counts, bytes).</summary>
    Sum,

    /// <summary>Keeps the smallest.</summary>
    Min,

    /// <summary>Keeps the largest.</summary>
    Max,

    /// <summary>Keeps the latest.</summary>
    Last,
}

/// <summary>
/// Values over time in equal bins whose width doubles (two neighbours merged) whenever the run outgrows
/// <see cref="MaxBins"/>: memory and the plotted points stay bounded however long the capture, without
/// knowing its length in advance. O(1) per value, no allocation except when the bins grow.
/// </summary>
public sealed class TimeBins
{
    /// <summary>Marks a Min/Max/Last bin that got no value.</summary>
    public const long Empty = long.MinValue;

    private readonly BinFold[] _folds;
    private long[] _values;

    /// <summary>Bins of <paramref name="folds"/>.Length columns, starting <paramref name="firstWidthMicros"/> wide.</summary>
    public TimeBins(BinFold[] folds, long firstWidthMicros = 10_000, int maxBins = 2048)
    {
        if (folds.Length == 0 || firstWidthMicros <= 0 || maxBins < 2 || maxBins % 2 != 0)
        {
            throw new ArgumentException("TimeBins needs columns, a positive width and an even bin limit of at least 2");
        }

        _folds = folds;
        WidthMicros = firstWidthMicros;
        MaxBins = maxBins;
        _values = NewBins(64);
    }

    /// <summary>Most bins kept; past it the width doubles.</summary>
    public int MaxBins { get; }

    /// <summary>Columns per bin.</summary>
    public int Columns => _folds.Length;

    /// <summary>Start of bin 0 (the first value's time); <see cref="Empty"/> before any value.</summary>
    public long OriginMicros { get; private set; } = Empty;

    /// <summary>Width of a bin now.</summary>
    public long WidthMicros { get; private set; }

    /// <summary>Bins in use (up to the latest value).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A copy merged down to at most <paramref name="maxBins"/> bins at least <paramref name="minWidthMicros"/>
    /// wide, for plotting: a rate per 10 ms bin of 100 ms frames is mostly noise.
    /// </summary>
    public TimeBins Coarsened(int maxBins, long minWidthMicros)
    {
        var copy = new TimeBins(_folds, WidthMicros, MaxBins)
        {
            _values = (long[])_values.Clone(),
            OriginMicros = OriginMicros,
            Count = Count,
        };
        while (copy.Count > 1 && (copy.Count > maxBins || copy.WidthMicros < minWidthMicros))
        {
            copy.Halve();
        }

        return copy;
    }

    /// <summary>Folds <paramref name="value"/> at <paramref name="micros"/> into <paramref name="column"/> (a time before the first counts in bin 0).</summary>
    public void Add(long micros, int column, long value)
    {
        int bin = BinOf(micros);
        int at = (bin * _folds.Length) + column;
        long old = _values[at];
        _values[at] = _folds[column] switch
        {
            BinFold.Sum => old + value,
            BinFold.Min => old == Empty || value < old ? value : old,
            BinFold.Max => old == Empty || value > old ? value : old,
            _ => value,
        };
    }

    /// <summary>The folded value of <paramref name="column"/> in <paramref name="bin"/> (0 or <see cref="Empty"/> when none).</summary>
    public long Value(int bin, int column) => _values[(bin * _folds.Length) + column];

    /// <summary>Start of <paramref name="bin"/>.</summary>
    public long StartMicros(int bin) => OriginMicros + (bin * WidthMicros);

    private int BinOf(long micros)
    {
        if (OriginMicros == Empty)
        {
            OriginMicros = micros;
        }

        long offset = micros - OriginMicros;
        if (offset < 0)
        {
            return 0;
        }

        while (offset / WidthMicros >= MaxBins)
        {
            Halve();
        }

        int bin = (int)(offset / WidthMicros);
        if (bin >= Count)
        {
            Grow(bin + 1);
        }

        return bin;
    }

    private void Grow(int count)
    {
        int capacity = _values.Length / _folds.Length;
        if (count > capacity)
        {
            var bigger = NewBins(Math.Min(MaxBins, Math.Max(count, capacity * 2)));
            Array.Copy(_values, bigger, Count * _folds.Length);
            _values = bigger;
        }

        Count = count;
    }

    // Bin j of the doubled width holds old bins 2j and 2j+1.
    private void Halve()
    {
        int n = _folds.Length;
        int merged = (Count + 1) / 2;
        for (int j = 0; j < merged; j++)
        {
            for (int c = 0; c < n; c++)
            {
                long a = _values[(2 * j * n) + c];
                long b = (2 * j) + 1 < Count ? _values[(((2 * j) + 1) * n) + c] : Blank(c);
                _values[(j * n) + c] = Fold(c, a, b);
            }
        }

        for (int i = merged * n; i < Count * n; i++)
        {
            _values[i] = Blank(i % n);
        }

        Count = merged;
        WidthMicros *= 2;
    }

    private long Fold(int column, long a, long b) => _folds[column] switch
    {
        BinFold.Sum => a + b,
        BinFold.Last => b == Empty ? a : b,
        _ when a == Empty => b,
        _ when b == Empty => a,
        BinFold.Min => Math.Min(a, b),
        _ => Math.Max(a, b),
    };

    private long Blank(int column) => _folds[column] == BinFold.Sum ? 0 : Empty;

    private long[] NewBins(int bins)
    {
        var values = new long[bins * _folds.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Blank(i % _folds.Length);
        }

        return values;
    }
}
