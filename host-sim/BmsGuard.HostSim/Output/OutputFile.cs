namespace BmsGuard.HostSim.Output;

/// <summary>
/// Opens output files without truncating what was there: <see cref="Create"/> replaces the file,
/// <see cref="Rewrite"/> writes over it. (Why never truncate: see <see cref="Create"/>.)
/// </summary>
public static class OutputFile
{
    // .NET locks every file it opens (flock: shared for reading, exclusive with FileShare.None)
    // unless this switch turns that off; Rewrite relies on the lock to find its own input.
    private static readonly bool LockingDisabled =
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out bool off) && off)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true";

    /// <summary>
    /// Removes <paramref name="path"/> if it exists and creates a new file there for writing.
    /// Why not <see cref="FileMode.Create"/>: .NET implements it with ftruncate(0), even on a new
    /// file, and ext4 (auto_da_alloc, its default) answers a truncation to 0 by writing the file's
    /// data out when it is closed. For a 128 MB replay that made closing and deleting the logs cost
    /// three to six times what writing them did (strace and perf on this project's CI machine kind).
    /// A process still reading the old file keeps reading the old file.
    /// </summary>
    public static FileStream Create(string path, int bufferSize)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize);
    }

    /// <summary>
    /// Opens <paramref name="path"/> to be written from its start, keeping the file when there is
    /// one; closing the stream cuts it to what was written. Writing over a file's cached pages costs
    /// the system far less than deleting them and filling new ones (docs/performance.md).
    /// Until closed, the file ends with what was there before: a killed process leaves that tail;
    /// and other .NET processes cannot open it (the exclusive lock below).
    /// When this process has the file open (a replay whose input is one of its outputs, also through
    /// a link) the file is replaced as by <see cref="Create"/>: the exclusive lock asked for here is
    /// refused, and the input keeps its contents.
    /// </summary>
    public static FileStream Rewrite(string path)
    {
        if (!LockingDisabled)
        {
            try
            {
                return new RewrittenFile(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Open elsewhere, in this process or another: a new file leaves the other reader alone.
            }
        }

        return Create(path, 0);
    }

    private sealed class RewrittenFile(string path)
        : FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 0)
    {
        protected override void Dispose(bool disposing)
        {
            // Only when there is a tail: a log as long as the last one (the same capture again) needs no system call.
            if (disposing && !SafeFileHandle.IsClosed && Length > Position)
            {
                SetLength(Position);
            }

            base.Dispose(disposing);
        }
    }
}
