using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard convert IN OUT [--strict]</c>: convert a capture between formats, chosen by
/// extension. Oddities the readers accept (and what the output format cannot hold) are warnings
/// on standard error naming file:line or byte offset; <c>--strict</c> makes each an error.
/// </summary>
public static class ConvertCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        bool strict = cl.Flag("--strict");
        cl.RejectUnknown(2);
        if (cl.Positional.Count != 2)
        {
            throw new UsageException("convert needs an input and an output file");
        }

        string input = cl.Positional[0];
        string output = cl.Positional[1];
        var warnings = new CaptureWarnings(stderr, strict);
        long count;
        using (var reader = CaptureInput.Open(input, input, warnings))
        {
            // Written beside OUTPUT and renamed over it at the end: bad input or a failure half-way
            // leaves an earlier OUTPUT as it was, never a half-written file in its place.
            using var side = SideFile.Create(output);
            ICaptureWriter writer;
            try
            {
                writer = CaptureFormats.CreateWriter(output, () => side.Stream, warnings);
            }
            catch (NotSupportedException e)
            {
                throw new InputException(e.Message);
            }

            try
            {
                using (writer)
                {
                    var order = new TimeOrderCheck(input, reader, warnings);
                    var frame = new CaptureFrame();
                    while (reader.Read(frame))
                    {
                        order.Check(frame);
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

        warnings.Finish();
        string noted = warnings.Count == 0 ? "" : $" ({warnings.Count} warning{(warnings.Count == 1 ? "" : "s")})";
        stderr.WriteLine($"bmsguard: converted {count} frames from {input} to {output}{noted}");
        return 0;
    }
}
