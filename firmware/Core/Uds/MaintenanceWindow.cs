using BmsGuard.Core.Audit;

namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// The maintenance window a properly signed command opens: while open (until its expiry) the TCU
    /// may use diagnostic services that change the BMS; a flashing window also allows reprogramming.
    /// Opening and closing are audited; an expiry is recorded once, when first noticed.
    /// </summary>
    public sealed class MaintenanceWindow
    {
        /// <summary>WindowClosed reason: closed by command.</summary>
        public const int ClosedByCommand = 1;

        /// <summary>WindowClosed reason: its time ran out.</summary>
        public const int Expired = 2;

        /// <summary>WindowOpened reason: a diagnostics window.</summary>
        public const int Diagnostics = 1;

        /// <summary>WindowOpened reason: a flashing window.</summary>
        public const int FlashingWindow = 2;

        private readonly IAuditTrail _audit;
        private readonly byte[] _detail = new byte[8];
        private bool _open;
        private bool _flashing;
        private long _until;

        /// <summary>Creates a closed window; <paramref name="audit"/> may be null.</summary>
        public MaintenanceWindow(IAuditTrail audit)
        {
            _audit = audit;
        }

        /// <summary>Expiry of the current (or last) window in microseconds.</summary>
        public long UntilMicros
        {
            get { return _until; }
        }

        /// <summary>Opens (or replaces) the window until <paramref name="untilMicros"/>; audited at <paramref name="nowMicros"/> (detail: expiry, u64 BE).</summary>
        public void Open(long nowMicros, long untilMicros, bool flashing)
        {
            _open = untilMicros > nowMicros;
            _flashing = flashing;
            _until = untilMicros;
            Record(nowMicros, AuditKind.WindowOpened, flashing ? FlashingWindow : Diagnostics);
        }

        /// <summary>Closes the window now (audited if it was open).</summary>
        public void Close(long nowMicros)
        {
            if (IsOpen(nowMicros))
            {
                _open = false;
                Record(nowMicros, AuditKind.WindowClosed, ClosedByCommand);
            }
        }

        /// <summary>True while a window is open; the first call after expiry closes it and records that.</summary>
        public bool IsOpen(long nowMicros)
        {
            if (_open && nowMicros >= _until)
            {
                _open = false;
                Record(nowMicros, AuditKind.WindowClosed, Expired);
            }

            return _open;
        }

        /// <summary>True while a flashing window is open.</summary>
        public bool AllowsFlashing(long nowMicros)
        {
            return IsOpen(nowMicros) && _flashing;
        }

        private void Record(long nowMicros, int kind, int reason)
        {
            if (_audit == null)
            {
                return;
            }

            for (int i = 0; i < 8; i++)
            {
                _detail[i] = (byte)(_until >> (56 - (8 * i)));
            }

            _audit.Record(nowMicros, kind, reason, _detail, 8);
        }
    }
}
