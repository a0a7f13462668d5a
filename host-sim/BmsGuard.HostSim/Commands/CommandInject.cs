using System.Globalization;
using BmsGuard.Core.IsoTp;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Commands;

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
        long written = Merge(input, output, envelope, at, gap, channel, id, out long firstSegment);
        stderr.WriteLine(
            $"bmsguard: {output}: {written} frames, the {envelope.Length}-byte envelope as {segments} ISO-TP frame(s) on {channel} id 0x{id:X3} " +
            $"from {FormatSeconds(firstSegment)}" + (tamper >= 0 ? $" (byte {tamper} tampered)" : string.Empty));
        return 0;
    }

    private static long Merge(string input, string output, byte[] envelope, long at, long gap, string channel, uint id, out long firstSegment)
    {
        using var reader = CaptureInput.Open(input, input);
        ICaptureWriter writer;
        try
        {
            writer = CaptureFormats.CreateWriter(output);
        }
        catch (NotSupportedException e)
        {
            throw new InputException(e.Message);
        }

        int count = IsoTpSegmenter.FrameCount(envelope.Length);
        int next = 0;
        var frame = new CaptureFrame();
        var segment = new CaptureFrame { Channel = channel, Id = id, Length = 8 };
        byte[] payload = new byte[8];
        long start = long.MinValue;
        firstSegment = 0;
        using (writer)
        {
            while (reader.Read(frame))
            {
                if (start == long.MinValue)
                {
                    start = frame.TimestampNanos;
                    firstSegment = start + at;
                }

                while (next < count && firstSegment + (next * gap) <= frame.TimestampNanos)
                {
                    WriteSegment(writer, segment, payload, envelope, next, firstSegment + (next * gap));
                    next++;
                }

                writer.Write(frame);
            }

            if (start == long.MinValue)
            {
                throw new InputException($"{input}: the capture has no frames to place the command among");
            }

            for (; next < count; next++)
            {
                WriteSegment(writer, segment, payload, envelope, next, firstSegment + (next * gap));
            }

            return writer.Count;
        }
    }

    private static void WriteSegment(ICaptureWriter writer, CaptureFrame segment, byte[] payload, byte[] envelope, int index, long time)
    {
        IsoTpSegmenter.WriteFrame(envelope, envelope.Length, index, payload);
        payload.CopyTo(segment.Data, 0);
        segment.TimestampNanos = time;
        writer.Write(segment);
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
