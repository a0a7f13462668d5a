using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Tests
{
    /// <summary>
    /// A storage file that loses power on demand: with <see cref="CutAfter"/> at n (0 or more), an
    /// append keeps only its first n bytes and then throws, as a write cut by a power failure would.
    /// </summary>
    public sealed class CommandTornFile : IStorageFile
    {
        private readonly IStorageFile _inner;

        /// <summary>Wraps <paramref name="inner"/>; writes go through until <see cref="CutAfter"/> is set.</summary>
        public CommandTornFile(IStorageFile inner)
        {
            _inner = inner;
        }

        /// <summary>Bytes an append keeps before failing; -1: appends succeed.</summary>
        public int CutAfter = -1;

        /// <inheritdoc />
        public long Length
        {
            get { return _inner.Length; }
        }

        /// <inheritdoc />
        public int Read(long offset, byte[] buffer, int index, int count)
        {
            return _inner.Read(offset, buffer, index, count);
        }

        /// <inheritdoc />
        public void Append(byte[] buffer, int index, int count)
        {
            if (CutAfter < 0)
            {
                _inner.Append(buffer, index, count);
                return;
            }

            _inner.Append(buffer, index, CutAfter < count ? CutAfter : count);
            throw new System.Exception();
        }

        /// <inheritdoc />
        public void Truncate(long length)
        {
            _inner.Truncate(length);
        }
    }
}
