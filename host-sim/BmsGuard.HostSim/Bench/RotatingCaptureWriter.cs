using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// A capture writer that starts a new file when the current one reaches a size or an age:
/// rec.log becomes rec.0001.log, rec.0002.log, ... (rec.0001.asc.gz for rec.asc.gz). Without a
/// limit it writes the one file named.
/// </summary>
public sealed class RotatingCaptureWriter : ICaptureWriter
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly TimeSpan _maxAge;
    private readonly List<string> _files = [];
    private readonly string? _format;
    private ICaptureWriter _writer;
    private DateTime _started;
    private long _count;

    /// <summary>
    /// Writes to <paramref name="path"/> (<c>-</c>: standard output, never rotated) in the format
    /// <paramref name="format"/> or the extension names; a positive <paramref name="maxBytes"/> or
    /// <paramref name="maxAge"/> turns rotation on.
    /// </summary>
    public RotatingCaptureWriter(string path, long maxBytes, TimeSpan maxAge, string? format = null)
    {
        _format = format;
        _path = path;
        _maxBytes = maxBytes;
        _maxAge = maxAge;
        _writer = Next();
    }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <inheritdoc />
    public long Count => _count;

    private bool Rotates => _maxBytes > 0 || _maxAge > TimeSpan.Zero;

    /// <inheritdoc />
    public void Write(CaptureFrame frame)
    {
        _writer.Write(frame);
        _count++;
    }

    /// <summary>Starts the next file when the current one is full or old enough, or flushes standard output (called about once a second).</summary>
    public void RotateIfDue()
    {
        if (_path == "-" && _writer is BufferedCaptureWriter piped)
        {
            piped.Flush(); // a reader of standard output sees the frames within a second
        }

        if (!Rotates)
        {
            return;
        }

        bool old = _maxAge > TimeSpan.Zero && DateTime.UtcNow - _started >= _maxAge;
        bool full = _maxBytes > 0 && new FileInfo(_files[^1]).Length >= _maxBytes;
        if (old || full)
        {
            _writer.Dispose();
            _writer = Next();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    /// <summary>The name of part <paramref name="part"/> of <paramref name="path"/>: the number goes before the format's extension.</summary>
    public static string PartName(string path, int part)
    {
        string name = path;
        string gz = "";
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            gz = name[^3..];
            name = name[..^3];
        }

        string ext = Path.GetExtension(name);
        return $"{name[..^ext.Length]}.{part:D4}{ext}{gz}";
    }

    private ICaptureWriter Next()
    {
        string path = Rotates ? PartName(_path, _files.Count + 1) : _path;
        var writer = path == "-"
            ? Verbs.CaptureOutput.Create(path, _format).Writer // standard output: nothing to put in place
            : CaptureFormats.CreateWriter(_format == null ? path : CaptureFormats.Named(_format), () => Output.OutputFile.Create(path, 1 << 16));
        _files.Add(path);
        _started = DateTime.UtcNow;
        return writer;
    }
}
