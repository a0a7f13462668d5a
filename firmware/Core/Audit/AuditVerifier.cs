using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// Checks a whole audit log and reports the first problem with its byte offset and sequence
    /// numbers. A torn tail is only a warning (<see cref="TornTailOffset"/>). A chain alone cannot show
    /// whole records cut off the end: pass the sequence number the device last reported to catch that.
    /// </summary>
    public sealed class AuditVerifier
    {
        private readonly AuditScanner _scanner;
        private int _records;
        private int _firstProblem;
        private long _firstProblemOffset;
        private uint _expectedSequence;
        private uint _foundSequence;
        private int _breaks;
        private int _resumptions;
        private long _tornTailOffset;
        private long _tornTailBytes;
        private uint _lastSequence;

        /// <summary>Creates a verifier for logs kept under the audit <paramref name="key"/>.</summary>
        public AuditVerifier(byte[] key)
        {
            _scanner = new AuditScanner(key);
        }

        /// <summary>Records that verified.</summary>
        public int Records
        {
            get { return _records; }
            private set { _records = value; }
        }

        /// <summary>The first <see cref="AuditProblem"/> (never <see cref="AuditProblem.TornTail"/>), or None.</summary>
        public int FirstProblem
        {
            get { return _firstProblem; }
            private set { _firstProblem = value; }
        }

        /// <summary>Byte offset of the first problem (the end of the chain for <see cref="AuditProblem.Truncated"/>).</summary>
        public long FirstProblemOffset
        {
            get { return _firstProblemOffset; }
            private set { _firstProblemOffset = value; }
        }

        /// <summary>Sequence number the chain expected at the first problem.</summary>
        public uint ExpectedSequence
        {
            get { return _expectedSequence; }
            private set { _expectedSequence = value; }
        }

        /// <summary>Sequence number found at the first problem (0 when unreadable; the last one for Truncated).</summary>
        public uint FoundSequence
        {
            get { return _foundSequence; }
            private set { _foundSequence = value; }
        }

        /// <summary>Chain breaks found (each is a problem; the first is described above).</summary>
        public int Breaks
        {
            get { return _breaks; }
            private set { _breaks = value; }
        }

        /// <summary>Breaks after which the device's chain-break marker let the check resume.</summary>
        public int Resumptions
        {
            get { return _resumptions; }
            private set { _resumptions = value; }
        }

        /// <summary>Offset of a torn tail, or -1.</summary>
        public long TornTailOffset
        {
            get { return _tornTailOffset; }
            private set { _tornTailOffset = value; }
        }

        /// <summary>Bytes in the torn tail.</summary>
        public long TornTailBytes
        {
            get { return _tornTailBytes; }
            private set { _tornTailBytes = value; }
        }

        /// <summary>Sequence number of the last verified record.</summary>
        public uint LastSequence
        {
            get { return _lastSequence; }
            private set { _lastSequence = value; }
        }

        /// <summary>Copies the tag of the last verified record (the chain's head) to <paramref name="destination"/>.</summary>
        public void CopyHeadTag(byte[] destination, int offset)
        {
            _scanner.CopyLastTag(destination, offset);
        }

        /// <summary>
        /// Verifies <paramref name="file"/>; returns <see cref="FirstProblem"/>. With
        /// <paramref name="expectSequence"/> above 0, a log whose last verified record is older is
        /// <see cref="AuditProblem.Truncated"/>.
        /// </summary>
        public int Verify(IStorageFile file, long expectSequence)
        {
            Records = 0;
            Breaks = 0;
            Resumptions = 0;
            FirstProblem = AuditProblem.None;
            FirstProblemOffset = -1;
            TornTailOffset = -1;
            TornTailBytes = 0;
            _scanner.Start(file);
            while (true)
            {
                int e = _scanner.Next();
                if (e == AuditScanner.End)
                {
                    break;
                }

                if (e == AuditScanner.Record)
                {
                    Records++;
                    NoteMissingHead();
                }
                else if (e == AuditScanner.Resumed)
                {
                    Records++;
                    Resumptions++;
                }
                else if (e == AuditScanner.TornTail)
                {
                    TornTailOffset = _scanner.Offset;
                    TornTailBytes = _scanner.TailBytes;
                }
                else if (e == AuditScanner.Broken)
                {
                    Breaks++;
                    if (FirstProblem == AuditProblem.None)
                    {
                        FirstProblem = _scanner.Problem;
                        FirstProblemOffset = _scanner.Offset;
                        ExpectedSequence = _scanner.ExpectedSequence;
                        FoundSequence = _scanner.FoundSequence;
                    }
                }
            }

            LastSequence = _scanner.LastSequence;
            if (FirstProblem == AuditProblem.None && expectSequence > LastSequence)
            {
                FirstProblem = AuditProblem.Truncated;
                FirstProblemOffset = _scanner.EndOffset;
                ExpectedSequence = (uint)expectSequence;
                FoundSequence = LastSequence;
            }

            return FirstProblem;
        }

        // A marker the log appended at boot because records were missing at its end (see AuditLog):
        // the loss is a problem of the log even though the chain around the marker verifies.
        private void NoteMissingHead()
        {
            byte[] r = _scanner.RecordBytes;
            if (FirstProblem != AuditProblem.None || AuditRecord.Kind(r) != AuditKind.LogRecovered
                || AuditRecord.Reason(r) != AuditProblem.Truncated || AuditRecord.DetailLength(r) != AuditScanner.MarkerDetailLength)
            {
                return;
            }

            FirstProblem = AuditProblem.Truncated;
            FirstProblemOffset = _scanner.Offset;
            ExpectedSequence = AuditRecord.Sequence(r, 0) - 1;
            FoundSequence = AuditRecord.GetUInt32(r, AuditRecord.HeaderSize + 8);
        }
    }
}
