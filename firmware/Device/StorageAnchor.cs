using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// A monotonic anchor kept in its own storage file: 8-byte records (value, its complement),
    /// the last whole record wins, a torn one is ignored. It detects a restore of the guard's state
    /// files alone; it is only as strong as the anchor file's own protection from rollback, so
    /// on the board it belongs on storage the state files are not restored with (see hardware/).
    /// </summary>
    public sealed class StorageAnchor : IMonotonicAnchor
    {
        private const int RecordSize = 8;
        private const int CompactAfter = 512;

        private readonly IStorageFile _file;
        private readonly byte[] _record = new byte[RecordSize];
        private uint _value;
        private bool _loaded;

        /// <summary>Uses <paramref name="file"/> for the anchor's records.</summary>
        public StorageAnchor(IStorageFile file)
        {
            _file = file;
        }

        /// <inheritdoc />
        public uint Read()
        {
            if (!_loaded)
            {
                _value = Load();
                _loaded = true;
            }

            return _value;
        }

        /// <inheritdoc />
        public void Advance(uint value)
        {
            if (value <= Read())
            {
                return;
            }

            Encode(value);
            if (_file.Length >= CompactAfter)
            {
                // Write the new value before dropping the old ones, so a cut leaves one of them.
                _file.Append(_record, 0, RecordSize);
                _file.Truncate(0);
            }

            _file.Append(_record, 0, RecordSize);
            _value = value;
        }

        private uint Load()
        {
            long whole = (_file.Length / RecordSize) * RecordSize;
            for (long offset = whole - RecordSize; offset >= 0; offset -= RecordSize)
            {
                if (_file.Read(offset, _record, 0, RecordSize) == RecordSize)
                {
                    uint value = Get(0);
                    if (Get(4) == ~value)
                    {
                        return value;
                    }
                }
            }

            return 0;
        }

        private uint Get(int at)
        {
            return ((uint)_record[at] << 24) | ((uint)_record[at + 1] << 16) | ((uint)_record[at + 2] << 8) | _record[at + 3];
        }

        private void Encode(uint value)
        {
            uint inverse = ~value;
            for (int i = 0; i < 4; i++)
            {
                _record[i] = (byte)(value >> (24 - (8 * i)));
                _record[4 + i] = (byte)(inverse >> (24 - (8 * i)));
            }
        }
    }
}
