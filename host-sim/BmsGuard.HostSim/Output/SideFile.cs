namespace BmsGuard.HostSim.Output;

/// <summary>
/// A file written beside its destination (<c>NAME.PID.part</c> in the same directory) and renamed over
/// it by <see cref="Commit"/>: until then the destination keeps what it held, and a process that fails
/// or is killed leaves no half-written file in its place. Disposing without a commit deletes the part.
/// </summary>
public sealed class SideFile : IDisposable
{
    private readonly string _path;
    private readonly string _part;
    private bool _committed;

    private SideFile(string path, string part, FileStream stream)
    {
        _path = path;
        _part = part;
        Stream = stream;
    }

    /// <summary>The stream to write the new contents to.</summary>
    public FileStream Stream { get; }

    /// <summary>Starts a new file for <paramref name="path"/>.</summary>
    public static SideFile Create(string path)
    {
        string full = Path.GetFullPath(path);
        string part = $"{full}.{Environment.ProcessId}.part";
        return new SideFile(full, part, OutputFile.Create(part, 1 << 16));
    }

    /// <summary>Flushes to disk (unless a writer already closed the stream) and renames the new file over the destination.</summary>
    public void Commit()
    {
        if (Stream.CanWrite)
        {
            Stream.Flush(flushToDisk: true);
        }

        Stream.Dispose();
        File.Move(_part, _path, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the stream; without a commit the new file is deleted and the destination left as it was.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            File.Delete(_part);
        }
    }
}
