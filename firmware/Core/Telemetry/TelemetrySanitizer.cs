namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Applies a <see cref="TelemetryPolicy"/> to BMS frames. <see cref="Observe"/> decodes the frame's policy
    /// signals and emits what is due into an <see cref="ITelemetrySink"/>; <see cref="Advance"/> emits what
    /// falls due with no frame (window ends, delayed samples); <see cref="BlankWithheld"/> edits a frame bound
    /// for the TCU. Per frame the work is a table lookup plus that frame's signals only, whatever the size of
    /// the policy, and nothing is allocated. Build a new sanitizer when the active policy changes. Not thread-safe.
    /// </summary>
    public sealed partial class TelemetrySanitizer : IBusObserver, IEgressFilter
    {
        private readonly TelemetryPolicy _policy;
        private readonly TelemetryFrames _frames;
        private readonly TelemetrySignal[] _signals;
        private readonly ITelemetrySink _sink;
        private readonly DelayRings _rings;
        private readonly IdentifierAssembler _identifiers;
        private readonly AggregateWindows _windows;
        private readonly bool _littleEndian = System.BitConverter.IsLittleEndian;

        private readonly long[] _seen;
        private readonly long[] _emitted;
        private readonly long[] _dropped;
        private readonly long[] _lastAccepted;
        private readonly bool[] _accepted;

        // The policy laid out for the per-frame path, and the aggregate windows (TelemetryReadPlan, AggregateWindows).
        private readonly TelemetryReadPlan _plan;

        // Per frame: observations decoded (a plain signal is seen whenever its frame is), and for a skippable
        // frame the time its first gate opens again. While now < _until[f] each of its signals would
        // only count one observation seen and one dropped, so Observe counts the frame in _skipped[f]
        // alone and Seen and Dropped add it back: a 50 Hz frame sent on at 1 Hz then costs a comparison,
        // not a decode.
        private readonly long[] _frameSeen;
        private readonly long[] _until;
        private readonly long[] _skipped;

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

            _plan = new TelemetryReadPlan(_signals, _frames, policy);
            _windows = new AggregateWindows(n);
            int frameCount = _frames.Count;
            _frameSeen = new long[frameCount];
            _until = new long[frameCount];
            _skipped = new long[frameCount];
            for (int f = 0; f < frameCount; f++)
            {
                _until[f] = long.MinValue;
            }
        }

        /// <summary>The policy applied.</summary>
        public TelemetryPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>Frames that carried at least one policy signal's frame id.</summary>
        public long FramesObserved
        {
            get
            {
                // The sum of the per-frame counts (decoded and skipped): one counter fewer per frame.
                long sum = 0;
                for (int f = 0; f < _frameSeen.Length; f++)
                {
                    sum += _frameSeen[f] + _skipped[f];
                }

                return sum;
            }
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
            int f = _plan.FrameOf[s];
            return _plan.Muxed[s] ? _seen[s] : _frameSeen[f] + _skipped[f];
        }

        /// <summary>Samples emitted for signal <paramref name="s"/>.</summary>
        public long Emitted(int s)
        {
            return _emitted[s];
        }

        /// <summary>Observations of signal <paramref name="s"/> discarded: dropped, rate-gated, a full delay ring, a short frame.</summary>
        public long Dropped(int s)
        {
            return _dropped[s] + _skipped[_plan.FrameOf[s]];
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
            // Two locals: the interpreter clears every local of a method at each call, and most frames end
            // here (not named by the policy, or every gate shut); Decode holds the rest.
            TelemetryFrames frames = _frames;
            int f = ext ? frames.Find(id, true) : id < TelemetryFrames.StandardIds ? frames.StandardFrame[id] : -1;
            if (f < 0 || f == TelemetryFrames.NoFrame)
            {
                _unknownFrames++;
                return;
            }

            if (nowMicros < _until[f])
            {
                _skipped[f]++;
                return;
            }

            _frameSeen[f]++;
            Decode(f, data, len, nowMicros);
        }

        // Observe's work on a frame the policy names and whose gates are not all shut.
        private void Decode(int f, byte[] data, int len, long nowMicros)
        {
            // Per frame on the interpreter: the frame table and the read plan read in place, the frame's
            // bytes gathered into one word, each signal a shift and a mask of it, and every action but
            // identifier and delay written out here (a call costs dozens of IL instructions).
            TelemetryFrames frames = _frames;
            TelemetryReadPlan plan = _plan;
            if (data == null || len < 0)
            {
                len = 0;
            }
            else if (len > data.Length)
            {
                len = data.Length;
            }

            byte[] order = _frames.Order;
            int begin = frames.First[f];
            int end = frames.First[f + 1];
            SignalMux paged = plan.PagedMux[f];
            if (paged != null)
            {
                long page = len < paged.BytesNeeded ? -1 : SignalBits.ReadRaw(data, paged.StartBit, paged.Length, paged.Motorola, false);
                order = plan.PagedOrder;
                end = begin;
                for (int g = plan.GroupFirst[f]; g < plan.GroupFirst[f + 1]; g++)
                {
                    if (page >= plan.GroupLow[g] && page <= plan.GroupHigh[g])
                    {
                        begin = plan.GroupStart[g];
                        end = plan.GroupEnd[g];
                        break;
                    }
                }
            }

            if (begin == end)
            {
                return;
            }

            // The frame as one little-endian word (one native call for a full frame) and, when a signal
            // is Motorola, as one big-endian word: bytes the frame lacks read as 0 (no signal reads them).
            int bytes = len < 8 ? len : 8;
            ulong intel = bytes == 8 && _littleEndian ? System.BitConverter.ToUInt64(data, 0) : SignalBits.IntelWord(data, bytes);
            ulong motorola = plan.FrameMotorola[f] ? SignalBits.MotorolaWord(data, bytes) : 0;
            AggregateWindows w = _windows;
            int muxStart = -1;
            int muxLength = 0;
            bool muxMotorola = false;
            long muxValue = -1;
            for (int k = begin; k < end; k++)
            {
                int s = order[k];
                if (plan.Muxed[s])
                {
                    if (paged == null)
                    {
                        // A frame of mixed or overlapping pages: the multiplexor read once while it stays the same.
                        SignalMux mux = _signals[s].Mux;
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
                }

                int action = plan.Action[s];
                if (len < plan.Need[s] || action == TelemetryAction.Drop)
                {
                    _dropped[s]++;
                    continue;
                }

                long raw = (long)((plan.Motorola[s] ? motorola : intel) >> plan.Shift[s]) & plan.Mask[s];
                long sign = plan.Sign[s];
                if (sign != 0 && raw >= sign)
                {
                    raw -= sign << 1;
                }

                if (action == TelemetryAction.Aggregate)
                {
                    // Only what the function reduces, and the count.
                    long units = (raw * plan.Scale[s]) + plan.Offset[s];
                    if (nowMicros >= w.End[s])
                    {
                        RollWindow(s, nowMicros);
                    }

                    int function = plan.Function[s];
                    if (function == AggregateFunction.Min)
                    {
                        if (units < w.Min[s])
                        {
                            w.Min[s] = units;
                        }
                    }
                    else if (function == AggregateFunction.Max)
                    {
                        if (units > w.Max[s])
                        {
                            w.Max[s] = units;
                        }
                    }
                    else if (function == AggregateFunction.Mean)
                    {
                        w.Sum[s] += units;
                    }
                    else
                    {
                        w.Last[s] = units;
                    }

                    w.Count[s]++;
                    continue;
                }

                if (action == TelemetryAction.Identifier || action == TelemetryAction.Delay)
                {
                    Handle(s, _signals[s], _signals[s].Treatment, raw, nowMicros);
                    continue;
                }

                // Forward, quantize, downsample: Gate, ToUnits, Quantize and Emit written out.
                long every = plan.Every[s];
                if (every > 0 && _accepted[s] && nowMicros - _lastAccepted[s] < every)
                {
                    _dropped[s]++;
                    continue;
                }

                _accepted[s] = true;
                _lastAccepted[s] = nowMicros;
                long value = (raw * plan.Scale[s]) + plan.Offset[s];
                long step = plan.Step[s];
                if (step > 0)
                {
                    value = RoundedDivide(value, step) * step;
                }

                _emitted[s]++;
                _sink.Sample(s, value, nowMicros);
            }

            if (plan.Skippable[f])
            {
                _until[f] = OpenAgain(f);
            }
        }

        // The earliest time a signal of gated frame f accepts an observation again or, for a delayed
        // signal, its oldest held sample falls due (long.MinValue while one has never been accepted,
        // long.MaxValue when all are dropped). Advance only releases samples, so it can only make the
        // true time later: skipping until this one never skips an observation that would do more than count.
        private long OpenAgain(int f)
        {
            int[] action = _plan.Action;
            long[] every = _plan.Every;
            long until = long.MaxValue;
            for (int k = _frames.First[f]; k < _frames.First[f + 1]; k++)
            {
                int s = _frames.Order[k];
                if (action[s] == TelemetryAction.Drop)
                {
                    continue;
                }

                if (!_accepted[s])
                {
                    return long.MinValue;
                }

                long open = _lastAccepted[s] + every[s];
                until = open < until ? open : until;
                if (action[s] == TelemetryAction.Delay && _rings.Count(s) > 0)
                {
                    long due = _rings.HeadTime(s) + _signals[s].Treatment.DelayMicros;
                    until = due < until ? due : until;
                }
            }

            return until;
        }
    }
}
