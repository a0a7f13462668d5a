namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The aggregate windows of a sanitizer's signals: [start, start + window) per signal, aligned to the
    /// first observation. The per-frame path updates the arrays in place and only what the signal's
    /// function reduces (min, max, sum or last) plus the count; <see cref="Close"/> rolls a window that ended.
    /// </summary>
    internal sealed class AggregateWindows
    {
        /// <summary>Whether the signal's window is open.</summary>
        internal readonly bool[] Open;

        /// <summary>Start of the open window.</summary>
        internal readonly long[] Start;

        /// <summary>End of the open window; long.MinValue while none is open, so any time reaches it.</summary>
        internal readonly long[] End;

        /// <summary>Smallest value of the window (long.MaxValue when none), for <see cref="AggregateFunction.Min"/>.</summary>
        internal readonly long[] Min;

        /// <summary>Largest value of the window (long.MinValue when none), for <see cref="AggregateFunction.Max"/>.</summary>
        internal readonly long[] Max;

        /// <summary>Sum of the window's values, for <see cref="AggregateFunction.Mean"/>.</summary>
        internal readonly long[] Sum;

        /// <summary>Latest value, for <see cref="AggregateFunction.Last"/>.</summary>
        internal readonly long[] Last;

        /// <summary>Values in the window.</summary>
        internal readonly int[] Count;

        /// <summary>Windows for <paramref name="signals"/> signals, none open.</summary>
        internal AggregateWindows(int signals)
        {
            Open = new bool[signals];
            Start = new long[signals];
            End = new long[signals];
            Min = new long[signals];
            Max = new long[signals];
            Sum = new long[signals];
            Last = new long[signals];
            Count = new int[signals];
            for (int s = 0; s < signals; s++)
            {
                End[s] = long.MinValue;
                Min[s] = long.MaxValue;
                Max[s] = long.MinValue;
            }
        }

        /// <summary>Opens a window at <paramref name="now"/> when none is open.</summary>
        internal void OpenIfClosed(int s, long now, long window)
        {
            if (!Open[s])
            {
                Open[s] = true;
                Start[s] = now;
                End[s] = now + window;
            }
        }

        /// <summary>
        /// When the open window ended by <paramref name="now"/>: moves to the window containing now, emptied,
        /// and returns true with the ended window's reduction and end time if it saw anything.
        /// </summary>
        internal bool Close(int s, long now, long window, int function, out long value, out long at)
        {
            value = 0;
            at = 0;
            if (!Open[s] || now - Start[s] < window)
            {
                return false;
            }

            bool any = Count[s] > 0;
            if (any)
            {
                value = Reduce(s, function);
                at = Start[s] + window;
            }

            Start[s] += window * ((now - Start[s]) / window);
            End[s] = Start[s] + window;
            Count[s] = 0;
            Sum[s] = 0;
            Min[s] = long.MaxValue;
            Max[s] = long.MinValue;
            return any;
        }

        private long Reduce(int s, int function)
        {
            switch (function)
            {
                case AggregateFunction.Min: return Min[s];
                case AggregateFunction.Max: return Max[s];
                case AggregateFunction.Last: return Last[s];
                default: return TelemetrySanitizer.RoundedDivide(Sum[s], Count[s]);
            }
        }
    }
}
