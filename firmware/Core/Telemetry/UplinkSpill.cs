using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The storage part of the uplink queue: newer messages than those in RAM, in a ring of append-only
    /// segment files (a file cannot be cut at its head, so space comes back a whole segment at a time:
    /// the head segment is truncated to 0 once read through). One record per message:
    /// <code>
    /// 0xB5 | sequence: 4 bytes BE | topic index: 1 byte | payload length: 2 bytes BE | payload | 0x5A
    /// </code>
    /// Written with one Append each, so a power cut leaves at most a prefix of the last record; at start
    /// <see cref="Recover"/> keeps the intact records in sequence order and cuts a torn tail.
    /// </summary>
    internal sealed class UplinkSpill
    {
        internal const int HeaderBytes = 8;
        internal const int RecordOverhead = HeaderBytes + 1;
        private const byte Magic = 0xB5;
        private const byte EndMark = 0x5A;

        private readonly IStorageFile[] _segments;
        private readonly long[] _lengths;
        private readonly int _segmentBytes;
        private readonly int _maxPayload;
        private readonly byte[] _record;
        private int _head;
        private int _tail;
        private long _readOffset;
        private int _count;
        private uint _nextSequence;

        // The next record's header, read once by Peek and kept until Take.
        private bool _peeked;
        private int _peekTopic;
        private int _peekLength;

        /// <summary>Spill over <paramref name="segments"/> (none: disabled), each holding up to <paramref name="segmentBytes"/>.</summary>
        internal UplinkSpill(IStorageFile[] segments, int segmentBytes, int maxPayload)
        {
            _segments = segments == null || segmentBytes == 0 ? new IStorageFile[0] : segments;
            _lengths = new long[_segments.Length];
            _segmentBytes = segmentBytes;
            _maxPayload = maxPayload;
            _record = new byte[RecordOverhead + maxPayload];
        }

        /// <summary>True when there is storage to spill to.</summary>
        internal bool Enabled
        {
            get { return _segments.Length > 0; }
        }

        /// <summary>Records waiting in storage.</summary>
        internal int Count
        {
            get { return _count; }
        }

        /// <summary>
        /// Scans every segment: counts the intact records, cuts each segment at its first bad record
        /// (returned in <paramref name="torn"/>) and orders the segments by their first sequence number.
        /// Returns the records recovered.
        /// </summary>
        internal int Recover(out int torn)
        {
            torn = 0;
            _count = 0;
            int head = -1;
            int tail = -1;
            uint headFirst = 0;
            uint tailFirst = 0;
            uint last = 0;
            bool any = false;
            for (int s = 0; s < _segments.Length; s++)
            {
                long length = _segments[s].Length;
                long offset = 0;
                bool firstInSegment = true;
                while (offset < length)
                {
                    uint sequence;
                    int size = ReadRecordHeader(s, offset, length, out sequence);
                    if (size < 0)
                    {
                        _segments[s].Truncate(offset);
                        torn++;
                        break;
                    }

                    if (firstInSegment)
                    {
                        firstInSegment = false;
                        if (head < 0 || sequence < headFirst)
                        {
                            head = s;
                            headFirst = sequence;
                        }

                        if (tail < 0 || sequence > tailFirst)
                        {
                            tail = s;
                            tailFirst = sequence;
                        }
                    }

                    if (!any || sequence > last)
                    {
                        last = sequence;
                        any = true;
                    }

                    _count++;
                    offset += size;
                }

                _lengths[s] = offset;
            }

            _head = head < 0 ? 0 : head;
            _tail = tail < 0 ? 0 : tail;
            _readOffset = 0;
            _nextSequence = any ? last + 1 : 0;
            _peeked = false;
            return _count;
        }

        /// <summary>Appends a record; false when the tail segment is full and the next one is still in use.</summary>
        internal bool TryAppend(int topic, byte[] payload, int offset, int length)
        {
            if (!Enabled)
            {
                return false;
            }

            int size = RecordOverhead + length;
            if (_lengths[_tail] + size > _segmentBytes)
            {
                int next = _tail + 1 == _segments.Length ? 0 : _tail + 1;
                if (next == _head || _lengths[next] != 0)
                {
                    return false;
                }

                _tail = next;
            }

            uint sequence = _nextSequence++;
            _record[0] = Magic;
            _record[1] = (byte)(sequence >> 24);
            _record[2] = (byte)(sequence >> 16);
            _record[3] = (byte)(sequence >> 8);
            _record[4] = (byte)sequence;
            _record[5] = (byte)topic;
            _record[6] = (byte)(length >> 8);
            _record[7] = (byte)length;
            System.Array.Copy(payload, offset, _record, HeaderBytes, length);
            _record[HeaderBytes + length] = EndMark;
            _segments[_tail].Append(_record, 0, size);
            _lengths[_tail] += size;
            _count++;
            return true;
        }

        /// <summary>Payload length of the oldest record (its topic in <paramref name="topic"/>); -1 when empty.</summary>
        internal int Peek(out int topic)
        {
            topic = 0;
            if (_count == 0)
            {
                return -1;
            }

            if (!_peeked)
            {
                SkipReadSegments();
                uint sequence;
                ReadRecordHeader(_head, _readOffset, _lengths[_head], out sequence);
                _peekTopic = _record[5];
                _peekLength = (_record[6] << 8) | _record[7];
                _peeked = true;
            }

            topic = _peekTopic;
            return _peekLength;
        }

        /// <summary>
        /// Removes the oldest record, copying its payload to the start of <paramref name="target"/> (null:
        /// discard); returns the payload length, -1 when empty.
        /// </summary>
        internal int Take(byte[] target)
        {
            int topic;
            int length = Peek(out topic);
            if (length < 0)
            {
                return -1;
            }

            if (target != null)
            {
                ReadFully(_head, _readOffset + HeaderBytes, target, 0, length);
            }

            _readOffset += RecordOverhead + length;
            _count--;
            _peeked = false;
            if (_count == 0)
            {
                // Everything read: give every segment's space back and start over in the current one.
                for (int s = 0; s < _segments.Length; s++)
                {
                    if (_lengths[s] != 0)
                    {
                        _segments[s].Truncate(0);
                        _lengths[s] = 0;
                    }
                }

                _head = _tail;
                _readOffset = 0;
            }
            else
            {
                SkipReadSegments();
            }

            return length;
        }

        // Moves past head segments that were read through, giving their space back.
        private void SkipReadSegments()
        {
            while (_readOffset >= _lengths[_head] && _head != _tail)
            {
                _segments[_head].Truncate(0);
                _lengths[_head] = 0;
                _head = _head + 1 == _segments.Length ? 0 : _head + 1;
                _readOffset = 0;
            }
        }

        // Reads and checks the record at offset into _record's header bytes; its whole size, or -1 when
        // it is torn or not a record (wrong magic, length beyond max or past the end, missing end mark).
        private int ReadRecordHeader(int segment, long offset, long length, out uint sequence)
        {
            sequence = 0;
            if (offset + RecordOverhead > length || ReadFully(segment, offset, _record, 0, HeaderBytes) != HeaderBytes)
            {
                return -1;
            }

            int payload = (_record[6] << 8) | _record[7];
            if (_record[0] != Magic || payload > _maxPayload || offset + RecordOverhead + payload > length)
            {
                return -1;
            }

            int mark = ReadFully(segment, offset + HeaderBytes + payload, _record, HeaderBytes, 1);
            if (mark != 1 || _record[HeaderBytes] != EndMark)
            {
                return -1;
            }

            sequence = ((uint)_record[1] << 24) | ((uint)_record[2] << 16) | ((uint)_record[3] << 8) | _record[4];
            return RecordOverhead + payload;
        }

        private int ReadFully(int segment, long offset, byte[] buffer, int index, int count)
        {
            int done = 0;
            while (done < count)
            {
                int n = _segments[segment].Read(offset + done, buffer, index + done, count - done);
                if (n <= 0)
                {
                    break;
                }

                done += n;
            }

            return done;
        }
    }
}
