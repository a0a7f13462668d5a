using System.Globalization;
using BmsGuard.Core.IsoTp;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard command inject CAPTURE OUT --envelope FILE --at TIME</c>: places a command envelope,
/// segmented with ISO-TP on the guard's command channel, into a capture on the TCU side; --tamper
/// flips one envelope byte first (a forgery for attack scenarios). Streams: constant memory.
/// </summary>
public static class CommandInject
{
    /// <summary>CAN id of the guard's command channel (TCU to guard, ISO-TP).</summary>
    public const uint DefaultCommandId = 0x6A0;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string envelopePath = cl.Option("--envelope") ?? throw new UsageException("command inject needs --envelope FILE (from 'bmsguard command sign')");
        long at = Durations.ParseNanos(cl.Option("--at") ?? throw new UsageException("command inject needs --at TIME (after the capture's first frame, e.g. 12.5s)"), "--at");
        long gap = Durations.ParseNanos(cl.Option("--gap") ?? "1ms", "--gap");
        string channel = cl.Option("--channel") ?? "can1";
        uint id = ParseId(cl.Option("--id"));
        int tamper = cl.IntOption("--tamper", -1, 0, 4094);
        string? inputFormat = cl.Option("--input-format");
        string? outputFormat = cl.Option("--format");
        cl.RejectUnknown(3);
        if (cl.Positional.Count != 3)
        {
            throw new UsageException("command inject needs a capture and an output file");
        }

        byte[] envelope = ReadEnvelope(envelopePath);
        if (tamper >= envelope.Length)
        {
            throw new UsageException($"--tamper {tamper} is past the envelope's {envelope.Length} bytes");
        }

        if (tamper >= 0)
        {
            envelope[tamper] ^= 0xFF;
        }

        string input = cl.Positional[1];
        string output = cl.Positional[2];
        int segments = IsoTpSegmenter.FrameCount(envelope.Length);
        var frames = new List<CaptureFrame>(segments);
        for (int i = 0; i < segments; i++)
        {
            var f = new CaptureFrame { Channel = channel, Id = id, Length = 8 };
            byte[] payload = new byte[8];
            IsoTpSegmenter.WriteFrame(envelope, envelope.Length, i, payload);
            payload.CopyTo(f.Data, 0);
            frames.Add(f);
        }

        long written = CaptureMerge.Insert(input, output, frames, at, gap, inputFormat, outputFormat);
        stderr.WriteLine(
            $"bmsguard: {(output == "-" ? "<stdout>" : output)}: {written} frames, the {envelope.Length}-byte envelope as {segments} ISO-TP frame(s) on {channel} id 0x{id:X3} " +
            $"from {FormatSeconds(frames[0].TimestampNanos)}" + (tamper >= 0 ? $" (byte {tamper} tampered)" : string.Empty));
        return 0;
    }

    private static byte[] ReadEnvelope(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: envelope file not found");
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 1 || bytes.Length > 4095)
        {
            throw new InputException($"{path}: {bytes.Length} bytes; an ISO-TP message holds 1 to 4095");
        }

        return bytes;
    }

    private static uint ParseId(string? text)
    {
        if (text == null)
        {
            return DefaultCommandId;
        }

        string hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint id) || id > 0x7FF)
        {
            throw new UsageException($"--id must be an 11-bit hex id like 0x6A0, not '{text}'");
        }

        return id;
    }

    private static string FormatSeconds(long nanos) => (nanos / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "." + (nanos % 1_000_000_000 / 1000).ToString("D6", CultureInfo.InvariantCulture);
}
