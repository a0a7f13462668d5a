namespace BmsGuard.Core.Storage
{
    /// <summary>
    /// One append-only file on the device's storage (flash file system on the board, a file or memory
    /// in the emulator). The guard's state (keys, counters, audit log) lives in such files.
    /// </summary>
    public interface IStorageFile
    {
        /// <summary>Bytes in the file.</summary>
        long Length { get; }

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>; returns how many were read (0 at the end).</summary>
        int Read(long offset, byte[] buffer, int index, int count);

        /// <summary>Appends bytes; they are durable when the call returns. A power cut during the call may keep any prefix of them.</summary>
        void Append(byte[] buffer, int index, int count);

        /// <summary>Cuts the file to <paramref name="length"/> bytes (used to drop a torn tail and to rewrite small state files).</summary>
        void Truncate(long length);
    }
}
