using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Verbs;

/// <summary>Writes a capture with extra frames placed among its own in time order (streaming, constant memory).</summary>
public static class CaptureMerge
{
    /// <summary>
    /// Copies <paramref name="input"/> to <paramref name="output"/> (<c>-</c>: standard input or output;
    /// formats by <paramref name="inputFormat"/> and <paramref name="outputFormat"/>, else by extension) with
    /// <paramref name="frames"/> inserted: frame i at the capture's first timestamp + <paramref name="at"/> +
    /// i × <paramref name="gap"/>. Returns the number of frames written.
    /// </summary>
    public static long Insert(string input, string output, IReadOnlyList<CaptureFrame> frames, long at, long gap, string? inputFormat = null, string? outputFormat = null)
    {
        string source = CaptureInput.Name(input);
        using var reader = CaptureInput.Open(input, source, format: inputFormat);
        using var capture = CaptureOutput.Create(output, outputFormat);
        try
        {
            long count = Insert(reader, source, capture.Writer, frames, at, gap);
            capture.Commit();
            return count;
        }
        catch (CaptureFormatException e)
        {
            throw new InputException(e.Message + capture.Unfinished());
        }
    }

    private static long Insert(ICaptureReader reader, string input, ICaptureWriter writer, IReadOnlyList<CaptureFrame> frames, long at, long gap)
    {
        int next = 0;
        var frame = new CaptureFrame();
        long first = long.MinValue;
        while (reader.Read(frame))
        {
            if (first == long.MinValue)
            {
                first = frame.TimestampNanos + at;
            }

            while (next < frames.Count && first + (next * gap) <= frame.TimestampNanos)
            {
                Write(writer, frames[next], first + (next * gap));
                next++;
            }

            writer.Write(frame);
        }

        if (first == long.MinValue)
        {
            throw new InputException($"{input}: the capture has no frames to place new ones among");
        }

        for (; next < frames.Count; next++)
        {
            Write(writer, frames[next], first + (next * gap));
        }

        return writer.Count;
    }

    private static void Write(ICaptureWriter writer, CaptureFrame frame, long time)
    {
        frame.TimestampNanos = time;
        writer.Write(frame);
    }
}
