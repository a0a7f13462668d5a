using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// The latest value and time of every tapped vehicle-state signal, updated from bus frames. A frame is
    /// looked up in a direct 2,048-entry table (standard ids) or among at most <see cref="MaxExtendedFrames"/>
    /// extended ids and its payload kept; its taps are decoded when one is read: constant time per frame,
    /// nothing allocated. Not thread-safe (reads decode). A value older than its tap's max age is stale;
    /// one never seen is unknown; both mean deny.
    /// </summary>
    public sealed class VehicleState : IBusObserver, IFrameInterest
    {
        /// <summary>Most taps a state may hold.</summary>
        public const int MaxTaps = 64;

        /// <summary>Most distinct extended frame ids (they are searched, so the bound keeps it O(1)).</summary>
        public const int MaxExtendedFrames = 8;

        private const int StandardIds = 2048;
        private const byte NoFrame = 0xFF;

        private readonly SignalTap[] _taps;
        private readonly byte[] _standardFrame = new byte[StandardIds];
        private readonly uint[] _extendedIds = new uint[MaxExtendedFrames];
        private readonly byte[] _extendedFrame = new byte[MaxExtendedFrames];
        private readonly int _extendedCount;

        // Taps grouped by frame: frame f owns _order[_first[f] .. _first[f + 1]).
        private readonly byte[] _order;
        private readonly byte[] _first;

        private readonly long[] _units;
        private readonly long[] _times;
        private readonly bool[] _seen;

        // Each tap's read, precomputed for Observe: (word >> shift) & mask of the frame's Intel or
        // Motorola word (SignalBits), sign bit, scale and offset; per frame, the bytes its taps span and
        // whether any is Motorola. Per frame on the interpreter this is a few operations per tap instead
        // of a call and a loop over its bytes.
        private readonly int[] _need;
        private readonly bool[] _motorola;
        private readonly int[] _shift;
        private readonly long[] _mask;
        private readonly long[] _sign;
        private readonly long[] _scale;
        private readonly long[] _offset;
        private readonly byte[] _frameBytes;
        private readonly bool[] _frameMotorola;
        private readonly byte[] _frameOf;

        // The latest complete payload of each frame, not yet decoded into its taps: Observe copies the
        // bytes (one native Array.Copy) and reads are decoded when asked (Materialize). A frame arrives
        // hundreds of times a second and a tap is read when a command or request is judged, so the
        // decode moves off the per-frame path. A short frame decodes what was pending first and then
        // updates the taps it carries, so values and times are those of reading every frame at once.
        private readonly byte[] _payload;
        private readonly long[] _payloadTime;
        private readonly bool[] _pending;

        private VehicleState(SignalTap[] taps, int count)
        {
            _taps = new SignalTap[count];
            System.Array.Copy(taps, _taps, count);
            _units = new long[count];
            _times = new long[count];
            _seen = new bool[count];
            _order = new byte[count];
            _first = new byte[count + 1];
            _need = new int[count];
            _motorola = new bool[count];
            _shift = new int[count];
            _mask = new long[count];
            _sign = new long[count];
            _scale = new long[count];
            _offset = new long[count];
            _frameBytes = new byte[count];
            _frameMotorola = new bool[count];
            _frameOf = new byte[count];
            _payload = new byte[count * 8];
            _payloadTime = new long[count];
            _pending = new bool[count];
            for (int t = 0; t < count; t++)
            {
                SignalTap tap = _taps[t];
                _need[t] = tap.BytesNeeded;
                _motorola[t] = tap.Motorola;
                _shift[t] = SignalBits.WordShift(tap.StartBit, tap.Length, tap.Motorola);
                _mask[t] = (1L << tap.Length) - 1;
                _sign[t] = tap.Signed ? 1L << (tap.Length - 1) : 0;
                _scale[t] = tap.ScaleUnits;
                _offset[t] = tap.OffsetUnits;
            }

            for (int i = 0; i < StandardIds; i++)
            {
                _standardFrame[i] = NoFrame;
            }

            // Frames numbered in order of first appearance; taps of one frame kept in table order.
            int frames = 0;
            int placed = 0;
            bool[] done = new bool[count];
            for (int t = 0; t < count; t++)
            {
                if (done[t])
                {
                    continue;
                }

                SignalTap head = _taps[t];
                _first[frames] = (byte)placed;
                for (int u = t; u < count; u++)
                {
                    if (!done[u] && _taps[u].Id == head.Id && _taps[u].Extended == head.Extended)
                    {
                        _order[placed++] = (byte)u;
                        _frameOf[u] = (byte)frames;
                        done[u] = true;
                        if (_need[u] > _frameBytes[frames])
                        {
                            _frameBytes[frames] = (byte)_need[u];
                        }

                        _frameMotorola[frames] = _frameMotorola[frames] || _motorola[u];
                    }
                }

                if (head.Extended)
                {
                    _extendedIds[_extendedCount] = head.Id;
                    _extendedFrame[_extendedCount] = (byte)frames;
                    _extendedCount++;
                }
                else
                {
                    _standardFrame[head.Id] = (byte)frames;
                }

                frames++;
            }

            _first[frames] = (byte)placed;
            FrameCount = frames;
        }

        /// <summary>Number of taps.</summary>
        public int TapCount
        {
            get { return _taps.Length; }
        }

        /// <summary>Number of distinct frames the taps read.</summary>
        public int FrameCount
        {
            get { return _frameCount; }
            private set { _frameCount = value; }
        }

        private int _frameCount;

        /// <summary>Frames that carried at least one tapped signal.</summary>
        public long FramesObserved
        {
            get { return _framesObserved; }
            private set { _framesObserved = value; }
        }

        private long _framesObserved;

        /// <summary>Tapped frames too short for a signal (that signal kept its old value and time).</summary>
        public long ShortFrames
        {
            get { return _shortFrames; }
            private set { _shortFrames = value; }
        }

        private long _shortFrames;

        /// <summary>
        /// Compiles <paramref name="taps"/>[0..<paramref name="count"/>); null when there are more than
        /// <see cref="MaxTaps"/> taps, more than <see cref="MaxExtendedFrames"/> extended frames, or a name twice.
        /// </summary>
        public static VehicleState Build(SignalTap[] taps, int count)
        {
            if (count > MaxTaps || LimitError(taps, count) != null)
            {
                return null;
            }

            return new VehicleState(taps, count);
        }

        /// <summary>Why taps[0..count) cannot be compiled (checked by the text parser line by line), or null.</summary>
        public static string LimitError(SignalTap[] taps, int count)
        {
            if (count > MaxTaps)
            {
                return "more than 64 signals";
            }

            int extended = 0;
            for (int t = 0; t < count; t++)
            {
                bool newFrame = taps[t].Extended;
                for (int u = 0; u < t; u++)
                {
                    if (taps[u].Name == taps[t].Name)
                    {
                        return "duplicate signal name '" + taps[t].Name + "'";
                    }

                    if (taps[u].Extended && taps[u].Id == taps[t].Id)
                    {
                        newFrame = false;
                    }
                }

                if (newFrame)
                {
                    extended++;
                }
            }

            return extended > MaxExtendedFrames ? "more than 8 distinct extended frame ids" : null;
        }

        /// <summary>The <paramref name="index"/>th tap.</summary>
        public SignalTap Tap(int index)
        {
            return _taps[index];
        }

        /// <summary>Index of the tap called <paramref name="name"/>, or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _taps.Length; i++)
            {
                if (_taps[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether a tap reads frames with this id (the gateway calls <see cref="Observe"/> only for those).</summary>
        public bool Reads(uint id, bool extended)
        {
            return (extended ? ExtendedFrame(id) : id < StandardIds ? _standardFrame[id] : NoFrame) != NoFrame;
        }

        /// <summary>
        /// Feeds one received data frame: from now on every tap on this id whose bits the frame carries reads
        /// this frame's value and time. Other frames cost one table read. Allocates nothing, never throws for any length.
        /// </summary>
        public void Observe(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            // Two locals: the interpreter clears every local of a method at each call, and a whole frame
            // (the common case) ends here; ObserveShort holds the rest.
            int frame = extended ? ExtendedFrame(id) : id < StandardIds ? _standardFrame[id] : NoFrame;
            if (frame == NoFrame || data == null)
            {
                return;
            }

            _framesObserved++;
            if (length > data.Length)
            {
                length = data.Length;
            }

            int span = _frameBytes[frame];
            if (length >= span)
            {
                System.Array.Copy(data, 0, _payload, frame << 3, span);
                _payloadTime[frame] = nowMicros;
                _pending[frame] = true;
                return;
            }

            ObserveShort(frame, data, length, nowMicros);
        }

        private int ExtendedFrame(uint id)
        {
            for (int i = 0; i < _extendedCount; i++)
            {
                if (_extendedIds[i] == id)
                {
                    return _extendedFrame[i];
                }
            }

            return NoFrame;
        }

        // A frame too short for some tap: the pending payload first, then the taps this frame carries.
        private void ObserveShort(int frame, byte[] data, int present, long nowMicros)
        {
            Materialize(frame);
            ulong intel = SignalBits.IntelWord(data, present);
            ulong motorola = _frameMotorola[frame] ? SignalBits.MotorolaWord(data, present) : 0;
            int end = _first[frame + 1];
            for (int k = _first[frame]; k < end; k++)
            {
                int t = _order[k];
                if (present < _need[t])
                {
                    _shortFrames++;
                    continue;
                }

                Decode(t, intel, motorola, nowMicros);
            }
        }

        // Decodes frame's pending payload into its taps (a no-op when nothing is pending).
        private void Materialize(int frame)
        {
            if (!_pending[frame])
            {
                return;
            }

            _pending[frame] = false;
            int span = _frameBytes[frame];
            ulong intel = 0;
            ulong motorola = 0;
            int o = frame << 3;
            for (int b = 0; b < span; b++)
            {
                intel |= (ulong)_payload[o + b] << (8 * b);
                motorola |= (ulong)_payload[o + b] << (8 * (7 - b));
            }

            long time = _payloadTime[frame];
            int end = _first[frame + 1];
            for (int k = _first[frame]; k < end; k++)
            {
                Decode(_order[k], intel, motorola, time);
            }
        }

        private void Decode(int t, ulong intel, ulong motorola, long time)
        {
            long raw = (long)((_motorola[t] ? motorola : intel) >> _shift[t]) & _mask[t];
            long sign = _sign[t];
            if (sign != 0 && raw >= sign)
            {
                raw -= sign << 1;
            }

            _units[t] = (raw * _scale[t]) + _offset[t];
            _times[t] = time;
            _seen[t] = true;
        }

        /// <summary>
        /// <see cref="SafetyResult.Safe"/> when the tap's value is fresh at <paramref name="nowMicros"/> (age up to
        /// and including its max age), <see cref="SafetyResult.Stale"/> when older (or when the clock went
        /// backwards past it), <see cref="SafetyResult.Unknown"/> when never seen.
        /// </summary>
        public int Freshness(int tap, long nowMicros)
        {
            Materialize(_frameOf[tap]);
            if (!_seen[tap])
            {
                return SafetyResult.Unknown;
            }

            long age = nowMicros - _times[tap];
            return age < 0 || age > _taps[tap].MaxAgeMicros ? SafetyResult.Stale : SafetyResult.Safe;
        }

        /// <summary>The latest physical value in units of 10^-<see cref="SignalTap.Decimals"/> (0 when never seen).</summary>
        public long Units(int tap)
        {
            Materialize(_frameOf[tap]);
            return _units[tap];
        }

        /// <summary>Time of the latest value (0 when never seen).</summary>
        public long TimeMicros(int tap)
        {
            Materialize(_frameOf[tap]);
            return _times[tap];
        }

        /// <summary>Forgets every value (e.g. after a bus-off): everything is unknown until seen again.</summary>
        public void Clear()
        {
            for (int i = 0; i < _taps.Length; i++)
            {
                _pending[i] = false;
                _seen[i] = false;
                _units[i] = 0;
                _times[i] = 0;
            }
        }
    }
}
