using System.IO.Compression;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Picks a capture reader or writer by file extension (.log candump, and the formats registered
/// below), with a trailing .gz meaning gzip-compressed. Unknown extensions are a clear error.
/// </summary>
public static class CaptureFormats
{
    private sealed record Format(
        string Name,
        string[] Extensions,
        bool Binary,
        Func<Stream, string, CaptureWarnings, ICaptureReader> Reader,
        Func<Stream, CaptureWarnings, ICaptureWriter>? Writer);

    // One line per format; each format's reader and writer live in their own files.
    private static readonly List<Format> Formats =
    [
        new("candump -l", [".log", ".candump"], false, (s, name, w) => new CandumpLogReader(s, name, warnings: w), (s, w) => new CandumpLogWriter(s)),
        new("Vector ASC", [".asc"], false, (s, name, w) => new Asc.AscLogReader(s, name, warnings: w), (s, w) => new Asc.AscLogWriter(s)),
        new("python-can CSV", [".csv"], false, (s, name, w) => new Csv.CsvLogReader(s, name, warnings: w), (s, w) => new Csv.CsvLogWriter(s, new CaptureWriterOptions { Warnings = w })),
        new("Vector BLF", [".blf"], true, (s, name, w) => new Blf.BlfReader(s, name, warnings: w), (s, w) => new Blf.BlfWriter(s)),
        new("PEAK TRC", [".trc"], false, (s, name, w) => new Trc.TrcReader(s, name, warnings: w), (s, w) => new Trc.TrcWriter(s)),
    ];

    /// <summary>The extensions every registered format accepts, for help texts.</summary>
    public static string Describe() => string.Join(", ", Formats.Select(f => $"{string.Join("/", f.Extensions)} ({f.Name})")) + ", any of them .gz";

    /// <summary>The names <c>--format</c> and <c>--input-format</c> take, for help texts: log (or candump), asc, csv, blf, trc, each also with .gz.</summary>
    public static string Names => string.Join("|", Formats.Select(f => f.Extensions[0][1..]));

    /// <summary>
    /// The format a <c>--format</c> value names: an extension without its dot (log, candump, asc, csv,
    /// blf, trc), with .gz for gzip; returned as a file name of that format, which the other methods take.
    /// </summary>
    /// <exception cref="NotSupportedException">No format has that name.</exception>
    public static string Named(string name)
    {
        string file = "capture." + name.TrimStart('.').ToLowerInvariant();
        _ = Find(file, name);
        return file;
    }

    /// <summary>True when the format <paramref name="path"/> names is binary (BLF, or anything .gz).</summary>
    public static bool IsBinary(string path)
    {
        var (format, gz) = Find(path);
        return gz || format.Binary;
    }

    /// <summary>
    /// Reads <paramref name="stream"/> in the format <paramref name="path"/>'s extension names (a .gz
    /// one is decompressed); <paramref name="source"/> names it in errors and warnings.
    /// </summary>
    /// <exception cref="NotSupportedException">The extension is not a known capture format.</exception>
    public static ICaptureReader ReadStream(Stream stream, string path, string source, CaptureWarnings? warnings = null)
    {
        var (format, gz) = Find(path);
        Stream s = gz ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return format.Reader(s, source, warnings ?? new CaptureWarnings());
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading; <paramref name="source"/> names it in errors and
    /// warnings, which go to <paramref name="warnings"/> (none: counted and dropped).
    /// </summary>
    /// <exception cref="NotSupportedException">The extension is not a known capture format.</exception>
    public static ICaptureReader OpenReader(string path, string source, CaptureWarnings? warnings = null)
    {
        var (format, gz) = Find(path);
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (gz)
        {
            s = new GZipStream(s, CompressionMode.Decompress);
        }

        return format.Reader(s, source, warnings ?? new CaptureWarnings());
    }

    /// <summary>
    /// Creates <paramref name="path"/> for writing in the format its extension names; what the
    /// format cannot hold (e.g. channels in CSV) goes to <paramref name="warnings"/>.
    /// </summary>
    public static ICaptureWriter CreateWriter(string path, CaptureWarnings? warnings = null) =>
        CreateWriter(path, () => OutputFile.Create(path, 1 << 16), warnings);

    /// <summary>A writer in the format <paramref name="path"/>'s extension names, writing to the stream <paramref name="open"/> gives (e.g. a <see cref="SideFile"/>'s).</summary>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public static ICaptureWriter CreateWriter(string path, Func<Stream> open, CaptureWarnings? warnings = null)
    {
        var (format, gz) = Find(path);
        if (format.Writer == null)
        {
            throw new NotSupportedException($"writing {format.Name} files is not supported");
        }

        Stream s = open();
        if (gz)
        {
            s = new GZipStream(s, CompressionLevel.Optimal);
        }

        return format.Writer(s, warnings ?? new CaptureWarnings());
    }

    private static (Format Format, bool Gz) Find(string path, string? formatName = null)
    {
        string name = path;
        bool gz = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gz)
        {
            name = name[..^3];
        }

        string ext = Path.GetExtension(name).ToLowerInvariant();
        foreach (var f in Formats)
        {
            if (f.Extensions.Contains(ext))
            {
                return (f, gz);
            }
        }

        throw new NotSupportedException(formatName != null
            ? $"unknown capture format '{formatName}' (known: {Names}, any of them .gz)"
            : $"'{path}': unknown capture format '{ext}' (known: {Describe()})");
    }
}
