namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Egress budget as a token bucket on payload bytes: holds at most one hour's allowance, starts full,
    /// refills continuously at bytes-per-hour. Credit is kept in byte-microseconds so the refill is exact
    /// in integers (no drift from rounding per call).
    /// </summary>
    internal sealed class UplinkBudget
    {
        internal const long MicrosPerHour = 3600000000L;

        private readonly long _perHour;
        private readonly long _capacity;
        private long _credit;
        private long _last;
        private bool _started;

        /// <summary>A bucket for <paramref name="bytesPerHour"/> (0 = unlimited; at most <see cref="UplinkPolicy.MaxBytesPerHour"/>).</summary>
        internal UplinkBudget(long bytesPerHour)
        {
            _perHour = bytesPerHour;
            _capacity = bytesPerHour * MicrosPerHour;
            _credit = _capacity;
        }

        /// <summary>Whole bytes that may be sent now.</summary>
        internal long AvailableBytes
        {
            get { return _perHour == 0 ? long.MaxValue : _credit / MicrosPerHour; }
        }

        /// <summary>Adds the allowance for the time since the previous call (the first call only starts the clock).</summary>
        internal void Refill(long nowMicros)
        {
            if (!_started)
            {
                _started = true;
                _last = nowMicros;
                return;
            }

            long elapsed = nowMicros - _last;
            if (elapsed <= 0 || _perHour == 0)
            {
                return;
            }

            _last = nowMicros;
            if (elapsed > MicrosPerHour)
            {
                elapsed = MicrosPerHour;
            }

            long add = elapsed * _perHour;
            _credit = add >= _capacity - _credit ? _capacity : _credit + add;
        }

        /// <summary>True when <paramref name="bytes"/> fit in the credit.</summary>
        internal bool CanSpend(int bytes)
        {
            return _perHour == 0 || _credit >= bytes * MicrosPerHour;
        }

        /// <summary>Takes <paramref name="bytes"/> from the credit.</summary>
        internal void Spend(int bytes)
        {
            if (_perHour != 0)
            {
                _credit -= bytes * MicrosPerHour;
            }
        }
    }
}
