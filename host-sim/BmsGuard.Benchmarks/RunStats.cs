namespace BmsGuard.Benchmarks;

/// <summary>Median, slowest and fastest of several repetitions of one benchmark.</summary>
internal sealed class RunStats
{
    private RunStats(Sample[] byRate)
    {
        Samples = byRate;
    }

    /// <summary>The repetitions, slowest first.</summary>
    public Sample[] Samples { get; }

    /// <summary>Median items per second.</summary>
    public double MedianRate => Median(s => s.Rate);

    /// <summary>Slowest repetition's items per second.</summary>
    public double MinRate => Samples[0].Rate;

    /// <summary>Fastest repetition's items per second.</summary>
    public double MaxRate => Samples[^1].Rate;

    /// <summary>Nanoseconds per item at the median rate.</summary>
    public double NanosPerItem => 1e9 / MedianRate;

    /// <summary>Median input megabytes (10^6 bytes) per second; 0 when the benchmark reads no input.</summary>
    public double MedianMegabytesPerSecond => Median(s => s.InputBytes / Math.Max(s.Seconds, 1e-12) / 1e6);

    /// <summary>Median bytes allocated per item.</summary>
    public double AllocatedPerItem => Median(s => s.AllocatedPerItem);

    /// <summary>Median CPU time of the measuring thread per item.</summary>
    public double ThreadCpuNanosPerItem => Median(s => s.ThreadCpuNanosPerItem);

    /// <summary>Median CPU time of all the process's threads per item.</summary>
    public double ProcessCpuNanosPerItem => Median(s => s.ProcessCpuNanosPerItem);

    /// <summary>
    /// The index of the process whose median rate is the median of all of them: what a case measured in
    /// several processes is judged on (a process on the development VM keeps the speed it starts with).
    /// </summary>
    public static int MedianProcess(IReadOnlyList<RunStats> processes) =>
        Enumerable.Range(0, processes.Count).OrderBy(i => processes[i].MedianRate).ElementAt(processes.Count / 2);

    /// <summary>Orders the samples by rate.</summary>
    public static RunStats From(IEnumerable<Sample> samples) =>
        new(samples.OrderBy(s => s.Rate).ToArray());

    private double Median(Func<Sample, double> value)
    {
        double[] v = Samples.Select(value).Order().ToArray();
        int mid = v.Length / 2;
        return v.Length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }
}
