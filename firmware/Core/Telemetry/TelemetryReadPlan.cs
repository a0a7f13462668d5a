namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// A policy's signals laid out for the per-frame path on an interpreter: what each signal's read
    /// and treatment need, in flat arrays indexed by signal (a shift and a mask of the frame's word
    /// instead of a call per signal), which frames can be skipped while rate-gated, and the pages of
    /// multiplexed frames. Built once per sanitizer; read, never written, per frame.
    /// </summary>
    internal sealed class TelemetryReadPlan
    {
        /// <summary>Bytes a frame must carry for the signal (<see cref="TelemetrySignal.BytesNeeded"/>).</summary>
        internal readonly int[] Need;

        /// <summary>(word &gt;&gt; Shift) &amp; Mask is the raw value, word being the frame's Intel or Motorola word (<see cref="SignalBits.WordShift"/>).</summary>
        internal readonly int[] Shift;

        /// <summary>See <see cref="Shift"/>.</summary>
        internal readonly long[] Mask;

        /// <summary>The sign bit of a signed signal (0 for unsigned): a raw value at or above it is negative.</summary>
        internal readonly long[] Sign;

        /// <summary>Units per raw step and offset (<see cref="TelemetrySignal.ScaleUnits"/>, <see cref="TelemetrySignal.OffsetUnits"/>).</summary>
        internal readonly long[] Scale;

        /// <summary>See <see cref="Scale"/>.</summary>
        internal readonly long[] Offset;

        /// <summary>Read from the Motorola word.</summary>
        internal readonly bool[] Motorola;

        /// <summary>Has a multiplexor: counted seen per signal (a plain signal is seen whenever its frame is).</summary>
        internal readonly bool[] Muxed;

        /// <summary>
        /// The treatment's action, function, interval and step (<see cref="SignalTreatment"/>); a part of an
        /// identifier the policy drops is a <see cref="TelemetryAction.Drop"/> here (it is never even kept).
        /// </summary>
        internal readonly int[] Action;

        /// <summary>See <see cref="Action"/>.</summary>
        internal readonly int[] Function;

        /// <summary>See <see cref="Action"/>.</summary>
        internal readonly long[] Every;

        /// <summary>See <see cref="Action"/>.</summary>
        internal readonly long[] Step;

        /// <summary>Frame number of each signal.</summary>
        internal readonly int[] FrameOf;

        /// <summary>
        /// Per frame: every signal is rate-gated (forward, quantize, downsample or delay with an interval, or
        /// drop) and none has a multiplexor, so while every gate is shut and no delayed sample falls due an
        /// observation only counts.
        /// </summary>
        internal readonly bool[] Skippable;

        /// <summary>Per frame: some signal is Motorola (the frame's Motorola word is needed).</summary>
        internal readonly bool[] FrameMotorola;

        /// <summary>
        /// Per frame whose signals all hang on one multiplexor with disjoint pages (an identity frame): that
        /// multiplexor; its groups GroupFirst[f] .. GroupFirst[f + 1] each cover [GroupLow, GroupHigh] and list
        /// their signals in PagedOrder[GroupStart .. GroupEnd). Null for other frames.
        /// </summary>
        internal readonly SignalMux[] PagedMux;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly byte[] PagedOrder;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly int[] GroupFirst;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly int[] GroupLow;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly int[] GroupHigh;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly int[] GroupStart;

        /// <summary>See <see cref="PagedMux"/>.</summary>
        internal readonly int[] GroupEnd;

        private readonly TelemetrySignal[] _signals;
        private readonly TelemetryFrames _frames;

        /// <summary>Lays out <paramref name="signals"/> of <paramref name="policy"/> as indexed by <paramref name="frames"/>.</summary>
        internal TelemetryReadPlan(TelemetrySignal[] signals, TelemetryFrames frames, TelemetryPolicy policy)
        {
            _signals = signals;
            _frames = frames;
            int n = signals.Length;
            Need = new int[n];
            Shift = new int[n];
            Mask = new long[n];
            Sign = new long[n];
            Scale = new long[n];
            Offset = new long[n];
            Motorola = new bool[n];
            Muxed = new bool[n];
            Action = new int[n];
            Function = new int[n];
            Every = new long[n];
            Step = new long[n];
            FrameOf = new int[n];
            for (int s = 0; s < n; s++)
            {
                TelemetrySignal signal = signals[s];
                SignalTreatment t = signal.Treatment;
                Need[s] = signal.BytesNeeded;
                Shift[s] = SignalBits.WordShift(signal.StartBit, signal.Length, signal.Motorola);
                Mask[s] = (1L << signal.Length) - 1;
                Sign[s] = signal.Signed ? 1L << (signal.Length - 1) : 0;
                Scale[s] = signal.ScaleUnits;
                Offset[s] = signal.OffsetUnits;
                Motorola[s] = signal.Motorola;
                Muxed[s] = signal.Mux != null;
                Action[s] = t.Action;
                if (t.Action == TelemetryAction.Identifier && policy.Identifier(t.Identifier).Action != IdentifierAction.Pseudonymize)
                {
                    Action[s] = TelemetryAction.Drop;
                }

                Function[s] = t.Function;
                Every[s] = t.EveryMicros;
                Step[s] = t.StepUnits;
            }

            int frameCount = frames.Count;
            Skippable = new bool[frameCount];
            FrameMotorola = new bool[frameCount];
            for (int f = 0; f < frameCount; f++)
            {
                bool gated = true;
                for (int k = frames.First[f]; k < frames.First[f + 1]; k++)
                {
                    int s = frames.Order[k];
                    FrameOf[s] = f;
                    int action = Action[s];
                    bool paced = (action == TelemetryAction.Forward || action == TelemetryAction.Quantize
                        || action == TelemetryAction.Downsample || action == TelemetryAction.Delay) && Every[s] > 0;
                    gated = gated && !Muxed[s] && (paced || action == TelemetryAction.Drop);
                    FrameMotorola[f] = FrameMotorola[f] || Motorola[s];
                }

                Skippable[f] = gated;
            }

            PagedMux = new SignalMux[frameCount];
            PagedOrder = new byte[n];
            GroupFirst = new int[frameCount + 1];
            GroupLow = new int[n];
            GroupHigh = new int[n];
            GroupStart = new int[n];
            GroupEnd = new int[n];
            int groups = 0;
            for (int f = 0; f < frameCount; f++)
            {
                GroupFirst[f] = groups;
                groups += Pages(f, groups);
            }

            GroupFirst[frameCount] = groups;
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
                    if (GroupLow[u] == m.Low && GroupHigh[u] == m.High)
                    {
                        same = u;
                    }
                    else if (m.Low <= GroupHigh[u] && GroupLow[u] <= m.High)
                    {
                        return 0;
                    }
                }

                if (same < 0)
                {
                    GroupLow[g + count] = m.Low;
                    GroupHigh[g + count] = m.High;
                    count++;
                }
            }

            int at = k0;
            for (int u = g; u < g + count; u++)
            {
                GroupStart[u] = at;
                for (int k = k0; k < k1; k++)
                {
                    SignalMux m = _signals[_frames.Order[k]].Mux;
                    if (m.Low == GroupLow[u] && m.High == GroupHigh[u])
                    {
                        PagedOrder[at++] = _frames.Order[k];
                    }
                }

                GroupEnd[u] = at;
            }

            PagedMux[f] = head;
            return count;
        }
    }
}
