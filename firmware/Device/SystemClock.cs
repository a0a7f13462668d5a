using System;

namespace BmsGuard.Device
{
    /// <summary>
    /// Device clock: unix-epoch microseconds from <see cref="DateTime.UtcNow"/>, clamped so it never
    /// runs backwards (an SNTP or RTC correction must not reopen a rate limit or reorder decisions).
    /// Signed commands are judged against it: until the board has the real time (SNTP over Ethernet,
    /// or a set RTC), every command is not yet valid — the guard fails closed.
    /// </summary>
    public sealed class SystemClock : IClock
    {
        // DateTime ticks (100 ns since 0001-01-01) at 1970-01-01T00:00:00Z.
        private const long UnixEpochTicks = 621355968000000000;

        private long _last;

        /// <inheritdoc />
        public long NowMicros
        {
            get
            {
                long now = (DateTime.UtcNow.Ticks - UnixEpochTicks) / 10;
                if (now < _last)
                {
                    return _last;
                }

                _last = now;
                return now;
            }
        }
    }
}
