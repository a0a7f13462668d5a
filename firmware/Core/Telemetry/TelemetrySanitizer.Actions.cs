namespace BmsGuard.Core.Telemetry
{
    /// <summary>The sanitizer's actions off the written-out path: identifiers, delay rings, aggregate windows, time passing.</summary>
    public sealed partial class TelemetrySanitizer
    {
        /// <summary>
        /// Emits what is due at <paramref name="nowMicros"/> without a frame: aggregate windows that ended and
        /// delayed samples whose time has come. Call it periodically (it visits every signal).
        /// </summary>
        public void Advance(long nowMicros)
        {
            for (int s = 0; s < _signals.Length; s++)
            {
                SignalTreatment t = _signals[s].Treatment;
                if (t.Action == TelemetryAction.Aggregate)
                {
                    CloseWindowIfEnded(s, t, nowMicros);
                }
                else if (t.Action == TelemetryAction.Delay)
                {
                    Release(s, t, nowMicros);
                }
            }
        }

        // The actions Observe does not write out: identifier parts, delay rings (default).
        private void Handle(int s, TelemetrySignal signal, SignalTreatment t, long raw, long now)
        {
            switch (t.Action)
            {
                case TelemetryAction.Identifier:
                    if (!_identifiers.Part(s, signal, raw, now, _sink))
                    {
                        _dropped[s]++;
                    }

                    return;
                default:
                    Release(s, t, now);
                    if (!Gate(s, t, now) || !_rings.Push(s, Quantize(signal.ToUnits(raw), t.StepUnits), now))
                    {
                        _dropped[s]++;
                    }

                    return;
            }
        }

        // Minimum interval between accepted observations (a clock that goes back keeps the gate shut until it catches up).
        private bool Gate(int s, SignalTreatment t, long now)
        {
            if (t.EveryMicros > 0 && _accepted[s] && now - _lastAccepted[s] < t.EveryMicros)
            {
                return false;
            }

            _accepted[s] = true;
            _lastAccepted[s] = now;
            return true;
        }

        // Closes the window that ended by now and opens one when none is open.
        private void RollWindow(int s, long now)
        {
            SignalTreatment t = _signals[s].Treatment;
            CloseWindowIfEnded(s, t, now);
            _windows.OpenIfClosed(s, now, t.WindowMicros);
        }

        // Emits the window that ended by now (if it saw anything) and moves to the window containing now.
        private void CloseWindowIfEnded(int s, SignalTreatment t, long now)
        {
            long value;
            long at;
            if (_windows.Close(s, now, t.WindowMicros, t.Function, out value, out at))
            {
                Emit(s, Quantize(value, t.StepUnits), at);
            }
        }

        private void Release(int s, SignalTreatment t, long now)
        {
            while (_rings.Due(s, now, t.DelayMicros))
            {
                Emit(s, _rings.HeadValue(s), _rings.HeadTime(s));
                _rings.Pop(s);
            }
        }

        private void Emit(int s, long value, long time)
        {
            _emitted[s]++;
            _sink.Sample(s, value, time);
        }

        /// <summary>The multiple of <paramref name="step"/> nearest <paramref name="value"/>, halves away from zero; step 0 keeps it.</summary>
        internal static long Quantize(long value, long step)
        {
            return step <= 0 ? value : RoundedDivide(value, step) * step;
        }

        /// <summary><paramref name="a"/> / <paramref name="b"/> (b &gt; 0) rounded to nearest, halves away from zero.</summary>
        internal static long RoundedDivide(long a, long b)
        {
            long q = a / b;
            long r = a % b;
            if ((r < 0 ? -r : r) * 2 >= b)
            {
                q += a < 0 ? -1 : 1;
            }

            return q;
        }
    }
}
