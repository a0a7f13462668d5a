namespace BmsGuard.Core.Storage
{
    /// <summary>
    /// A storage file in RAM: for boards without a file system (state lost at reset, which the guard
    /// treats as unprovisioned) and for tests. Grows by doubling; no per-call allocation otherwise.
    /// </summary>
    public sealed class MemoryStorageFile : IStorageFile
    {
        private byte[] _bytes;
        private int _length;

        /// <summary>Creates an empty file with room for <paramref name="capacity"/> bytes before it grows.</summary>
        public MemoryStorageFile(int capacity)
        {
            _bytes = new byte[capacity < 16 ? 16 : capacity];
        }

        /// <inheritdoc />
        public long Length
        {
            get { return _length; }
        }

        /// <inheritdoc />
        public int Read(long offset, byte[] buffer, int index, int count)
        {
            if (offset < 0 || offset >= _length || count <= 0)
            {
                return 0;
            }

            int n = _length - (int)offset;
            if (n > count)
            {
                n = count;
            }

            System.Array.Copy(_bytes, (int)offset, buffer, index, n);
            return n;
        }

        /// <inheritdoc />
        public void Append(byte[] buffer, int index, int count)
        {
            if (_length + count > _bytes.Length)
            {
                int size = _bytes.Length * 2;
                while (size < _length + count)
                {
                    size *= 2;
                }

                byte[] grown = new byte[size];
                System.Array.Copy(_bytes, grown, _length);
                _bytes = grown;
            }

            System.Array.Copy(buffer, index, _bytes, _length, count);
            _length += count;
        }

        /// <inheritdoc />
        public void Truncate(long length)
        {
            if (length >= 0 && length < _length)
            {
                _length = (int)length;
            }
        }
    }
}
