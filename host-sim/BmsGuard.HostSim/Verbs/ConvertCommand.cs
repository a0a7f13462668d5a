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
        string? inputFormat = cl.Option("--input-format");
        string? outputFormat = cl.Option("--format");
        cl.RejectUnknown(2);
        if (cl.Positional.Count != 2)
        {
            throw new UsageException("convert needs an input and an output file (- for standard input or output)");
        }

        string input = cl.Positional[0];
        string source = CaptureInput.Name(input);
        using var progress = ProgressLine.Start("convert", stderr, CaptureInput.Length(input));
        stderr = progress.Errors;
        var warnings = new CaptureWarnings(stderr, strict);
        long count;
        using (var reader = CaptureInput.Open(input, source, warnings, inputFormat))
        {
            // A file is written beside OUTPUT and renamed over it at the end: bad input or a failure
            // half-way leaves an earlier OUTPUT as it was, never a half-written file in its place.
            using var output = CaptureOutput.Create(cl.Positional[1], outputFormat, warnings);
            try
            {
                var order = new TimeOrderCheck(source, reader, warnings);
                var frame = new CaptureFrame();
                while (reader.Read(frame))
                {
                    order.Check(frame);
                    output.Writer.Write(frame);
                    if ((output.Writer.Count & 1023) == 0)
                    {
                        progress.Report(output.Writer.Count, reader.BytesConsumed);
                    }
                }

                count = output.Writer.Count;
                output.Commit();
                progress.Dispose();
            }
            catch (CaptureFormatException e)
            {
                throw new InputException(e.Message + output.Unfinished());
            }

            warnings.Finish();
            string noted = warnings.Count == 0 ? "" : $" ({warnings.Count} warning{(warnings.Count == 1 ? "" : "s")})";
            stderr.WriteLine($"bmsguard: converted {count} frames from {source} to {output.Name}{noted}");
        }

        return 0;
    }
}
