using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Commands;

/// <summary><c>bmsguard convert IN OUT</c>: convert a capture between formats, chosen by extension.</summary>
public static class ConvertCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        cl.RejectUnknown(2);
        if (cl.Positional.Count != 2)
        {
            throw new UsageException("convert needs an input and an output file");
        }

        string input = cl.Positional[0];
        string output = cl.Positional[1];
        long count;
        using (var reader = CaptureInput.Open(input, input))
        {
            // Written beside OUTPUT and renamed over it at the end: bad input or a failure half-way
            // leaves an earlier OUTPUT as it was, never a half-written file in its place.
            using var side = SideFile.Create(output);
            ICaptureWriter writer;
            try
            {
                writer = CaptureFormats.CreateWriter(output, () => side.Stream);
            }
            catch (NotSupportedException e)
            {
                throw new InputException(e.Message);
            }

            try
            {
                using (writer)
                {
                    var frame = new CaptureFrame();
                    while (reader.Read(frame))
                    {
                        writer.Write(frame);
                    }

                    count = writer.Count;
                }
            }
            catch (CaptureFormatException e)
            {
                throw new InputException($"{e.Message} ({output} not written{(File.Exists(output) ? ", left as it was" : string.Empty)})");
            }

            side.Commit();
        }

        stderr.WriteLine($"bmsguard: converted {count} frames from {input} to {output}");
        return 0;
    }
}
