using System;

namespace BmsGuard.Device
{
    /// <summary>
    /// Device clock from <see cref="DateTime.UtcNow"/>, clamped so it never runs backwards: an SNTP
    /// or RTC correction must not reopen a rate limit or reorder decisions.
    /// </summary>
    public sealed class SystemClock : IClock
    {
        private long _last;

        /// <inheritdoc />
        public long NowMicros
        {
            get
            {
                long now = DateTime.UtcNow.Ticks / 10;
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
