using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// A capture the CLI writes: a file (written beside it and renamed over it by <see cref="Commit"/>,
/// so a failure leaves an earlier file as it was) or, for <c>-</c>, standard output. The format is
/// <c>--format</c>'s, else the file's extension's; for <c>-</c> without <c>--format</c>, candump -l.
/// Binary output (BLF, .gz) is not written to a terminal.
/// </summary>
public sealed class CaptureOutput : IDisposable
{
    /// <summary>The format standard output gets without <c>--format</c>.</summary>
    public const string DefaultFormat = "log";

    private readonly SideFile? _side;
    private bool _closed;

    private CaptureOutput(string name, SideFile? side, ICaptureWriter writer)
    {
        Name = name;
        _side = side;
        Writer = writer;
    }

    /// <summary>The output's name in messages (<c>&lt;stdout&gt;</c> for <c>-</c>).</summary>
    public string Name { get; }

    /// <summary>True when the output is standard output.</summary>
    public bool IsStandardOutput => _side == null;

    /// <summary>The writer; <see cref="Commit"/> closes it.</summary>
    public ICaptureWriter Writer { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (<c>-</c>: standard output) in the format <paramref name="format"/>
    /// (a <c>--format</c> value) or its extension names; what the format cannot hold goes to <paramref name="warnings"/>.
    /// </summary>
    public static CaptureOutput Create(string path, string? format, CaptureWarnings? warnings = null)
    {
        string formatPath;
        try
        {
            formatPath = format != null ? CaptureFormats.Named(format) : StandardStreams.IsDash(path) ? CaptureFormats.Named(DefaultFormat) : path;
            if (StandardStreams.IsDash(path))
            {
                if (CaptureFormats.IsBinary(formatPath) && StandardStreams.OutputIsTerminal)
                {
                    throw new UsageException($"not writing binary {Path.GetExtension(formatPath.Replace(".gz", string.Empty, StringComparison.OrdinalIgnoreCase))[1..].ToUpperInvariant()}{(formatPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? " (gzip)" : string.Empty)} data to a terminal: redirect standard output (> FILE or | COMMAND)");
                }

                return new CaptureOutput(StandardStreams.OutputName, null, CaptureFormats.CreateWriter(formatPath, StandardStreams.OpenOutput, warnings));
            }
        }
        catch (NotSupportedException e)
        {
            throw new UsageException(e.Message);
        }

        SideFile side;
        try
        {
            side = SideFile.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}");
        }

        try
        {
            return new CaptureOutput(path, side, CaptureFormats.CreateWriter(formatPath, () => side.Stream, warnings));
        }
        catch (NotSupportedException e)
        {
            side.Dispose();
            throw new InputException(e.Message);
        }
    }

    /// <summary>Closes the writer and puts the file in place.</summary>
    public void Commit()
    {
        _closed = true;
        Writer.Dispose();
        _side?.Commit();
    }

    /// <summary>Without a commit: the file is not put in place (standard output has what was written).</summary>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            try
            {
                Writer.Dispose();
            }
            catch (Exception e) when (e is IOException or CaptureFormatException)
            {
                // Already failing: the first error is the one reported.
            }
        }

        _side?.Dispose();
    }

    /// <summary>" (FILE not written, left as it was)" or " (standard output is incomplete)", for an error that stopped the write.</summary>
    public string Unfinished() =>
        _side == null ? " (standard output is incomplete)" : $" ({Name} not written{(File.Exists(Name) ? ", left as it was" : string.Empty)})";
}
