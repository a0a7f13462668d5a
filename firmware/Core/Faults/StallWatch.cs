namespace BmsGuard.Core.Faults
{
    /// <summary>
    /// Whether the device's main loop still comes round: the loop beats once per pass, another thread checks about
    /// once a second and restarts the device after <see cref="QuietChecks"/> checks in a row without a beat (a
    /// deadlock, a step that never returns, a receive event that holds the node's gate). Counts checks, not time: the
    /// wall clock jumps when SNTP sets it. nanoFramework's own watchdog does not see this: the interpreter feeds it
    /// while any managed thread runs, and still after the program has ended.
    /// </summary>
    public sealed class StallWatch
    {
        /// <summary>
        /// Checks without a beat before a restart: three minutes at one check a second. A connection attempt to an
        /// unreachable broker holds the loop for as long as the MQTT client's connect timeout (tens of seconds); that
        /// is slow, not stalled.
        /// </summary>
        public const int DefaultQuietChecks = 180;

        private readonly int _limit;
        private int _beats;
        private int _seen;
        private int _quiet;

        /// <summary>A watch with the default limit.</summary>
        public StallWatch()
            : this(DefaultQuietChecks)
        {
        }

        /// <summary>A watch that calls the loop stalled after <paramref name="quietChecks"/> &gt;= 1 checks without a beat.</summary>
        /// <exception cref="System.ArgumentException">The limit is below 1.</exception>
        public StallWatch(int quietChecks)
        {
            if (quietChecks < 1)
            {
                throw new System.ArgumentException();
            }

            _limit = quietChecks;
        }

        /// <summary>Checks without a beat that make a stall.</summary>
        public int QuietChecks
        {
            get { return _limit; }
        }

        /// <summary>Checks in a row that saw no beat.</summary>
        public int Quiet
        {
            get { return _quiet; }
        }

        /// <summary>The loop came round (the loop's thread only).</summary>
        public void Beat()
        {
            _beats++;
        }

        /// <summary>True once <see cref="QuietChecks"/> checks in a row saw no beat (the watching thread only).</summary>
        public bool Check()
        {
            int beats = _beats;
            if (beats != _seen)
            {
                _seen = beats;
                _quiet = 0;
                return false;
            }

            _quiet++;
            return _quiet >= _limit;
        }
    }
}
