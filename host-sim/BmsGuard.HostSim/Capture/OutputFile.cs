namespace BmsGuard.HostSim.Capture;

/// <summary>Creates output files by replacing, never truncating, what was there.</summary>
public static class OutputFile
{
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
}
