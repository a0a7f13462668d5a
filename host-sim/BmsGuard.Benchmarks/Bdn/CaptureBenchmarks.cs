using BenchmarkDotNet.Attributes;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.Benchmarks.Bdn;

/// <summary>
/// Our capture readers and writers per format on the reference traffic (the repo's generator):
/// one operation is one frame read from a whole file, or written to a writer over
/// <see cref="Stream.Null"/>; allocations per frame from the memory diagnoser. python-can's side of
/// the comparison stays in the custom formats section (it times another program).
/// </summary>
[MemoryDiagnoser]
public class CaptureBenchmarks
{
    /// <summary>Frames in each file: big enough that opening a reader is a small share of an operation.</summary>
    public const int Frames = 100_000;

    private string _dir = "";
    private string _path = "";
    private List<CaptureFrame> _frames = [];
    private readonly CaptureFrame _frame = new();

    /// <summary>The format, by extension.</summary>
    [Params(".log", ".asc", ".blf", ".trc", ".csv")]
    public string Format { get; set; } = ".log";

    /// <summary>Writes the reference log in this format to a scratch directory and keeps its frames in memory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("bmsguard-bdn-capture-").FullName;
        ReplayLog log = ReplayLog.Create(_dir, Frames);
        _path = Path.Combine(_dir, "capture" + Format);
        _frames = new List<CaptureFrame>(Frames);
        using var reader = CaptureFormats.OpenReader(log.Path, "input.log");
        using var writer = CaptureFormats.CreateWriter(_path);
        for (var f = new CaptureFrame(); reader.Read(f); f = new CaptureFrame())
        {
            writer.Write(f);
            _frames.Add(f);
        }
    }

    /// <summary>Removes the scratch directory.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Opens the file and reads every frame.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long Read()
    {
        long n = 0;
        using var reader = CaptureFormats.OpenReader(_path, "capture" + Format);
        while (reader.Read(_frame))
        {
            n++;
        }

        return n != Frames ? throw new InvalidOperationException($"read {n} frames of {Frames}") : n;
    }

    /// <summary>Writes every frame to a new writer over <see cref="Stream.Null"/>.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long Write()
    {
        using var writer = CaptureFormats.CreateWriter("capture" + Format, () => Stream.Null);
        foreach (var f in _frames)
        {
            writer.Write(f);
        }

        return writer.Count;
    }
}
