namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Tells a capture format from its first bytes, for input without a name to go by (standard input):
/// gzip and BLF by their magic numbers, the text formats by their first non-blank line.
/// </summary>
public static class CaptureSniffer
{
    /// <summary>True when <paramref name="head"/> starts like a gzip stream (1F 8B).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>
    /// True when the first <paramref name="count"/> bytes of <paramref name="head"/> are enough to tell
    /// the format: a magic number, or a whole first non-blank line.
    /// </summary>
    public static bool Decided(byte[] head, int count)
    {
        var h = head.AsSpan(0, count);
        if (h.Length >= 4 && (IsGzip(h) || h.StartsWith("LOGG"u8)))
        {
            return true;
        }

        int start = h.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && h[start..].IndexOfAny("\r\n"u8) >= 0;
    }

    /// <summary>True when <paramref name="head"/> holds nothing but blanks.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> head) => head.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>
    /// The format name (as <see cref="CaptureFormats.Named"/> takes it) of a capture starting with
    /// <paramref name="head"/>, or null when the bytes say nothing certain.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("LOGG"u8))
        {
            return "blf";
        }

        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            head = head[3..];
        }

        int start = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> line = head[start..];
        int end = line.IndexOfAny("\r\n"u8);
        line = end < 0 ? line : line[..end];
        if (line[0] == (byte)'(')
        {
            return "log"; // candump -l: "(1700000000.000000) can0 123#..."
        }

        if (line.StartsWith("timestamp,arbitration_id"u8))
        {
            return "csv";
        }

        if (line[0] == (byte)';')
        {
            return "trc"; // ";$FILEVERSION=2.1" or PEAK's ";#####" banner
        }

        foreach (var keyword in new[] { "date "u8.ToArray(), "base "u8.ToArray(), "begin triggerblock"u8.ToArray(), "//"u8.ToArray() })
        {
            if (line.Length >= keyword.Length && System.Text.Ascii.EqualsIgnoreCase(line[..keyword.Length], keyword))
            {
                return "asc";
            }
        }

        return null;
    }
}
