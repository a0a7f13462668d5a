namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The RAM part of the uplink queue: one preallocated byte ring of records
    /// [topic index: 1 byte][payload length: 2 bytes, big-endian][payload], oldest first. Records wrap
    /// around the end of the array, so no space is lost to padding; nothing is allocated after construction.
    /// </summary>
    internal sealed class UplinkRing
    {
        internal const int HeaderBytes = 3;

        private readonly byte[] _bytes;
        private int _head;
        private int _used;
        private int _count;

        /// <summary>A ring of <paramref name="capacity"/> bytes.</summary>
        internal UplinkRing(int capacity)
        {
            _bytes = new byte[capacity];
        }

        /// <summary>Records held.</summary>
        internal int Count
        {
            get { return _count; }
        }

        /// <summary>Bytes not in use.</summary>
        internal int Free
        {
            get { return _bytes.Length - _used; }
        }

        /// <summary>Offset of the oldest record.</summary>
        internal int Head
        {
            get { return _head; }
        }

        /// <summary>Appends a record; false (nothing written) when it does not fit.</summary>
        internal bool TryPush(int topic, byte[] payload, int offset, int length)
        {
            if (HeaderBytes + length > Free)
            {
                return false;
            }

            int at = Wrap(_head + _used);
            _bytes[at] = (byte)topic;
            _bytes[Wrap(at + 1)] = (byte)(length >> 8);
            _bytes[Wrap(at + 2)] = (byte)length;
            int body = Wrap(at + HeaderBytes);
            int first = _bytes.Length - body;
            if (first >= length)
            {
                System.Array.Copy(payload, offset, _bytes, body, length);
            }
            else
            {
                System.Array.Copy(payload, offset, _bytes, body, first);
                System.Array.Copy(payload, offset + first, _bytes, 0, length - first);
            }

            _used += HeaderBytes + length;
            _count++;
            return true;
        }

        /// <summary>Topic index of the record at <paramref name="record"/>.</summary>
        internal int TopicAt(int record)
        {
            return _bytes[record];
        }

        /// <summary>Payload length of the record at <paramref name="record"/>.</summary>
        internal int LengthAt(int record)
        {
            return (_bytes[Wrap(record + 1)] << 8) | _bytes[Wrap(record + 2)];
        }

        /// <summary>Offset of the record after the one at <paramref name="record"/>.</summary>
        internal int Next(int record)
        {
            return Wrap(record + HeaderBytes + LengthAt(record));
        }

        /// <summary>Copies the payload of the record at <paramref name="record"/> to the start of <paramref name="target"/>; returns its length.</summary>
        internal int CopyPayload(int record, byte[] target)
        {
            int length = LengthAt(record);
            int body = Wrap(record + HeaderBytes);
            int first = _bytes.Length - body;
            if (first >= length)
            {
                System.Array.Copy(_bytes, body, target, 0, length);
            }
            else
            {
                System.Array.Copy(_bytes, body, target, 0, first);
                System.Array.Copy(_bytes, 0, target, first, length - first);
            }

            return length;
        }

        /// <summary>Removes the oldest record (no-op when empty).</summary>
        internal void Pop()
        {
            if (_count == 0)
            {
                return;
            }

            int size = HeaderBytes + LengthAt(_head);
            _head = Wrap(_head + size);
            _used -= size;
            _count--;
            if (_count == 0)
            {
                _head = 0;
            }
        }

        private int Wrap(int offset)
        {
            return offset >= _bytes.Length ? offset - _bytes.Length : offset;
        }
    }
}
