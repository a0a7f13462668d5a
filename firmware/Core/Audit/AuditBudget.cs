namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// Bounds the audit records whose pace a sender without a key sets: denied commands, UDS requests and SecOC
    /// frames (<see cref="Budgeted"/>). Each of these kinds may write <see cref="Allowance"/> records in a window of
    /// <see cref="WindowMicros"/>; further ones are counted, not written, and when the window ends the log gets one
    /// <see cref="AuditKind.RecordsSuppressed"/> record per kind that lost some (reason: the kind; detail: how many,
    /// the first and the last one's time). A TCU under its receive budget may send about 1,000 denied requests a
    /// second; sealing each with HMAC-SHA256 on the interpreter and appending it to flash, on the receive path, would
    /// starve the BMS side and fill the flash within minutes. Records of what keys authorised (accepted commands,
    /// windows, keys, policies) are never suppressed.
    /// </summary>
    public sealed class AuditBudget
    {
        /// <summary>Records of one budgeted kind written per window: a misconfigured tester's denials still show one by one.</summary>
        public const int DefaultAllowance = 8;

        /// <summary>The window: 60 s. A flood then costs at most 9 records a minute per kind.</summary>
        public const long DefaultWindowMicros = 60000000;

        /// <summary>Detail bytes of a <see cref="AuditKind.RecordsSuppressed"/> record: count (u32 BE), first and last time (2 x u64 BE, µs).</summary>
        public const int SummaryDetailLength = 20;

        // Slots of the budgeted kinds, in Budgeted's order.
        private const int Slots = 3;

        private readonly int _allowance;
        private readonly long _window;
        private readonly int[] _written = new int[Slots];
        private readonly long[] _pending = new long[Slots];
        private readonly long[] _first = new long[Slots];
        private readonly long[] _last = new long[Slots];
        private readonly long[] _suppressed = new long[Slots];
        private bool _open;
        private long _start;

        /// <summary>Creates the default budget: 8 records per kind per 60 s.</summary>
        public AuditBudget()
            : this(DefaultAllowance, DefaultWindowMicros)
        {
        }

        /// <summary>Creates a budget; <paramref name="allowance"/> &gt;= 1, <paramref name="windowMicros"/> &gt; 0.</summary>
        /// <exception cref="System.ArgumentException">Either is out of range.</exception>
        public AuditBudget(int allowance, long windowMicros)
        {
            if (allowance < 1 || windowMicros <= 0)
            {
                throw new System.ArgumentException();
            }

            _allowance = allowance;
            _window = windowMicros;
        }

        /// <summary>Records of one budgeted kind written per window.</summary>
        public int Allowance
        {
            get { return _allowance; }
        }

        /// <summary>The window's length in microseconds.</summary>
        public long WindowMicros
        {
            get { return _window; }
        }

        /// <summary>Whether records of <paramref name="kind"/> are budgeted (their pace is set by whoever sends frames or envelopes).</summary>
        public static bool Budgeted(int kind)
        {
            return Slot(kind) >= 0;
        }

        /// <summary>Records of <paramref name="kind"/> counted and not written since boot (0 for a kind that is not budgeted).</summary>
        public long Suppressed(int kind)
        {
            int slot = Slot(kind);
            return slot < 0 ? 0 : _suppressed[slot];
        }

        /// <summary>
        /// Whether a record of <paramref name="kind"/> at <paramref name="nowMicros"/> is written; a refused one is
        /// counted for the window's summary. When <see cref="Ended"/> says a window is over, take its summaries
        /// (<see cref="TakeSummary"/>) first, so a new window starts clean.
        /// </summary>
        public bool Admit(int kind, long nowMicros)
        {
            int slot = Slot(kind);
            if (slot < 0)
            {
                return true;
            }

            if (!_open)
            {
                _open = true;
                _start = nowMicros;
            }

            if (_written[slot] < _allowance)
            {
                _written[slot]++;
                return true;
            }

            if (_pending[slot] == 0)
            {
                _first[slot] = nowMicros;
            }

            _pending[slot]++;
            _last[slot] = nowMicros;
            _suppressed[slot]++;
            return false;
        }

        /// <summary>Whether a window is open and over at <paramref name="nowMicros"/> (a clock that went back does not end it).</summary>
        public bool Ended(long nowMicros)
        {
            return _open && nowMicros - _start >= _window;
        }

        /// <summary>
        /// Closes the window: for each kind with records refused in it, returns its summary through
        /// <paramref name="detail"/> (<see cref="SummaryDetailLength"/> bytes) and the kind; -1 when none is left.
        /// Call until it returns -1.
        /// </summary>
        public int TakeSummary(byte[] detail)
        {
            for (int slot = 0; slot < Slots; slot++)
            {
                if (_pending[slot] > 0)
                {
                    long count = _pending[slot];
                    AuditRecord.PutUInt32(detail, 0, count > uint.MaxValue ? uint.MaxValue : (uint)count);
                    AuditRecord.PutInt64(detail, 4, _first[slot]);
                    AuditRecord.PutInt64(detail, 12, _last[slot]);
                    _pending[slot] = 0;
                    return Kind(slot);
                }
            }

            _open = false;
            for (int slot = 0; slot < Slots; slot++)
            {
                _written[slot] = 0;
            }

            return -1;
        }

        private static int Slot(int kind)
        {
            return kind == AuditKind.CommandDenied ? 0 : kind == AuditKind.UdsDenied ? 1 : kind == AuditKind.SecOcDenied ? 2 : -1;
        }

        private static int Kind(int slot)
        {
            return slot == 0 ? AuditKind.CommandDenied : slot == 1 ? AuditKind.UdsDenied : AuditKind.SecOcDenied;
        }
    }
}
