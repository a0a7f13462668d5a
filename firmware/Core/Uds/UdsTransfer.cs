namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// One channel's segmented request in flight: after an allowed first frame, the consecutive
    /// frames the inspector still forwards (in sequence, within the N_Cr timeout).
    /// </summary>
    internal sealed class UdsTransfer
    {
        private bool _active;
        private int _nextSequence;
        private int _remaining;
        private long _lastMicros;
        private int _access;

        /// <summary>True while consecutive frames of an allowed request are still to come.</summary>
        internal bool IsActive
        {
            get { return _active; }
        }

        /// <summary>Bytes still to come.</summary>
        internal int Remaining
        {
            get { return _remaining; }
        }

        /// <summary>True while active and the last frame (or pacing) came within <paramref name="timeoutMicros"/>; a late transfer ends.</summary>
        internal bool IsLive(long nowMicros, long timeoutMicros)
        {
            if (_active && nowMicros - _lastMicros > timeoutMicros)
            {
                _active = false;
            }

            return _active;
        }

        /// <summary>The receiver paced the transfer (flow control): its timeout starts again.</summary>
        internal void Touch(long nowMicros)
        {
            _lastMicros = nowMicros;
        }

        /// <summary>The <see cref="UdsAccess"/> the request needed (judged again on each consecutive frame).</summary>
        internal int Access
        {
            get { return _access; }
        }

        /// <summary>Starts forwarding the rest of a request of <paramref name="total"/> bytes whose first frame carried 6.</summary>
        internal void Start(int total, long nowMicros, int access)
        {
            _active = true;
            _access = access;
            _nextSequence = 1;
            _remaining = total - 6;
            _lastMicros = nowMicros;
        }

        /// <summary>Forgets the transfer: later consecutive frames are orphans.</summary>
        internal void Abort()
        {
            _active = false;
        }

        /// <summary>
        /// True when the consecutive frame belongs to the transfer (right sequence, in time, long enough);
        /// otherwise the transfer ends and the frame is an orphan.
        /// </summary>
        internal bool Accept(byte[] data, int length, long nowMicros, long timeoutMicros)
        {
            int take = _remaining < 7 ? _remaining : 7;
            if (!_active || (data[0] & 0x0F) != _nextSequence || nowMicros - _lastMicros > timeoutMicros || length - 1 < take)
            {
                _active = false;
                return false;
            }

            _remaining -= take;
            _nextSequence = (_nextSequence + 1) & 0x0F;
            _lastMicros = nowMicros;
            _active = _remaining > 0;
            return true;
        }
    }
}
