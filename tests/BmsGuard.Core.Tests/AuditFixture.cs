using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Tests
{
    /// <summary>Audit logs for the tests: random keys (made at test time), logs of n records, byte surgery.</summary>
    public static class AuditFixture
    {
        private static readonly System.Random Random = new System.Random();

        /// <summary>A fresh random 32-byte audit key.</summary>
        public static byte[] RandomKey()
        {
            byte[] key = new byte[32];
            Random.NextBytes(key);
            return key;
        }

        /// <summary>
        /// A log of <paramref name="count"/> records (sequence i has detail length i % 65, reason i) under
        /// <paramref name="key"/>; <paramref name="offsets"/>[i] is where sequence i starts (index 0 unused,
        /// index count + 1 is the end of the file).
        /// </summary>
        public static MemoryStorageFile Build(byte[] key, int count, out long[] offsets)
        {
            MemoryStorageFile file = new MemoryStorageFile(4096);
            AuditLog log = new AuditLog(file, key);
            log.Open(0);
            offsets = new long[count + 2];
            byte[] detail = new byte[64];
            for (int i = 1; i <= count; i++)
            {
                offsets[i] = file.Length;
                for (int d = 0; d < detail.Length; d++)
                {
                    detail[d] = (byte)(i + d);
                }

                log.Record(i * 1000L, AuditKind.UdsAllowed, i, detail, i % 65);
            }

            offsets[count + 1] = file.Length;
            return file;
        }

        /// <summary>All bytes of a file.</summary>
        public static byte[] Bytes(IStorageFile file)
        {
            byte[] bytes = new byte[(int)file.Length];
            file.Read(0, bytes, 0, bytes.Length);
            return bytes;
        }

        /// <summary>A file holding <paramref name="count"/> bytes of <paramref name="bytes"/>.</summary>
        public static MemoryStorageFile File(byte[] bytes, int count)
        {
            MemoryStorageFile file = new MemoryStorageFile(count + 256);
            file.Append(bytes, 0, count);
            return file;
        }

        /// <summary>
        /// A new file of: bytes [0, cutFrom) then <paramref name="insert"/> then bytes from
        /// <paramref name="resumeAt"/> to the end.
        /// </summary>
        public static MemoryStorageFile Splice(IStorageFile source, long cutFrom, byte[] insert, long resumeAt)
        {
            byte[] bytes = Bytes(source);
            MemoryStorageFile file = new MemoryStorageFile(bytes.Length + 256);
            file.Append(bytes, 0, (int)cutFrom);
            file.Append(insert, 0, insert.Length);

            file.Append(bytes, (int)resumeAt, bytes.Length - (int)resumeAt);
            return file;
        }

        /// <summary>Bytes [from, to) of a file.</summary>
        public static byte[] Slice(IStorageFile source, long from, long to)
        {
            byte[] bytes = new byte[(int)(to - from)];
            source.Read(from, bytes, 0, bytes.Length);
            return bytes;
        }
    }
}
