namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The per-frame index of a policy: a direct 2,048-entry table for standard ids and at most
    /// <see cref="MaxExtendedFrames"/> extended ids searched in a fixed loop, each frame owning a contiguous
    /// run of signal indices and an 8-byte AND mask of the bits allowed toward the TCU. Lookup is constant
    /// time whatever the number of signals; built once per policy.
    /// </summary>
    internal sealed class TelemetryFrames
    {
        /// <summary>Most distinct extended frame ids (searched, so the bound keeps lookups O(1)).</summary>
        internal const int MaxExtendedFrames = 8;

        /// <summary>Most frames (frame numbers are bytes, 0xFF means none).</summary>
        internal const int MaxFrames = 254;

        /// <summary>Most signals one frame may carry in a policy (multiplexed pages included).</summary>
        internal const int MaxSignalsPerFrame = 64;

        /// <summary>Size of <see cref="StandardFrame"/>: every 11-bit identifier.</summary>
        internal const int StandardIds = 2048;

        /// <summary>The <see cref="StandardFrame"/> entry of an identifier the policy does not name.</summary>
        internal const byte NoFrame = 0xFF;

        /// <summary>Frame number of each standard identifier, or <see cref="NoFrame"/>: what <see cref="Find"/> reads, for a per-frame caller that reads it in place of the call.</summary>
        internal readonly byte[] StandardFrame = new byte[StandardIds];
        private readonly uint[] _extendedIds = new uint[MaxExtendedFrames];
        private readonly byte[] _extendedFrame = new byte[MaxExtendedFrames];
        private readonly int _extendedCount;

        /// <summary>Signals of frame f are <see cref="Order"/>[<see cref="First"/>[f] .. First[f + 1]).</summary>
        internal readonly byte[] Order;

        /// <summary>See <see cref="Order"/>.</summary>
        internal readonly int[] First;

        /// <summary>Frame f's AND mask is Masks[f * 8 .. f * 8 + 8): 1 bits may reach the TCU.</summary>
        internal readonly byte[] Masks;

        /// <summary>
        /// Per frame, what blanking touches: bytes before MaskFrom[f] are all allowed, bytes from
        /// ZeroFrom[f] on are all withheld (cleared in one call); AllowedUpTo[f * 9 + n] is whether the
        /// first n bytes allow any bit. So a frame costs a loop over its mixed bytes only.
        /// </summary>
        internal readonly byte[] MaskFrom;

        /// <summary>See <see cref="MaskFrom"/>.</summary>
        internal readonly byte[] ZeroFrom;

        /// <summary>See <see cref="MaskFrom"/>.</summary>
        internal readonly bool[] AllowedUpTo;

        /// <summary>Number of frames.</summary>
        internal readonly int Count;

        private TelemetryFrames(TelemetrySignal[] signals, int frames, int extended)
        {
            int n = signals.Length;
            Order = new byte[n];
            First = new int[frames + 1];
            Masks = new byte[frames * 8];
            MaskFrom = new byte[frames];
            ZeroFrom = new byte[frames];
            AllowedUpTo = new bool[frames * 9];
            _extendedCount = 0;
            for (int i = 0; i < StandardIds; i++)
            {
                StandardFrame[i] = NoFrame;
            }

            // Frames numbered in order of first appearance; a frame's signals kept in policy order.
            bool[] done = new bool[n];
            int frame = 0;
            int placed = 0;
            for (int s = 0; s < n; s++)
            {
                if (done[s])
                {
                    continue;
                }

                TelemetrySignal head = signals[s];
                First[frame] = placed;
                for (int u = s; u < n; u++)
                {
                    if (!done[u] && signals[u].Id == head.Id && signals[u].Extended == head.Extended)
                    {
                        Order[placed++] = (byte)u;
                        done[u] = true;
                    }
                }

                if (head.Extended)
                {
                    _extendedIds[_extendedCount] = head.Id;
                    _extendedFrame[_extendedCount] = (byte)frame;
                    _extendedCount++;
                }
                else
                {
                    StandardFrame[head.Id] = (byte)frame;
                }

                BuildMask(signals, frame * 8, First[frame], placed);
                Summarize(frame);
                frame++;
            }

            First[frame] = placed;
            Count = frames;
        }

        /// <summary>Indexes <paramref name="signals"/>; null with <paramref name="error"/> when a limit is exceeded.</summary>
        internal static TelemetryFrames Build(TelemetrySignal[] signals, out string error)
        {
            int frames = 0;
            int extended = 0;
            for (int s = 0; s < signals.Length; s++)
            {
                int sameFrame = 0;
                bool first = true;
                for (int u = 0; u < signals.Length; u++)
                {
                    if (signals[u].Id == signals[s].Id && signals[u].Extended == signals[s].Extended)
                    {
                        sameFrame++;
                        first = first && u >= s;
                    }
                }

                if (sameFrame > MaxSignalsPerFrame)
                {
                    error = "more than 64 signals in frame " + FrameName(signals[s]);
                    return null;
                }

                if (first)
                {
                    frames++;
                    extended += signals[s].Extended ? 1 : 0;
                }
            }

            if (frames > MaxFrames || extended > MaxExtendedFrames)
            {
                error = frames > MaxFrames ? "more than 254 frames" : "more than 8 extended frames";
                return null;
            }

            error = null;
            return new TelemetryFrames(signals, frames, extended);
        }

        /// <summary>Frame number of the id, or -1. Constant time.</summary>
        internal int Find(uint id, bool extended)
        {
            if (!extended)
            {
                int f = id < StandardIds ? StandardFrame[id] : NoFrame;
                return f == NoFrame ? -1 : f;
            }

            for (int i = 0; i < _extendedCount; i++)
            {
                if (_extendedIds[i] == id)
                {
                    return _extendedFrame[i];
                }
            }

            return -1;
        }

        private static string FrameName(TelemetrySignal s)
        {
            return "0x" + s.Id.ToString(s.Extended ? "X8" : "X3");
        }

        // Bits allowed toward the TCU: those of allowed signals and of the multiplexors they depend on, minus
        // any bit a withheld signal also uses (pages of a multiplexed frame overlap: when in doubt, blank).
        private void Summarize(int frame)
        {
            int o = frame * 8;
            int from = 0;
            while (from < 8 && Masks[o + from] == 0xFF)
            {
                from++;
            }

            int zero = 8;
            while (zero > from && Masks[o + zero - 1] == 0)
            {
                zero--;
            }

            MaskFrom[frame] = (byte)from;
            ZeroFrom[frame] = (byte)zero;
            bool any = false;
            for (int n = 0; n <= 8; n++)
            {
                AllowedUpTo[(frame * 9) + n] = any;
                any = any || (n < 8 && Masks[o + n] != 0);
            }
        }

        private void BuildMask(TelemetrySignal[] signals, int offset, int start, int end)
        {
            for (int k = start; k < end; k++)
            {
                TelemetrySignal s = signals[Order[k]];
                if (TelemetryAction.AllowedOnBus(s.Treatment.Action))
                {
                    s.Mark(Masks, offset, true);
                    if (s.Mux != null)
                    {
                        SignalBits.Mark(Masks, offset, s.Mux.StartBit, s.Mux.Length, s.Mux.Motorola, true);
                    }
                }
            }

            for (int k = start; k < end; k++)
            {
                TelemetrySignal s = signals[Order[k]];
                if (!TelemetryAction.AllowedOnBus(s.Treatment.Action))
                {
                    s.Mark(Masks, offset, false);
                }
            }
        }
    }
}
