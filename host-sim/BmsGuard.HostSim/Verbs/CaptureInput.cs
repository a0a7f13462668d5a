using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// Opens captures for the CLI, turning unknown formats and unreadable files into one-line errors.
/// <c>-</c> is standard input: its format is <c>--input-format</c>'s, else told from its first bytes
/// (<see cref="CaptureSniffer"/>; gzip is recognized and decompressed either way).
/// </summary>
public static class CaptureInput
{
    // Enough of the start to see a BLF signature or the first line of a text capture after blank lines.
    private const int Peek = 4096;

    /// <summary>The name of <paramref name="path"/> in messages: <c>&lt;stdin&gt;</c> for <c>-</c>.</summary>
    public static string Name(string path) => StandardStreams.IsDash(path) ? StandardStreams.InputName : path;

    /// <summary>
    /// Opens <paramref name="path"/> (<c>-</c>: standard input) with the reader <paramref name="format"/>
    /// (a <c>--input-format</c> value) names, else the one its extension names.
    /// </summary>
    public static ICaptureReader Open(string path, string source, CaptureWarnings? warnings = null, string? format = null)
    {
        try
        {
            string? named = format == null ? null : CaptureFormats.Named(format);
            if (StandardStreams.IsDash(path))
            {
                return OpenInput(StandardStreams.IsDash(source) ? StandardStreams.InputName : source, named, warnings);
            }

            RejectBlank(path, source);
            return named == null
                ? CaptureFormats.OpenReader(path, source, warnings)
                : CaptureFormats.ReadStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), named, source, warnings);
        }
        catch (NotSupportedException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot open capture '{path}': {e.Message}");
        }
    }

    private static ICaptureReader OpenInput(string source, string? named, CaptureWarnings? warnings)
    {
        var input = new PeekedStream(StandardStreams.OpenInput(), Peek, CaptureSniffer.Decided);
        PeekedStream stream = CaptureSniffer.IsGzip(input.Head)
            ? new PeekedStream(new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress), Peek, CaptureSniffer.Decided)
            : input;
        ReadOnlySpan<byte> head = stream.Head;
        bool ended = stream.Ended;

        if (ended && CaptureSniffer.IsBlank(head))
        {
            stream.Dispose();
            throw new InputException(head.IsEmpty ? $"{source}: standard input is empty" : $"{source}: standard input holds only blank lines");
        }

        string? sniffed = named ?? (CaptureSniffer.Sniff(head) is { } name ? CaptureFormats.Named(name) : null);
        if (sniffed == null)
        {
            stream.Dispose();
            throw new UsageException($"{source}: cannot tell the capture format from its first bytes; name it with --input-format {CaptureFormats.Names}");
        }

        // The .gz of a named format was decompressed above already when the bytes said gzip.
        string path = sniffed.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && stream != input ? sniffed[..^3] : sniffed;
        return CaptureFormats.ReadStream(stream, path, source, warnings);
    }

    // An empty or all-blank file (a failed export, a truncated copy) is an error in every format,
    // rather than "0 frames". Only small files are looked at whole; a large one is not blank.
    private static void RejectBlank(string path, string source)
    {
        const int Look = 1 << 16;
        using Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (file.Length > Look)
        {
            return;
        }

        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : file;
        var buffer = new byte[Look];
        int n = 0;
        try
        {
            int read;
            while (n < buffer.Length && (read = s.Read(buffer, n, buffer.Length - n)) > 0)
            {
                n += read;
            }
        }
        catch (InvalidDataException)
        {
            return; // not gzip after all: the reader names that
        }

        if (n < buffer.Length && buffer.AsSpan(0, n).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new InputException(n == 0 ? $"{source}: the file is empty" : $"{source}: the file holds only blank lines");
        }
    }

    /// <summary>
    /// Size of the file in bytes (for progress), 0 when unknown: standard input from a pipe, and .gz
    /// files (the readers count the bytes they decompress).
    /// </summary>
    public static long Length(string path)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (StandardStreams.IsDash(path))
        {
            return StandardStreams.InputLength();
        }

        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
