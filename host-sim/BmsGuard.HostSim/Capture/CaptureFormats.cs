using System.IO.Compression;

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
        Func<Stream, string, ICaptureReader> Reader,
        Func<Stream, ICaptureWriter>? Writer);

    // One line per format; each format's reader and writer live in their own files.
    private static readonly List<Format> Formats =
    [
        new("candump -l", [".log", ".candump"], (s, name) => new CandumpLogReader(s, name), s => new CandumpLogWriter(s)),
        new("Vector ASC", [".asc"], (s, name) => new Asc.AscLogReader(s, name), s => new Asc.AscLogWriter(s)),
        new("python-can CSV", [".csv"], (s, name) => new Csv.CsvLogReader(s, name), s => new Csv.CsvLogWriter(s)),
        new("Vector BLF", [".blf"], (s, name) => new Blf.BlfReader(s, name), s => new Blf.BlfWriter(s)),
        new("PEAK TRC", [".trc"], (s, name) => new Trc.TrcReader(s, name), s => new Trc.TrcWriter(s)),
    ];

    /// <summary>The extensions every registered format accepts, for help texts.</summary>
    public static string Describe() => string.Join(", ", Formats.Select(f => $"{string.Join("/", f.Extensions)} ({f.Name})")) + ", any of them .gz";

    /// <summary>Opens <paramref name="path"/> for reading; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="NotSupportedException">The extension is not a known capture format.</exception>
    public static ICaptureReader OpenReader(string path, string source)
    {
        var (format, gz) = Find(path);
        Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (gz)
        {
            s = new GZipStream(s, CompressionMode.Decompress);
        }

        return format.Reader(s, source);
    }

    /// <summary>Creates <paramref name="path"/> for writing in the format its extension names.</summary>
    public static ICaptureWriter CreateWriter(string path) => CreateWriter(path, () => OutputFile.Create(path, 1 << 16));

    /// <summary>A writer in the format <paramref name="path"/>'s extension names, writing to the stream <paramref name="open"/> gives (e.g. a <see cref="SideFile"/>'s).</summary>
    /// <exception cref="NotSupportedException">The format cannot be written.</exception>
    public static ICaptureWriter CreateWriter(string path, Func<Stream> open)
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

        return format.Writer(s);
    }

    private static (Format Format, bool Gz) Find(string path)
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

        throw new NotSupportedException($"'{path}': unknown capture format '{ext}' (known: {Describe()})");
    }
}
