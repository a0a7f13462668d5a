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
            ICaptureWriter writer;
            try
            {
                writer = CaptureFormats.CreateWriter(output);
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
                throw new InputException($"{e.Message} ({output} is incomplete)");
            }
        }

        stderr.WriteLine($"bmsguard: converted {count} frames from {input} to {output}");
        return 0;
    }
}
