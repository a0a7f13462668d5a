using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Traffic;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Benchmarks;

/// <summary>
/// The replay benchmark's input: reference traffic (the bundled sample's generator: BMS cycle
/// frames, blocked TCU commands, remote, FD and error frames) written as one candump log of
/// exactly the requested number of frames.
/// </summary>
internal sealed record ReplayLog(string Path, long Frames, long Bytes)
{
    // Ten minutes of drive, repeated with shifted timestamps: generating hours in one go would
    // drain the simulated battery below 0 % and skew the payloads.
    private const int CycleSeconds = 600;

    /// <summary>Writes <paramref name="frames"/> frames to <c>input.log</c> in <paramref name="dir"/>.</summary>
    public static ReplayLog Create(string dir, int frames)
    {
        List<CaptureFrame> cycle = ReferenceTrafficGenerator.Generate(CycleSeconds, seed: 1);
        string path = System.IO.Path.Combine(dir, "input.log");
        var shifted = new CaptureFrame();
        long written = 0;
        using (var writer = new CandumpLogWriter(new BufferedStream(File.Create(path), 1 << 16)))
        {
            for (long copy = 0; written < frames; copy++)
            {
                long offset = copy * CycleSeconds * 1_000_000_000L;
                foreach (var f in cycle)
                {
                    if (written == frames)
                    {
                        break;
                    }

                    shifted.CopyFrom(f);
                    shifted.TimestampNanos += offset;
                    writer.Write(shifted);
                    written++;
                }
            }
        }

        return new ReplayLog(path, written, new FileInfo(path).Length);
    }

    /// <summary>The frames of one generated cycle, for benchmarks that need frames in memory.</summary>
    public static List<CaptureFrame> Cycle() => ReferenceTrafficGenerator.Generate(CycleSeconds, seed: 1);
}
