using BmsGuard.Core.Audit;
using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.SecOc
{
    /// <summary>
    /// Verifies SecOC-style single-frame commands (<see cref="SecOcLayout"/>) on one CAN id. It keeps the
    /// latest accepted full freshness value L and rebuilds a frame's value from its low 8 bits r, as AUTOSAR
    /// SecOC does: candidate = L with its low byte replaced by r, plus 256 when that is not above L. When
    /// the MAC does not verify there, the next <see cref="ResyncWindows"/> 256-windows are tried
    /// (resynchronisation after up to 256 * (1 + windows) - 1 missed frames), accepting only on a valid
    /// MAC. A frame whose MAC verifies one window back (at or below L) is reported as a replay. Every
    /// verdict is counted and audited (<see cref="AuditKind.SecOcAccepted"/> / <see cref="AuditKind.SecOcDenied"/>).
    /// Each candidate tried gives a forger another 2^-24 chance: the integrator should limit failed frames.
    /// Allocates nothing per frame. Not thread-safe.
    /// </summary>
    public sealed class SecOcReceiver
    {
        /// <summary>Default number of extra 256-windows tried (gaps up to 1,023 frames).</summary>
        public const int DefaultResyncWindows = 3;

        private readonly uint _canId;
        private readonly bool _extended;
        private readonly uint _dataId;
        private readonly IAuditTrail _audit;
        private readonly long[] _counts = new long[SecOcVerdict.Count];
        private readonly byte[] _input = new byte[SecOcLayout.MacInputLength];
        private readonly byte[] _payload = new byte[SecOcLayout.PayloadLength];
        private readonly byte[] _detail = new byte[SecOcLayout.PayloadLength + 8];
        private readonly SecOcLockout _lockout;
        private AesCmac _cmac;

        /// <summary>Creates an unprovisioned receiver (it denies everything until <see cref="Provision"/>).</summary>
        /// <param name="canId">The protected frame's identifier.</param>
        /// <param name="extended">True for a 29-bit identifier.</param>
        /// <param name="dataId">The data id in the MAC input (by convention the CAN id).</param>
        /// <param name="resyncWindows">Extra 256-windows to try after the first (0..16).</param>
        /// <param name="audit">Where verdicts are recorded.</param>
        /// <exception cref="System.ArgumentException">resyncWindows is not 0..16, or audit is null.</exception>
        public SecOcReceiver(uint canId, bool extended, uint dataId, int resyncWindows, IAuditTrail audit)
            : this(canId, extended, dataId, resyncWindows, audit, new SecOcLockout())
        {
        }

        /// <summary>Creates a receiver with its own failure <paramref name="lockout"/> policy.</summary>
        public SecOcReceiver(uint canId, bool extended, uint dataId, int resyncWindows, IAuditTrail audit, SecOcLockout lockout)
        {
            if (resyncWindows < 0 || resyncWindows > 16 || audit == null || lockout == null)
            {
                throw new System.ArgumentException();
            }

            _canId = canId;
            _extended = extended;
            _dataId = dataId;
            ResyncWindows = resyncWindows;
            _audit = audit;
            _lockout = lockout;
        }

        /// <summary>The protected frame's identifier.</summary>
        public uint CanId
        {
            get { return _canId; }
        }

        /// <summary>True when <see cref="CanId"/> is a 29-bit identifier.</summary>
        public bool Extended
        {
            get { return _extended; }
        }

        /// <summary>Extra 256-windows tried after the first.</summary>
        public int ResyncWindows
        {
            get { return _resyncWindows; }
            private set { _resyncWindows = value; }
        }

        private int _resyncWindows;

        /// <summary>True once a key is provisioned.</summary>
        public bool Provisioned
        {
            get { return _cmac != null; }
        }

        /// <summary>
        /// The latest accepted full freshness value (0 before the first). Persist it (e.g. after every accepted
        /// command) and give it back to <see cref="RestoreFreshness"/> after a restart, or old frames replay.
        /// </summary>
        public long LatestFreshness
        {
            get { return _latestFreshness; }
            private set { _latestFreshness = value; }
        }

        private long _latestFreshness;

        /// <summary>Frames accepted only in a resynchronisation window (after 256 or more missed frames).</summary>
        public long Resynchronised
        {
            get { return _resynchronised; }
            private set { _resynchronised = value; }
        }

        private long _resynchronised;

        /// <summary>Command type (payload byte 0) of the last accepted frame.</summary>
        public int CommandType
        {
            get { return _payload[0]; }
        }

        /// <summary>Installs the 16-byte key at <paramref name="offset"/>. The freshness value is kept.</summary>
        /// <exception cref="System.ArgumentException">Fewer than 16 key bytes.</exception>
        public void Provision(byte[] key, int offset)
        {
            if (_cmac == null)
            {
                _cmac = new AesCmac(key, offset);
            }
            else
            {
                _cmac.SetKey(key, offset);
            }
        }

        /// <summary>Restores a persisted freshness value. It only ever raises the value, never lowers it.</summary>
        public void RestoreFreshness(long freshness)
        {
            if (freshness > LatestFreshness)
            {
                LatestFreshness = freshness;
            }
        }

        /// <summary>Frames that got <paramref name="verdict"/> (a <see cref="SecOcVerdict"/> value).</summary>
        public long Count(int verdict)
        {
            return verdict >= 0 && verdict < SecOcVerdict.Count ? _counts[verdict] : 0;
        }

        /// <summary>Copies the 4 payload bytes of the last accepted frame to <paramref name="destination"/>.</summary>
        public void CopyPayload(byte[] destination, int offset)
        {
            System.Array.Copy(_payload, 0, destination, offset, SecOcLayout.PayloadLength);
        }

        /// <summary>
        /// Verifies one received frame and returns a <see cref="SecOcVerdict"/>; on
        /// <see cref="SecOcVerdict.Accepted"/> the payload is available (<see cref="CopyPayload"/>) and the
        /// freshness value has advanced. Never throws for any input.
        /// </summary>
        public int Receive(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            long refused;
            if (_lockout.TakeEnded(nowMicros, out refused))
            {
                AuditRecord.PutInt64(_detail, 0, refused);
                _audit.Record(nowMicros, AuditKind.SecOcLockoutEnded, 0, _detail, 8);
            }

            if (id == _canId && extended == _extended && _lockout.IsLocked(nowMicros))
            {
                // Counted, not verified and not audited one by one: the lockout's records cover them.
                _lockout.CountRefused();
                _counts[SecOcVerdict.LockedOut]++;
                return SecOcVerdict.LockedOut;
            }

            int verdict = Decide(id, extended, data, length);
            _counts[verdict]++;
            if (verdict == SecOcVerdict.Accepted)
            {
                System.Array.Copy(_payload, 0, _detail, 0, SecOcLayout.PayloadLength);
                for (int i = 0; i < 8; i++)
                {
                    _detail[SecOcLayout.PayloadLength + i] = (byte)(LatestFreshness >> (56 - (8 * i)));
                }

                _audit.Record(nowMicros, AuditKind.SecOcAccepted, verdict, _detail, _detail.Length);
            }
            else
            {
                // The frame as received (up to 8 bytes), for the forensics of a denial.
                int n = data == null ? 0 : length;
                if (n > SecOcLayout.FrameLength)
                {
                    n = SecOcLayout.FrameLength;
                }

                if (data != null && n > data.Length)
                {
                    n = data.Length;
                }

                for (int i = 0; i < n; i++)
                {
                    _detail[i] = data[i];
                }

                _audit.Record(nowMicros, AuditKind.SecOcDenied, verdict, _detail, n < 0 ? 0 : n);
                if ((verdict == SecOcVerdict.BadMac || verdict == SecOcVerdict.Replayed) && _lockout.RecordFailure(nowMicros))
                {
                    AuditRecord.PutInt64(_detail, 0, _lockout.LockoutMicros);
                    _audit.Record(nowMicros, AuditKind.SecOcLockoutStarted, _lockout.Threshold, _detail, 8);
                }
            }

            return verdict;
        }

        /// <summary>The guessing brake: failures counted, lockouts started, frames refused.</summary>
        public SecOcLockout Lockout
        {
            get { return _lockout; }
        }

        private int Decide(uint id, bool extended, byte[] data, int length)
        {
            if (id != _canId || extended != _extended)
            {
                return SecOcVerdict.WrongId;
            }

            if (data == null || length != SecOcLayout.FrameLength || data.Length < SecOcLayout.FrameLength)
            {
                return SecOcVerdict.Malformed;
            }

            if (_cmac == null)
            {
                return SecOcVerdict.Unprovisioned;
            }

            long latest = LatestFreshness;
            long candidate = (latest & ~0xFFL) | data[SecOcLayout.FreshnessOffset];
            if (candidate <= latest)
            {
                candidate += 256;
            }

            for (int window = 0; window <= ResyncWindows; window++)
            {
                // long.MaxValue is 0x7F..FF: a candidate past it wraps negative.
                if (candidate <= latest)
                {
                    return window == 0 ? SecOcVerdict.FreshnessExhausted : SecOcVerdict.BadMac;
                }

                if (Verifies(data, candidate))
                {
                    LatestFreshness = candidate;
                    System.Array.Copy(data, 0, _payload, 0, SecOcLayout.PayloadLength);
                    if (window > 0)
                    {
                        Resynchronised++;
                    }

                    return SecOcVerdict.Accepted;
                }

                candidate += 256;
            }

            // One window back holds the values at or below the latest: a valid MAC there is a replay.
            long previous = (latest & ~0xFFL) | data[SecOcLayout.FreshnessOffset];
            if (previous > latest)
            {
                previous -= 256;
            }

            return previous > 0 && Verifies(data, previous) ? SecOcVerdict.Replayed : SecOcVerdict.BadMac;
        }

        private bool Verifies(byte[] frame, long freshness)
        {
            SecOcLayout.WriteMacInput(_input, _dataId, frame, 0, freshness);
            return _cmac.Verify(_input, 0, SecOcLayout.MacInputLength, frame, SecOcLayout.MacOffset, SecOcLayout.MacLength);
        }
    }
}
