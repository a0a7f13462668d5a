using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// Walks an audit log file record by record and verifies the keyed hash chain (layout in
    /// <see cref="AuditRecord"/>). Shared by <see cref="AuditLog"/> (recovery on boot) and
    /// <see cref="AuditVerifier"/>; allocates nothing after construction.
    /// </summary>
    /// <remarks>
    /// After a <see cref="Problem"/> the bytes that follow cannot be trusted, not even their length
    /// fields. The log marks the break by appending a chain-break marker (a
    /// <see cref="AuditKind.LogRecovered"/> record whose detail starts with its own byte offset, chained
    /// on the last good tag); the scanner looks for such a marker at every later offset (cheap field
    /// checks first, the MAC only for candidates) and, when one verifies, resumes there
    /// (<see cref="Resumed"/>). The broken bytes stay in the file as evidence.
    /// </remarks>
    public sealed class AuditScanner
    {
        /// <summary>Event: nothing more to read.</summary>
        public const int End = 0;

        /// <summary>Event: a record verified; it is in <see cref="RecordBytes"/>.</summary>
        public const int Record = 1;

        /// <summary>Event: the chain is broken at <see cref="Offset"/>; see <see cref="Problem"/>.</summary>
        public const int Broken = 2;

        /// <summary>Event: the bytes from <see cref="Offset"/> to the end are an incomplete record.</summary>
        public const int TornTail = 3;

        /// <summary>Event: after a break, a verified chain-break marker; it is in <see cref="RecordBytes"/>.</summary>
        public const int Resumed = 4;

        /// <summary>Detail bytes of a <see cref="AuditKind.LogRecovered"/> record: own offset, problem offset, byte count.</summary>
        public const int MarkerDetailLength = 12;

        /// <summary>Whole length of a <see cref="AuditKind.LogRecovered"/> record.</summary>
        public const int MarkerLength = AuditRecord.MinLength + MarkerDetailLength;

        private readonly HmacSha256 _hmac;
        private readonly byte[] _genesis = new byte[AuditRecord.TagSize];
        private readonly byte[] _prevTag = new byte[AuditRecord.TagSize];
        private readonly byte[] _mac = new byte[HmacSha256.MacSize];
        private readonly byte[] _record = new byte[AuditRecord.MaxLength];
        private readonly byte[] _peek = new byte[AuditRecord.TimeOffset];
        private readonly byte[] _window = new byte[256];
        private IStorageFile _file;
        private long _fileLength;
        private long _pos;
        private uint _expected;
        private bool _broken;
        private bool _done;
        private long _winStart;
        private int _winCount;
        private long _offset;
        private int _recordLength;
        private int _problem;
        private uint _expectedSequence;
        private uint _foundSequence;
        private long _endOffset;
        private long _tailBytes;
        private long _brokenOffset;

        /// <summary>Creates a scanner for logs kept under <paramref name="key"/> (the audit key, any length).</summary>
        public AuditScanner(byte[] key)
        {
            _hmac = new HmacSha256(key);
            string label = AuditRecord.GenesisLabel;
            byte[] text = new byte[label.Length];
            for (int i = 0; i < label.Length; i++)
            {
                text[i] = (byte)label[i];
            }

            _hmac.Compute(text, 0, text.Length, _mac, 0);
            System.Array.Copy(_mac, _genesis, AuditRecord.TagSize);
        }

        /// <summary>Offset of the record, break or torn tail of the last event.</summary>
        public long Offset
        {
            get { return _offset; }
            private set { _offset = value; }
        }

        /// <summary>The last verified record (first <see cref="RecordLength"/> bytes).</summary>
        public byte[] RecordBytes
        {
            get { return _record; }
        }

        /// <summary>Length of the last verified record.</summary>
        public int RecordLength
        {
            get { return _recordLength; }
            private set { _recordLength = value; }
        }

        /// <summary>The <see cref="AuditProblem"/> of the last <see cref="Broken"/> event.</summary>
        public int Problem
        {
            get { return _problem; }
            private set { _problem = value; }
        }

        /// <summary>Sequence number the chain expected at the last break.</summary>
        public uint ExpectedSequence
        {
            get { return _expectedSequence; }
            private set { _expectedSequence = value; }
        }

        /// <summary>Sequence number found at the last break (0 when the record could not be read).</summary>
        public uint FoundSequence
        {
            get { return _foundSequence; }
            private set { _foundSequence = value; }
        }

        /// <summary>Sequence number of the last verified record (0 when none).</summary>
        public uint LastSequence
        {
            get { return _expected - 1; }
        }

        /// <summary>Offset just past the last verified record.</summary>
        public long EndOffset
        {
            get { return _endOffset; }
            private set { _endOffset = value; }
        }

        /// <summary>Bytes of the torn tail after a <see cref="TornTail"/> event.</summary>
        public long TailBytes
        {
            get { return _tailBytes; }
            private set { _tailBytes = value; }
        }

        /// <summary>True when the scan ended inside a broken region (no marker after the last break).</summary>
        public bool IsBroken
        {
            get { return _broken; }
        }

        /// <summary>Offset of the last break.</summary>
        public long BrokenOffset
        {
            get { return _brokenOffset; }
            private set { _brokenOffset = value; }
        }

        /// <summary>Starts scanning <paramref name="file"/> from its first byte.</summary>
        public void Start(IStorageFile file)
        {
            _file = file;
            _fileLength = file.Length;
            _pos = 0;
            _expected = 1;
            System.Array.Copy(_genesis, _prevTag, AuditRecord.TagSize);
            _broken = false;
            _done = false;
            _winCount = 0;
            Offset = 0;
            EndOffset = 0;
            RecordLength = 0;
            Problem = AuditProblem.None;
            BrokenOffset = -1;
        }

        /// <summary>Copies the tag of the last verified record (the genesis tag when none) to <paramref name="destination"/>.</summary>
        public void CopyLastTag(byte[] destination, int offset)
        {
            System.Array.Copy(_prevTag, 0, destination, offset, AuditRecord.TagSize);
        }

        /// <summary>
        /// Writes the tag of the <paramref name="length"/>-byte record in <paramref name="record"/> chained on
        /// <paramref name="previousTag"/> into its last <see cref="AuditRecord.TagSize"/> bytes.
        /// </summary>
        public void Seal(byte[] previousTag, byte[] record, int length)
        {
            ComputeTag(previousTag, record, length);
            System.Array.Copy(_mac, 0, record, length - AuditRecord.TagSize, AuditRecord.TagSize);
        }

        /// <summary>Reads the next event.</summary>
        public int Next()
        {
            if (_done)
            {
                return End;
            }

            if (_broken)
            {
                return Resync();
            }

            long remaining = _fileLength - _pos;
            Offset = _pos;
            if (remaining == 0)
            {
                _done = true;
                return End;
            }

            // A power cut keeps a prefix of the last append: too short for its own length field is torn.
            if (remaining < 2)
            {
                return Torn(remaining);
            }

            ReadFully(_pos, _record, 2);
            int length = AuditRecord.Length(_record, 0);
            if (length < AuditRecord.MinLength || length > AuditRecord.MaxLength)
            {
                return Break(AuditProblem.Malformed, 0);
            }

            if (remaining < length)
            {
                return Torn(remaining);
            }

            ReadFully(_pos, _record, length);
            if (AuditRecord.DetailLength(_record) != length - AuditRecord.MinLength)
            {
                return Break(AuditProblem.Malformed, 0);
            }

            uint seq = AuditRecord.Sequence(_record, 0);
            if (TagMatches(length) && (seq == _expected || (seq > _expected && IsMarker(_record, 0, _pos))))
            {
                Accept(length, seq);
                return Record;
            }

            int problem;
            if (seq > _expected)
            {
                problem = SequenceLater(_pos + length) ? AuditProblem.Reordered : AuditProblem.Deleted;
            }
            else if (seq < _expected)
            {
                problem = AuditProblem.Inserted;
            }
            else
            {
                // The right sequence number with the wrong tag is an edit, unless the next record has the same
                // number: then this one was slipped in before it.
                problem = SequenceAt(_pos + length) == seq ? AuditProblem.Inserted : AuditProblem.Edited;
            }

            return Break(problem, seq);
        }

        /// <summary>
        /// Highest sequence number among the records that the length fields chain together from
        /// <paramref name="offset"/> (unverified: used to number past a broken region).
        /// </summary>
        public uint HighestSequenceFrom(long offset)
        {
            uint highest = 0;
            while (true)
            {
                int length = PeekLength(offset);
                if (length < 0 || offset + length > _fileLength)
                {
                    return highest;
                }

                uint seq = AuditRecord.GetUInt32(_peek, AuditRecord.SequenceOffset);
                if (seq > highest)
                {
                    highest = seq;
                }

                offset += length;
            }
        }

        private int Torn(long remaining)
        {
            TailBytes = remaining;
            _done = true;
            return TornTail;
        }

        private int Break(int problem, uint found)
        {
            Problem = problem;
            ExpectedSequence = _expected;
            FoundSequence = found;
            BrokenOffset = _pos;
            _broken = true;
            return Broken;
        }

        private void Accept(int length, uint seq)
        {
            System.Array.Copy(_record, length - AuditRecord.TagSize, _prevTag, 0, AuditRecord.TagSize);
            _expected = seq + 1;
            _pos += length;
            EndOffset = _pos;
            RecordLength = length;
        }

        private int Resync()
        {
            for (long o = BrokenOffset + 1; o + MarkerLength <= _fileLength; o++)
            {
                if (o < _winStart || o + MarkerLength > _winStart + _winCount)
                {
                    long left = _fileLength - o;
                    _winStart = o;
                    _winCount = ReadFully(o, _window, left < _window.Length ? (int)left : _window.Length);
                }

                int i = (int)(o - _winStart);
                if (!IsMarker(_window, i, o) || AuditRecord.GetUInt32(_window, i + AuditRecord.SequenceOffset) < _expected)
                {
                    continue;
                }

                System.Array.Copy(_window, i, _record, 0, MarkerLength);
                if (TagMatches(MarkerLength))
                {
                    _broken = false;
                    _pos = o;
                    Offset = o;
                    Accept(MarkerLength, AuditRecord.Sequence(_record, 0));
                    return Resumed;
                }
            }

            _done = true;
            return End;
        }

        private static bool IsMarker(byte[] b, int i, long offset)
        {
            return AuditRecord.GetUInt16(b, i) == MarkerLength
                && b[i + AuditRecord.KindOffset] == AuditKind.LogRecovered
                && b[i + AuditRecord.DetailLengthOffset] == MarkerDetailLength
                && AuditRecord.GetUInt32(b, i + AuditRecord.HeaderSize) == (uint)offset;
        }

        private bool TagMatches(int length)
        {
            ComputeTag(_prevTag, _record, length);
            return FixedTime.Equals(_mac, 0, _record, length - AuditRecord.TagSize, AuditRecord.TagSize);
        }

        private void ComputeTag(byte[] previousTag, byte[] record, int length)
        {
            _hmac.Reset();
            _hmac.Update(previousTag, 0, AuditRecord.TagSize);
            _hmac.Update(record, 0, length - AuditRecord.TagSize);
            _hmac.Final(_mac, 0);
        }

        private bool SequenceLater(long offset)
        {
            while (true)
            {
                int length = PeekLength(offset);
                if (length < 0)
                {
                    return false;
                }

                if (AuditRecord.GetUInt32(_peek, AuditRecord.SequenceOffset) == _expected)
                {
                    return true;
                }

                offset += length;
            }
        }

        private uint SequenceAt(long offset)
        {
            return PeekLength(offset) < 0 ? 0 : AuditRecord.GetUInt32(_peek, AuditRecord.SequenceOffset);
        }

        // Reads length and sequence of the record at offset into _peek; -1 when no plausible record is there.
        private int PeekLength(long offset)
        {
            if (offset + AuditRecord.TimeOffset > _fileLength || ReadFully(offset, _peek, AuditRecord.TimeOffset) < AuditRecord.TimeOffset)
            {
                return -1;
            }

            int length = AuditRecord.Length(_peek, 0);
            return length < AuditRecord.MinLength || length > AuditRecord.MaxLength ? -1 : length;
        }

        private int ReadFully(long offset, byte[] buffer, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = _file.Read(offset + total, buffer, total, count - total);
                if (n <= 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }
}
