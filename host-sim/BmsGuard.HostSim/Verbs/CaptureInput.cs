using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Verbs;

/// <summary>Opens captures for the CLI, turning unknown formats and unreadable files into one-line errors.</summary>
public static class CaptureInput
{
    /// <summary>Opens <paramref name="path"/> with the reader its extension names.</summary>
    public static ICaptureReader Open(string path, string source, CaptureWarnings? warnings = null)
    {
        try
        {
            RejectBlank(path, source);
            return CaptureFormats.OpenReader(path, source, warnings);
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

    /// <summary>Size of the file in bytes (for progress), 0 when unknown.</summary>
    public static long Length(string path)
    {
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
