namespace BmsGuard.Core.SecOc
{
    /// <summary>
    /// Stops MAC guessing: after <see cref="Threshold"/> authentication failures (bad MAC or replay)
    /// within <see cref="WindowMicros"/>, every frame is refused for <see cref="LockoutMicros"/>
    /// without being verified. A 24-bit MAC takes ~8 million guesses on average; at 8 guesses per
    /// minute that is years instead of hours on a busy bus, and the refused frames cost no AES work
    /// and no audit record each (the lockout's start and end are recorded, with the refused count).
    /// </summary>
    public sealed class SecOcLockout
    {
        /// <summary>Failures that start a lockout.</summary>
        public const int DefaultThreshold = 8;

        /// <summary>Time in which they must occur: 10 s.</summary>
        public const long DefaultWindowMicros = 10000000;

        /// <summary>How long every frame is refused: 60 s.</summary>
        public const long DefaultLockoutMicros = 60000000;

        private readonly int _threshold;
        private readonly long _window;
        private readonly long _lockout;
        private int _failures;
        private long _windowStart;
        private bool _locked;
        private long _lockedSince;
        private long _lockouts;
        private long _refused;

        /// <summary>Creates the default lockout: 8 failures in 10 s lock for 60 s.</summary>
        public SecOcLockout()
            : this(DefaultThreshold, DefaultWindowMicros, DefaultLockoutMicros)
        {
        }

        /// <summary>Creates a lockout; <paramref name="threshold"/> &gt;= 1, times &gt; 0.</summary>
        public SecOcLockout(int threshold, long windowMicros, long lockoutMicros)
        {
            if (threshold < 1 || windowMicros <= 0 || lockoutMicros <= 0)
            {
                throw new System.ArgumentException();
            }

            _threshold = threshold;
            _window = windowMicros;
            _lockout = lockoutMicros;
        }

        /// <summary>Failures that start a lockout.</summary>
        public int Threshold
        {
            get { return _threshold; }
        }

        /// <summary>Time in which they must occur, in microseconds.</summary>
        public long WindowMicros
        {
            get { return _window; }
        }

        /// <summary>How long every frame is refused, in microseconds.</summary>
        public long LockoutMicros
        {
            get { return _lockout; }
        }

        /// <summary>Lockouts started so far.</summary>
        public long Lockouts
        {
            get { return _lockouts; }
        }

        /// <summary>Frames refused during the current lockout (0 when not locked).</summary>
        public long Refused
        {
            get { return _refused; }
        }

        /// <summary>True while a lockout runs at <paramref name="nowMicros"/>; a clock that went back keeps it running.</summary>
        public bool IsLocked(long nowMicros)
        {
            return _locked && nowMicros - _lockedSince < _lockout;
        }

        /// <summary>
        /// True when a lockout ended before <paramref name="nowMicros"/> and has not been reported;
        /// <paramref name="refused"/> is how many frames it refused. Clears it.
        /// </summary>
        public bool TakeEnded(long nowMicros, out long refused)
        {
            refused = _refused;
            if (!_locked || IsLocked(nowMicros))
            {
                return false;
            }

            _locked = false;
            _refused = 0;
            return true;
        }

        /// <summary>Counts a frame refused during the lockout.</summary>
        public void CountRefused()
        {
            _refused++;
        }

        /// <summary>Counts an authentication failure; true when it starts a lockout.</summary>
        public bool RecordFailure(long nowMicros)
        {
            long since = nowMicros - _windowStart;
            if (_failures == 0 || since >= _window || since < 0)
            {
                _windowStart = nowMicros;
                _failures = 0;
            }

            _failures++;
            if (_failures < _threshold)
            {
                return false;
            }

            _failures = 0;
            _locked = true;
            _lockedSince = nowMicros;
            _refused = 0;
            _lockouts++;
            return true;
        }
    }
}
