using System.Diagnostics;

namespace BmsGuard.Benchmarks;

/// <summary>One timed repetition: how many items (frames or decisions) in how long, and what it allocated.</summary>
internal readonly record struct Sample(long Items, long InputBytes, long ElapsedTicks, long AllocatedBytes, long ThreadCpuNanos = 0, long ProcessCpuNanos = 0)
{
    /// <summary>Wall time in seconds.</summary>
    public double Seconds => (double)ElapsedTicks / Stopwatch.Frequency;

    /// <summary>Items per second.</summary>
    public double Rate => Items / Math.Max(Seconds, 1e-12);

    /// <summary>Bytes allocated on the measuring thread per item.</summary>
    public double AllocatedPerItem => Items == 0 ? 0 : (double)AllocatedBytes / Items;

    /// <summary>CPU time of the measuring thread per item (other threads' work not included).</summary>
    public double ThreadCpuNanosPerItem => Items == 0 ? 0 : (double)ThreadCpuNanos / Items;

    /// <summary>CPU time of every thread of the process per item.</summary>
    public double ProcessCpuNanosPerItem => Items == 0 ? 0 : (double)ProcessCpuNanos / Items;
}

/// <summary>
/// Brackets the timed region of one repetition. Allocations are read with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact and itself allocation-free.
/// </summary>
internal readonly struct Probe
{
    private readonly long _start;
    private readonly long _allocated;
    private readonly long _cpu;
    private readonly long _processCpu;

    private Probe(long start, long allocated, long cpu, long processCpu)
    {
        _start = start;
        _allocated = allocated;
        _cpu = cpu;
        _processCpu = processCpu;
    }

    /// <summary>Starts timing now.</summary>
    public static Probe Start()
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        return new Probe(Stopwatch.GetTimestamp(), allocated, ThreadCpu.Nanos(), ThreadCpu.ProcessNanos());
    }

    /// <summary>Stops timing and returns the sample.</summary>
    public Sample Stop(long items, long inputBytes = 0)
    {
        long end = Stopwatch.GetTimestamp();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - _allocated;
        return new Sample(items, inputBytes, end - _start, allocated, ThreadCpu.Nanos() - _cpu, ThreadCpu.ProcessNanos() - _processCpu);
    }
}
