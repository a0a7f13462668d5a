using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// The tamper-evident audit log: records (layout in <see cref="AuditRecord"/>) appended to one
    /// storage file, each tagged with a truncated HMAC-SHA256 over the previous tag and its own bytes,
    /// so editing, deleting, inserting or reordering records breaks the chain for anyone holding the key.
    /// Allocates nothing per record.
    /// </summary>
    /// <remarks>
    /// <para><see cref="Open"/> (on boot) scans and verifies the file and then:</para>
    /// <list type="bullet">
    /// <item>an intact chain: appending continues after the last record;</item>
    /// <item>a torn tail (a power cut kept a prefix of the last append): the tail is cut off with
    /// Truncate and a <see cref="AuditKind.LogRecovered"/> record (reason <see cref="AuditProblem.TornTail"/>)
    /// is appended, so only the record being written is lost;</item>
    /// <item>a broken chain (anything invalid before the end): nothing is truncated or rewritten, the
    /// bytes stay as evidence. A chain-break marker (<see cref="AuditKind.LogRecovered"/>, reason = the
    /// problem, detail = its own offset, the break's offset, the unverifiable byte count) is appended,
    /// chained on the last good tag and numbered past the highest sequence in the broken region; new
    /// records chain on it. Verifiers resume at the marker, but keep reporting the break.</item>
    /// <item>records missing at the end (the file deleted, replaced by an older copy or cut at a record
    /// boundary), found against the head checkpoint kept outside the file (an <see cref="IMonotonicAnchor"/>
    /// raised at boot and every <see cref="CheckpointEvery"/> records): a marker with reason
    /// <see cref="AuditProblem.Truncated"/> (detail: its own offset twice, the last sequence found) numbered
    /// past the checkpoint is appended, so the log never starts over at sequence 1 and verifiers report
    /// the loss.</item>
    /// </list>
    /// </remarks>
    public sealed class AuditLog : IAuditTrail
    {
        /// <summary>Records between two raises of the head checkpoint (records after the last one can be lost unnoticed).</summary>
        public const int CheckpointEvery = 16;

        private readonly IStorageFile _file;
        private readonly IMonotonicAnchor _head;
        private readonly AuditScanner _scanner;
        private readonly byte[] _record = new byte[AuditRecord.MaxLength];
        private readonly byte[] _tag = new byte[AuditRecord.TagSize];
        private readonly byte[] _marker = new byte[AuditScanner.MarkerDetailLength];
        private readonly byte[] _summary = new byte[AuditBudget.SummaryDetailLength];
        private readonly AuditBudget _budget;
        private uint _sequence;
        private bool _open;
        private int _records;
        private int _tornTailsCut;
        private int _chainBreaks;
        private long _missing;

        /// <summary>Creates a log over <paramref name="file"/> kept under the audit <paramref name="key"/>; call <see cref="Open"/> next.</summary>
        public AuditLog(IStorageFile file, byte[] key)
            : this(file, key, null)
        {
        }

        /// <summary>
        /// As above, with <paramref name="head"/> keeping the sequence number of the chain's head outside the
        /// file (null: none), so <see cref="Open"/> can tell a deleted or shortened log from a new one.
        /// </summary>
        public AuditLog(IStorageFile file, byte[] key, IMonotonicAnchor head)
            : this(file, key, head, new AuditBudget())
        {
        }

        /// <summary>As above, with the <paramref name="budget"/> for records whose pace a sender without a key sets.</summary>
        public AuditLog(IStorageFile file, byte[] key, IMonotonicAnchor head, AuditBudget budget)
        {
            if (budget == null)
            {
                throw new System.ArgumentException();
            }

            _budget = budget;
            _file = file;
            _head = head;
            _scanner = new AuditScanner(key);
        }

        /// <summary>Records found missing at the end by <see cref="Open"/> (head checkpoint above the last sequence).</summary>
        public long MissingRecords
        {
            get { return _missing; }
        }

        /// <summary>The budget of denial records (their counters: <see cref="AuditBudget.Suppressed"/>).</summary>
        public AuditBudget Budget
        {
            get { return _budget; }
        }

        /// <summary>Sequence number of the last record (0 for an empty log).</summary>
        public uint LastSequence
        {
            get { return _sequence; }
        }

        /// <summary>Records that verified on open plus records appended since.</summary>
        public int Records
        {
            get { return _records; }
            private set { _records = value; }
        }

        /// <summary>Torn tails cut off by <see cref="Open"/>.</summary>
        public int TornTailsCut
        {
            get { return _tornTailsCut; }
            private set { _tornTailsCut = value; }
        }

        /// <summary>Chain breaks <see cref="Open"/> found (including those already marked on an earlier boot).</summary>
        public int ChainBreaks
        {
            get { return _chainBreaks; }
            private set { _chainBreaks = value; }
        }

        /// <summary>Copies the tag of the last record (the head of the chain) to <paramref name="destination"/>.</summary>
        public void CopyHeadTag(byte[] destination, int offset)
        {
            System.Array.Copy(_tag, 0, destination, offset, AuditRecord.TagSize);
        }

        /// <summary>
        /// Scans and verifies the file and recovers as described on the class; returns what it found at the
        /// end of the file: <see cref="AuditProblem.None"/>, <see cref="AuditProblem.TornTail"/>, the problem
        /// of an unmarked break, or <see cref="AuditProblem.Truncated"/> when records are missing at the end. Recovery records carry <paramref name="nowMicros"/>.
        /// </summary>
        public int Open(long nowMicros)
        {
            _open = true;
            Records = 0;
            ChainBreaks = 0;
            _scanner.Start(_file);
            long tornAt = -1;
            long tornBytes = 0;
            while (true)
            {
                int e = _scanner.Next();
                if (e == AuditScanner.End)
                {
                    break;
                }

                if (e == AuditScanner.Record || e == AuditScanner.Resumed)
                {
                    Records++;
                }
                else if (e == AuditScanner.Broken)
                {
                    ChainBreaks++;
                }
                else if (e == AuditScanner.TornTail)
                {
                    tornAt = _scanner.Offset;
                    tornBytes = _scanner.TailBytes;
                }
            }

            _sequence = _scanner.LastSequence;
            _scanner.CopyLastTag(_tag, 0);
            int found = AuditProblem.None;
            if (_scanner.IsBroken)
            {
                long brokenAt = _scanner.BrokenOffset;
                uint highest = _scanner.HighestSequenceFrom(brokenAt);
                if (highest > _sequence)
                {
                    _sequence = highest;
                }

                long end = _file.Length;
                AppendMarker(nowMicros, _scanner.Problem, end, brokenAt, end - brokenAt);
                found = _scanner.Problem;
            }
            else if (tornAt >= 0)
            {
                _file.Truncate(tornAt);
                TornTailsCut++;
                AppendMarker(nowMicros, AuditProblem.TornTail, tornAt, tornAt, tornBytes);
                found = AuditProblem.TornTail;
            }

            CheckHead(nowMicros);
            return _missing > 0 && found == AuditProblem.None ? AuditProblem.Truncated : found;
        }

        // The head checkpoint says how far the chain reached before; a lower sequence now means records
        // were removed from the end. Numbering goes on past the checkpoint and a marker says what is missing.
        private void CheckHead(long nowMicros)
        {
            _missing = 0;
            if (_head == null)
            {
                return;
            }

            uint checkpoint = _head.Read();
            if (_sequence < checkpoint)
            {
                uint last = _sequence;
                _missing = (long)checkpoint - last;
                _sequence = checkpoint;
                long end = _file.Length;
                AppendMarker(nowMicros, AuditProblem.Truncated, end, end, last);
            }

            _head.Advance(_sequence);
        }

        /// <inheritdoc />
        /// <remarks>
        /// Opens the log first if <see cref="Open"/> was not called. Detail beyond 64 bytes is cut; reason keeps its
        /// low 16 bits. A denial over its <see cref="Budget"/> is counted, not written; the summaries of an ended
        /// budget window are written before the record.
        /// </remarks>
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            if (!_open)
            {
                Open(timeMicros);
            }

            Settle(timeMicros);
            if (!_budget.Admit(kind, timeMicros))
            {
                return;
            }

            Append(timeMicros, kind, reason, detail, detailLength);
        }

        /// <summary>
        /// Writes the <see cref="AuditKind.RecordsSuppressed"/> summaries of a budget window that has ended by
        /// <paramref name="nowMicros"/>; the guard's periodic tick calls it, so a flood that stopped is still summed up.
        /// </summary>
        public void Settle(long nowMicros)
        {
            if (!_open || !_budget.Ended(nowMicros))
            {
                return;
            }

            int kind;
            while ((kind = _budget.TakeSummary(_summary)) >= 0)
            {
                Append(nowMicros, AuditKind.RecordsSuppressed, kind, _summary, _summary.Length);
            }
        }

        private void AppendMarker(long nowMicros, int problem, long selfOffset, long problemOffset, long bytes)
        {
            AuditRecord.PutUInt32(_marker, 0, (uint)selfOffset);
            AuditRecord.PutUInt32(_marker, 4, (uint)problemOffset);
            AuditRecord.PutUInt32(_marker, 8, (uint)bytes);
            Append(nowMicros, AuditKind.LogRecovered, problem, _marker, _marker.Length);
        }

        private void Append(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            uint seq = _sequence + 1;
            int length = AuditRecord.Encode(_record, seq, timeMicros, kind, reason, detail, detailLength);
            _scanner.Seal(_tag, _record, length);
            _file.Append(_record, 0, length);
            System.Array.Copy(_record, length - AuditRecord.TagSize, _tag, 0, AuditRecord.TagSize);
            _sequence = seq;
            Records++;
            if (_head != null && seq % CheckpointEvery == 0)
            {
                _head.Advance(seq);
            }
        }
    }
}
