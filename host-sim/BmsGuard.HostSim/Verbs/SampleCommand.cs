using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Traffic;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard sample</c>: write the reference BMS drive capture (the bundled sample is this command's output).</summary>
public static class SampleCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? path = cl.Option("--out");
        int seconds = cl.IntOption("--seconds", 60, 1, 86_400);
        int seed = cl.IntOption("--seed", 1, 0, int.MaxValue);
        cl.RejectUnknown(0);
        Stream stream;
        try
        {
            stream = path == null ? Console.OpenStandardOutput() : File.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}");
        }

        int count;
        using (var writer = new CandumpLogWriter(new BufferedStream(stream, 1 << 16)))
        {
            count = ReferenceTrafficGenerator.Write(writer, seconds, (ulong)seed);
        }

        if (path != null)
        {
            stderr.WriteLine($"bmsguard: wrote {count} frames ({seconds} s) to {path}");
        }

        return 0;
    }
}
