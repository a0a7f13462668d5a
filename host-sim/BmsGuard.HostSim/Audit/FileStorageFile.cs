using BmsGuard.Core.Storage;

namespace BmsGuard.HostSim.Audit;

/// <summary>
/// An <see cref="IStorageFile"/> backed by a file on the host, for the emulator and the CLI: every
/// append and truncate is flushed to the disk before it returns (the seam's durability promise).
/// </summary>
public sealed class FileStorageFile : IStorageFile, IDisposable
{
    private readonly FileStream _stream;

    private FileStorageFile(FileStream stream) => _stream = stream;

    /// <summary>Opens <paramref name="path"/> for reading and appending, creating it when missing.</summary>
    public static FileStorageFile Open(string path) =>
        new(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read));

    /// <summary>Opens an existing file read-only (appending or truncating then throws <see cref="NotSupportedException"/>).</summary>
    public static FileStorageFile OpenRead(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));

    /// <inheritdoc />
    public long Length => _stream.Length;

    /// <inheritdoc />
    public int Read(long offset, byte[] buffer, int index, int count)
    {
        if (offset < 0 || offset >= _stream.Length || count <= 0)
        {
            return 0;
        }

        _stream.Position = offset;
        return _stream.Read(buffer, index, count);
    }

    /// <inheritdoc />
    public void Append(byte[] buffer, int index, int count)
    {
        _stream.Seek(0, SeekOrigin.End);
        _stream.Write(buffer, index, count);
        _stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Truncate(long length)
    {
        if (length >= 0 && length < _stream.Length)
        {
            _stream.SetLength(length);
            _stream.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
