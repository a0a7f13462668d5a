using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Traffic;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard sample</c>: write the reference BMS drive capture (the bundled sample is this command's output).</summary>
public static class SampleCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string path = cl.Option("--out") ?? StandardStreams.Dash;
        string? format = cl.Option("--format");
        int seconds = cl.IntOption("--seconds", 60, 1, 86_400);
        int seed = cl.IntOption("--seed", 1, 0, int.MaxValue);
        cl.RejectUnknown(0);
        int count;
        using (var capture = CaptureOutput.Create(path, format))
        {
            try
            {
                count = ReferenceTrafficGenerator.Write(capture.Writer, seconds, (ulong)seed);
                capture.Commit();
            }
            catch (CaptureFormatException e)
            {
                throw new InputException(e.Message + capture.Unfinished());
            }

            if (!capture.IsStandardOutput)
            {
                stderr.WriteLine($"bmsguard: wrote {count} frames ({seconds} s) to {capture.Name}");
            }
        }

        return 0;
    }
}
