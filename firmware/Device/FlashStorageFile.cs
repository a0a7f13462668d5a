using System.IO;
using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// A guard state file on the board's file system (internal flash "I:\" or an SD card "D:\"), via
    /// nanoFramework.System.IO.FileSystem. Its FileStream syncs every Write and has no SetLength, so
    /// <see cref="Truncate"/> copies the kept prefix to a side file and swaps it in; a reset during
    /// the swap is finished on the next open. Calls are rare (commands, key changes, audit records),
    /// never per frame.
    /// </summary>
    public sealed class FlashStorageFile : IStorageFile
    {
        private const int CopyChunk = 256;

        private readonly string _path;
        private readonly string _sidePath;

        /// <summary>Opens (creating when needed) the file at <paramref name="path"/>.</summary>
        public FlashStorageFile(string path)
        {
            _path = path;
            _sidePath = path + ".new";
            if (!File.Exists(_path) && File.Exists(_sidePath))
            {
                // Reset between deleting the old file and renaming the new one.
                File.Move(_sidePath, _path);
            }
            else if (File.Exists(_sidePath))
            {
                // Reset before the old file was deleted: the old file is still whole.
                File.Delete(_sidePath);
            }
        }

        /// <inheritdoc />
        public long Length
        {
            get
            {
                if (!File.Exists(_path))
                {
                    return 0;
                }

                FileStream stream = new FileStream(_path, FileMode.Open, FileAccess.Read);
                try
                {
                    return stream.Length;
                }
                finally
                {
                    stream.Dispose();
                }
            }
        }

        /// <inheritdoc />
        public int Read(long offset, byte[] buffer, int index, int count)
        {
            if (!File.Exists(_path))
            {
                return 0;
            }

            FileStream stream = new FileStream(_path, FileMode.Open, FileAccess.Read);
            try
            {
                long length = stream.Length;
                if (offset < 0 || offset >= length || count <= 0)
                {
                    return 0;
                }

                if (count > length - offset)
                {
                    count = (int)(length - offset);
                }

                stream.Seek(offset, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int n = stream.Read(buffer, index + total, count - total);
                    if (n <= 0)
                    {
                        break;
                    }

                    total += n;
                }

                return total;
            }
            finally
            {
                stream.Dispose();
            }
        }

        /// <inheritdoc />
        public void Append(byte[] buffer, int index, int count)
        {
            FileStream stream = new FileStream(_path, FileMode.Append, FileAccess.Write);
            try
            {
                stream.Write(buffer, index, count);
                stream.Flush();
            }
            finally
            {
                stream.Dispose();
            }
        }

        /// <inheritdoc />
        public void Truncate(long length)
        {
            long current = Length;
            if (length < 0 || length >= current)
            {
                return;
            }

            FileStream side = new FileStream(_sidePath, FileMode.Create, FileAccess.Write);
            try
            {
                byte[] chunk = new byte[CopyChunk];
                long done = 0;
                while (done < length)
                {
                    int want = length - done > CopyChunk ? CopyChunk : (int)(length - done);
                    int n = Read(done, chunk, 0, want);
                    if (n <= 0)
                    {
                        break;
                    }

                    side.Write(chunk, 0, n);
                    done += n;
                }

                side.Flush();
            }
            finally
            {
                side.Dispose();
            }

            File.Delete(_path);
            File.Move(_sidePath, _path);
        }
    }
}
