namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Applies a <see cref="TelemetryPolicy"/> to BMS frames. <see cref="Observe"/> decodes the frame's policy
    /// signals and emits what is due into an <see cref="ITelemetrySink"/>; <see cref="Advance"/> emits what
    /// falls due with no frame (window ends, delayed samples); <see cref="BlankWithheld"/> edits a frame bound
    /// for the TCU. Per frame the work is a table lookup plus that frame's signals only, whatever the size of
    /// the policy, and nothing is allocated. Build a new sanitizer when the active policy changes. Not thread-safe.
    /// </summary>
    public sealed class TelemetrySanitizer : IBusObserver, IEgressFilter
    {
        private readonly TelemetryPolicy _policy;
        private readonly TelemetryFrames _frames;
        private readonly TelemetrySignal[] _signals;
        private readonly ITelemetrySink _sink;
        private readonly DelayRings _rings;
        private readonly IdentifierAssembler _identifiers;

        private readonly long[] _seen;
        private readonly long[] _emitted;
        private readonly long[] _dropped;
        private readonly long[] _lastAccepted;
        private readonly bool[] _accepted;

        // Aggregate windows: [start, start + window) per signal, aligned to the first observation.
        private readonly bool[] _open;
        private readonly long[] _start;
        private readonly long[] _min;
        private readonly long[] _max;
        private readonly long[] _sum;
        private readonly long[] _last;
        private readonly int[] _count;
        private readonly long[] _windowEnd;

        // Frames whose signals all hang on one multiplexor with disjoint pages (an identity frame's
        // pages): the page is read once and only its signals, kept together in _pagedOrder, are visited.
        private readonly SignalMux[] _pagedMux;
        private readonly byte[] _pagedOrder;
        private readonly int[] _groupFirst;
        private readonly int[] _groupLow;
        private readonly int[] _groupHigh;
        private readonly int[] _groupStart;
        private readonly int[] _groupEnd;

        // Frames whose every signal is rate-gated (forward, quantize, downsample with an interval, or
        // drop; no multiplexor): while now < _until[f] each of its signals would only count one
        // observation seen and one dropped, so Observe counts the frame once in _skipped[f] and
        // Seen/Dropped add it back. A 50 Hz frame sent on at 1 Hz then costs a comparison, not a decode.
        private readonly int[] _frameOf;
        private readonly bool[] _skippable;
        private readonly long[] _until;
        private readonly long[] _skipped;

        private long _framesObserved;
        private long _unknownFrames;
        private long _framesWithheld;

        /// <summary>
        /// A sanitizer for <paramref name="policy"/> emitting into <paramref name="sink"/>; identifiers are
        /// pseudonymized under <paramref name="pseudonymKey"/> (see <see cref="PseudonymKey.Derive"/>).
        /// </summary>
        /// <exception cref="System.ArgumentException">An argument is null.</exception>
        public TelemetrySanitizer(TelemetryPolicy policy, byte[] pseudonymKey, ITelemetrySink sink)
        {
            if (policy == null || pseudonymKey == null || sink == null)
            {
                throw new System.ArgumentException();
            }

            _policy = policy;
            _frames = policy.Frames;
            _sink = sink;
            int n = policy.SignalCount;
            _signals = new TelemetrySignal[n];
            for (int i = 0; i < n; i++)
            {
                _signals[i] = policy.Signal(i);
            }

            _rings = new DelayRings(_signals);
            _identifiers = new IdentifierAssembler(policy, pseudonymKey);
            _seen = new long[n];
            _emitted = new long[n];
            _dropped = new long[n];
            _lastAccepted = new long[n];
            _accepted = new bool[n];
            _open = new bool[n];
            _start = new long[n];
            _min = new long[n];
            _max = new long[n];
            _sum = new long[n];
            _last = new long[n];
            _count = new int[n];
            _windowEnd = new long[n];
            for (int i = 0; i < n; i++)
            {
                _windowEnd[i] = long.MinValue;
                _min[i] = long.MaxValue;
                _max[i] = long.MinValue;
            }

            _frameOf = new int[n];
            int frameCount = _frames.Count;
            _skippable = new bool[frameCount];
            _until = new long[frameCount];
            _skipped = new long[frameCount];
            for (int f = 0; f < frameCount; f++)
            {
                bool gated = true;
                for (int k = _frames.First[f]; k < _frames.First[f + 1]; k++)
                {
                    TelemetrySignal signal = _signals[_frames.Order[k]];
                    _frameOf[_frames.Order[k]] = f;
                    int action = signal.Treatment.Action;
                    bool paced = (action == TelemetryAction.Forward || action == TelemetryAction.Quantize
                        || action == TelemetryAction.Downsample) && signal.Treatment.EveryMicros > 0;
                    gated = gated && signal.Mux == null && (paced || action == TelemetryAction.Drop);
                }

                _skippable[f] = gated;
                _until[f] = long.MinValue;
            }

            _pagedMux = new SignalMux[frameCount];
            _pagedOrder = new byte[n];
            _groupFirst = new int[frameCount + 1];
            _groupLow = new int[n];
            _groupHigh = new int[n];
            _groupStart = new int[n];
            _groupEnd = new int[n];
            int groups = 0;
            for (int f = 0; f < frameCount; f++)
            {
                _groupFirst[f] = groups;
                groups += Pages(f, groups);
            }

            _groupFirst[frameCount] = groups;
        }

        // Groups frame f's signals by page from group number g on when they all share one multiplexor
        // and their pages do not overlap; returns the number of groups (0: not paged).
        private int Pages(int f, int g)
        {
            int k0 = _frames.First[f];
            int k1 = _frames.First[f + 1];
            SignalMux head = _signals[_frames.Order[k0]].Mux;
            int count = 0;
            for (int k = k0; k < k1; k++)
            {
                SignalMux m = _signals[_frames.Order[k]].Mux;
                if (m == null || m.StartBit != head.StartBit || m.Length != head.Length || m.Motorola != head.Motorola)
                {
                    return 0;
                }

                int same = -1;
                for (int u = g; u < g + count; u++)
                {
                    if (_groupLow[u] == m.Low && _groupHigh[u] == m.High)
                    {
                        same = u;
                    }
                    else if (m.Low <= _groupHigh[u] && _groupLow[u] <= m.High)
                    {
                        return 0;
                    }
                }

                if (same < 0)
                {
                    _groupLow[g + count] = m.Low;
                    _groupHigh[g + count] = m.High;
                    count++;
                }
            }

            int at = k0;
            for (int u = g; u < g + count; u++)
            {
                _groupStart[u] = at;
                for (int k = k0; k < k1; k++)
                {
                    SignalMux m = _signals[_frames.Order[k]].Mux;
                    if (m.Low == _groupLow[u] && m.High == _groupHigh[u])
                    {
                        _pagedOrder[at++] = _frames.Order[k];
                    }
                }

                _groupEnd[u] = at;
            }

            _pagedMux[f] = head;
            return count;
        }

        /// <summary>The policy applied.</summary>
        public TelemetryPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>Frames that carried at least one policy signal's frame id.</summary>
        public long FramesObserved
        {
            get { return _framesObserved; }
        }

        /// <summary>Frames whose id the policy does not name (nothing of them leaves).</summary>
        public long UnknownFrames
        {
            get { return _unknownFrames; }
        }

        /// <summary>Frames <see cref="BlankWithheld"/> found with nothing allowed.</summary>
        public long FramesWithheld
        {
            get { return _framesWithheld; }
        }

        /// <summary>Observations of signal <paramref name="s"/> (frames that carried it, its page selected).</summary>
        public long Seen(int s)
        {
            return _seen[s] + _skipped[_frameOf[s]];
        }

        /// <summary>Samples emitted for signal <paramref name="s"/>.</summary>
        public long Emitted(int s)
        {
            return _emitted[s];
        }

        /// <summary>Observations of signal <paramref name="s"/> discarded: dropped, rate-gated, a full delay ring, a short frame.</summary>
        public long Dropped(int s)
        {
            return _dropped[s] + _skipped[_frameOf[s]];
        }

        /// <summary>Observations of <paramref name="s"/> held in its delay ring.</summary>
        public int Held(int s)
        {
            return _rings.Count(s);
        }

        /// <summary>Pseudonyms emitted for identifier <paramref name="i"/>.</summary>
        public long IdentifierEmitted(int i)
        {
            return _identifiers.Emitted(i);
        }

        /// <summary>Complete, unchanged assemblies of identifier <paramref name="i"/> not re-emitted.</summary>
        public long IdentifierUnchanged(int i)
        {
            return _identifiers.Unchanged(i);
        }

        /// <summary>
        /// Takes one BMS frame (<paramref name="len"/> bytes of <paramref name="data"/>) seen at
        /// <paramref name="nowMicros"/>: updates its signals' state and emits the samples now due. O(1), no allocation.
        /// </summary>
        public void Observe(uint id, bool ext, byte[] data, int len, long nowMicros)
        {
            // Per frame on the interpreter: the frame table read in place, the signal read and the
            // forwarding actions written out here (a call costs dozens of IL instructions).
            TelemetryFrames frames = _frames;
            int f = ext ? frames.Find(id, true) : id < TelemetryFrames.StandardIds ? frames.StandardFrame[id] : -1;
            if (f == TelemetryFrames.NoFrame)
            {
                f = -1;
            }

            if (f < 0)
            {
                _unknownFrames++;
                return;
            }

            _framesObserved++;
            if (nowMicros < _until[f])
            {
                _skipped[f]++;
                return;
            }

            if (len > data.Length)
            {
                len = data.Length;
            }

            byte[] order = frames.Order;
            TelemetrySignal[] signals = _signals;
            int begin = frames.First[f];
            int end = frames.First[f + 1];
            SignalMux paged = _pagedMux[f];
            if (paged != null)
            {
                long page = len < paged.BytesNeeded ? -1 : SignalBits.ReadRaw(data, paged.StartBit, paged.Length, paged.Motorola, false);
                order = _pagedOrder;
                end = begin;
                for (int g = _groupFirst[f]; g < _groupFirst[f + 1]; g++)
                {
                    if (page >= _groupLow[g] && page <= _groupHigh[g])
                    {
                        begin = _groupStart[g];
                        end = _groupEnd[g];
                        break;
                    }
                }
            }

            // The multiplexor is read once for the signals that share its bits (a page's signals do).
            int muxStart = -1;
            int muxLength = 0;
            bool muxMotorola = false;
            long muxValue = -1;
            for (int k = begin; k < end; k++)
            {
                int s = order[k];
                TelemetrySignal signal = signals[s];
                SignalMux mux = signal.Mux;
                if (mux != null && paged == null)
                {
                    if (mux.StartBit != muxStart || mux.Length != muxLength || mux.Motorola != muxMotorola)
                    {
                        muxStart = mux.StartBit;
                        muxLength = mux.Length;
                        muxMotorola = mux.Motorola;
                        muxValue = len < mux.BytesNeeded ? -1 : SignalBits.ReadRaw(data, muxStart, muxLength, muxMotorola, false);
                    }

                    if (muxValue < mux.Low || muxValue > mux.High)
                    {
                        continue;
                    }
                }

                _seen[s]++;
                if (len < signal.BytesNeeded)
                {
                    _dropped[s]++;
                    continue;
                }

                SignalTreatment t = signal.Treatment;
                int action = t.Action;
                if (action == TelemetryAction.Aggregate)
                {
                    // Accumulate written out: every observation of an aggregate counts.
                    long units = (SignalBits.ReadRaw(data, signal.StartBit, signal.Length, signal.Motorola, signal.Signed) * signal.ScaleUnits) + signal.OffsetUnits;
                    if (nowMicros >= _windowEnd[s])
                    {
                        RollWindow(s, t, nowMicros);
                    }

                    if (units < _min[s])
                    {
                        _min[s] = units;
                    }

                    if (units > _max[s])
                    {
                        _max[s] = units;
                    }

                    _sum[s] += units;
                    _last[s] = units;
                    _count[s]++;
                    continue;
                }

                if (action == TelemetryAction.Drop || action == TelemetryAction.Identifier || action == TelemetryAction.Delay)
                {
                    Handle(s, signal, t, SignalBits.ReadRaw(data, signal.StartBit, signal.Length, signal.Motorola, signal.Signed), nowMicros);
                    continue;
                }

                // Every other action (forward, quantize, downsample): Gate first (nothing is read for a
                // gated observation), then ToUnits, Quantize and Emit written out.
                long every = t.EveryMicros;
                if (every > 0 && _accepted[s] && nowMicros - _lastAccepted[s] < every)
                {
                    _dropped[s]++;
                    continue;
                }

                _accepted[s] = true;
                _lastAccepted[s] = nowMicros;
                long value = (SignalBits.ReadRaw(data, signal.StartBit, signal.Length, signal.Motorola, signal.Signed) * signal.ScaleUnits) + signal.OffsetUnits;
                long step = t.StepUnits;
                if (step > 0)
                {
                    value = RoundedDivide(value, step) * step;
                }

                _emitted[s]++;
                _sink.Sample(s, value, nowMicros);
            }

            if (_skippable[f])
            {
                _until[f] = OpenAgain(f);
            }
        }

        // The earliest time a signal of gated frame f accepts an observation again (long.MinValue
        // while one has never been accepted, long.MaxValue when all are dropped).
        private long OpenAgain(int f)
        {
            long until = long.MaxValue;
            for (int k = _frames.First[f]; k < _frames.First[f + 1]; k++)
            {
                int s = _frames.Order[k];
                SignalTreatment t = _signals[s].Treatment;
                if (t.Action == TelemetryAction.Drop)
                {
                    continue;
                }

                if (!_accepted[s])
                {
                    return long.MinValue;
                }

                long open = _lastAccepted[s] + t.EveryMicros;
                until = open < until ? open : until;
            }

            return until;
        }

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

        /// <summary>
        /// Zeroes, in a frame bound for the TCU, every bit the policy withholds (dropped signals, identifier parts,
        /// bits of no named signal, all bytes past the 8th); returns false when nothing allowed remains (so the
        /// gateway drops the frame), including frames the policy does not name. O(1), no allocation.
        /// </summary>
        public bool BlankWithheld(uint id, bool ext, byte[] data, int len)
        {
            if (len > data.Length)
            {
                len = data.Length;
            }

            TelemetryFrames frames = _frames;
            int f = ext ? frames.Find(id, true) : id < TelemetryFrames.StandardIds ? frames.StandardFrame[id] : -1;
            if (f == TelemetryFrames.NoFrame)
            {
                f = -1;
            }

            if (len <= 0)
            {
                _framesWithheld++;
                return false;
            }

            if (f < 0)
            {
                // A frame the policy does not name: nothing of it leaves.
                System.Array.Clear(data, 0, len);
                _framesWithheld++;
                return false;
            }

            // Bytes before MaskFrom are allowed whole, bytes from ZeroFrom on withheld whole (and
            // everything past the 8th): only the mixed bytes between are masked one by one.
            int named = len < 8 ? len : 8;
            int i = frames.MaskFrom[f];
            int zero = frames.ZeroFrom[f];
            if (zero > named)
            {
                zero = named;
            }

            byte[] masks = frames.Masks;
            int o = f * 8;
            for (; i < zero; i++)
            {
                data[i] = (byte)(data[i] & masks[o + i]);
            }

            if (zero < len)
            {
                System.Array.Clear(data, zero, len - zero);
            }

            if (!frames.AllowedUpTo[(f * 9) + named])
            {
                _framesWithheld++;
                return false;
            }

            return true;
        }

        // The actions Observe does not write out: drop, identifier parts, delay rings (default).
        private void Handle(int s, TelemetrySignal signal, SignalTreatment t, long raw, long now)
        {
            switch (t.Action)
            {
                case TelemetryAction.Drop:
                    _dropped[s]++;
                    return;
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

        // Closes the window that ended by now and opens one when none is open (the window end is
        // long.MinValue until the first observation).
        private void RollWindow(int s, SignalTreatment t, long now)
        {
            CloseWindowIfEnded(s, t, now);
            if (!_open[s])
            {
                _open[s] = true;
                _start[s] = now;
                _windowEnd[s] = now + t.WindowMicros;
            }
        }

        // Emits the window that ended by now (if it saw anything) and moves to the window containing now.
        private void CloseWindowIfEnded(int s, SignalTreatment t, long now)
        {
            if (!_open[s] || now - _start[s] < t.WindowMicros)
            {
                return;
            }

            if (_count[s] > 0)
            {
                Emit(s, Quantize(Reduce(s, t.Function), t.StepUnits), _start[s] + t.WindowMicros);
            }

            _start[s] += t.WindowMicros * ((now - _start[s]) / t.WindowMicros);
            _windowEnd[s] = _start[s] + t.WindowMicros;
            _count[s] = 0;
            _sum[s] = 0;
            _min[s] = long.MaxValue;
            _max[s] = long.MinValue;
        }

        private long Reduce(int s, int function)
        {
            switch (function)
            {
                case AggregateFunction.Min: return _min[s];
                case AggregateFunction.Max: return _max[s];
                case AggregateFunction.Last: return _last[s];
                default: return RoundedDivide(_sum[s], _count[s]);
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
