using BmsGuard.Core.Audit;

namespace BmsGuard.Core
{
    /// <summary>
    /// Keeps a flood on one bus from taking the board: at most <see cref="MaxFrames"/> frames from a port
    /// within <see cref="WindowMicros"/>; past that the bridge stops reading the port's controller for
    /// <see cref="PauseMicros"/>. Why: on nanoFramework every received frame becomes a managed event whose
    /// record is allocated on the heap (nf-interpreter TransferAllInterruptsToApplicationQueue), and the
    /// board decides fewer frames a second than one bus can carry (docs/device.md), so a babbling TCU would
    /// grow that queue until the heap runs out, starve the BMS side and end in a reset. While paused the
    /// controller has no receive handler: the hardware drops the frames without CPU work (nothing reaches
    /// the BMS), and what it still held is dropped unjudged when the pause ends, counted under
    /// <see cref="Verdict.ReceivePaused"/>. The pause's start and end are audited.
    /// </summary>
    public sealed class ReceiveBudget
    {
        /// <summary>TCU frames allowed per window by default: 1,000 a second, many times what a TCU sends (commands, diagnostics, network management).</summary>
        public const int DefaultTcuFrames = 100;

        /// <summary>Window in which frames are counted: 100 ms.</summary>
        public const long DefaultWindowMicros = 100000;

        /// <summary>How long a port over budget is not read: 1 s.</summary>
        public const long DefaultPauseMicros = 1000000;

        /// <summary>Frames per window a side gets by default: the TCU <see cref="DefaultTcuFrames"/>, the BMS no limit (0).</summary>
        public static int DefaultFrames(GatewayPort port)
        {
            return port == GatewayPort.Tcu ? DefaultTcuFrames : 0;
        }

        private readonly GatewayPort _port;
        private int _max;
        private long _window;
        private long _pause;
        private long _windowStart;
        private int _counted;
        private bool _paused;
        private long _pausedSince;
        private long _pauses;
        private long _flushed;
        private long _pausedMicros;
        private readonly byte[] _detail = new byte[12];

        /// <summary>Creates a budget for <paramref name="port"/> with no limit (<see cref="Limited"/> false).</summary>
        public ReceiveBudget(GatewayPort port)
        {
            _port = port;
            _window = DefaultWindowMicros;
            _pause = DefaultPauseMicros;
        }

        /// <summary>Where pauses are recorded; null records nothing (the guard sets its audit log).</summary>
        public IAuditTrail Audit;

        /// <summary>The port whose frames this budget counts.</summary>
        public GatewayPort Port
        {
            get { return _port; }
        }

        /// <summary>Frames allowed per window; 0 for no limit.</summary>
        public int MaxFrames
        {
            get { return _max; }
        }

        /// <summary>True when frames are counted against a limit.</summary>
        public bool Limited
        {
            get { return _max > 0; }
        }

        /// <summary>Window in which frames are counted, in microseconds.</summary>
        public long WindowMicros
        {
            get { return _window; }
        }

        /// <summary>How long the port is not read once over budget, in microseconds.</summary>
        public long PauseMicros
        {
            get { return _pause; }
        }

        /// <summary>True from the frame that went over budget until the bridge resumes the port.</summary>
        public bool Paused
        {
            get { return _paused; }
        }

        /// <summary>Pauses started so far.</summary>
        public long Pauses
        {
            get { return _pauses; }
        }

        /// <summary>Frames the controller still held when a pause ended, dropped unjudged.</summary>
        public long Flushed
        {
            get { return _flushed; }
        }

        /// <summary>Time spent paused, in microseconds, over the pauses that ended.</summary>
        public long PausedMicros
        {
            get { return _pausedMicros; }
        }

        /// <summary>
        /// Sets the limit: <paramref name="maxFrames"/> frames (0: no limit) per <paramref name="windowMicros"/>,
        /// over which the port is paused for <paramref name="pauseMicros"/>; times &gt; 0. Counting starts over.
        /// </summary>
        public void Set(int maxFrames, long windowMicros, long pauseMicros)
        {
            if (maxFrames < 0 || windowMicros <= 0 || pauseMicros <= 0)
            {
                throw new System.ArgumentException();
            }

            _max = maxFrames;
            _window = windowMicros;
            _pause = pauseMicros;
            _counted = 0;
        }

        /// <summary>
        /// Counts <paramref name="frames"/> just received at <paramref name="nowMicros"/>; false when they put
        /// the port over budget, which starts a pause: the caller stops reading the port until <see cref="Ended"/>.
        /// Called once per drain, not per frame: a drain's frames arrived together.
        /// </summary>
        public bool Admit(int frames, long nowMicros)
        {
            if (_max == 0)
            {
                return true;
            }

            long since = nowMicros - _windowStart;
            if (since >= _window || since < 0)
            {
                _windowStart = nowMicros;
                _counted = 0;
            }

            _counted += frames;
            return _counted <= _max || Start(nowMicros);
        }

        /// <summary>
        /// True when the pause has lasted <see cref="PauseMicros"/> at <paramref name="nowMicros"/>. A clock that
        /// went back restarts the pause from its reading, so it ends one pause later, not never.
        /// </summary>
        public bool Ended(long nowMicros)
        {
            if (!_paused)
            {
                return false;
            }

            long since = nowMicros - _pausedSince;
            if (since < 0)
            {
                _pausedSince = nowMicros;
                return false;
            }

            return since >= _pause;
        }

        /// <summary>Ends the pause: the bridge dropped <paramref name="flushed"/> frames the controller still held and reads the port again.</summary>
        public void Resume(int flushed, long nowMicros)
        {
            if (!_paused)
            {
                return;
            }

            _paused = false;
            _flushed += flushed;
            long since = nowMicros - _pausedSince;
            _pausedMicros += since > 0 ? since : 0;
            _windowStart = nowMicros;
            _counted = 0;
            Record(nowMicros, AuditKind.ReceiveResumed, flushed);
        }

        private bool Start(long nowMicros)
        {
            if (_paused)
            {
                // Frames read after the pause began (a drain that raced it) do not start a second one.
                return false;
            }

            _paused = true;
            _pausedSince = nowMicros;
            _pauses++;
            Record(nowMicros, AuditKind.ReceivePaused, _counted);
            _counted = 0;
            return false;
        }

        // Reason: the port. Detail: the frames (counted in the window, or flushed at the end), the window and the pause in ms (3 x u32 BE).
        private void Record(long nowMicros, int kind, int frames)
        {
            IAuditTrail audit = Audit;
            if (audit == null)
            {
                return;
            }

            AuditRecord.PutUInt32(_detail, 0, (uint)frames);
            AuditRecord.PutUInt32(_detail, 4, (uint)(_window / 1000));
            AuditRecord.PutUInt32(_detail, 8, (uint)(_pause / 1000));
            audit.Record(nowMicros, kind, (int)_port, _detail, 12);
        }
    }
}
