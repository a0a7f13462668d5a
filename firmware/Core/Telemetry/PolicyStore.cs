using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Holds the active telemetry policy. A bundle becomes active only when it is signed by a provisioned owner
    /// key, made for this vehicle and newer than the active one (and not older than the monotonic anchor, so a
    /// restored storage image cannot roll the policy back); anything else is refused with a
    /// <see cref="BundleReason"/>, counted, and the last good policy stays active. Accepted bundles are
    /// appended to a storage file as records (u32 little-endian length, bundle); at boot <see cref="Load"/>
    /// takes the newest record that still verifies and cuts a torn tail. Every check a record must pass to be
    /// stored (framing, signature, vehicle, version, and a body that builds a policy the guard can run, see
    /// <c>TelemetryPolicy.Build</c>) is made again at load: a record that fails then is skipped and
    /// counted in <see cref="RefusedAtLoad"/> (the guard audits it), and the newest good one stays active.
    /// </summary>
    public sealed class PolicyStore
    {
        /// <summary>The file is rewritten from empty when the next record would make it larger than this.</summary>
        public const int MaxFileBytes = 4 * (TelemetryBundle.MaxSize + 4);

        /// <summary>Most a bundle may raise the policy version over the active one (or the anchor): a version near 2^32 would block every later update.</summary>
        public const uint MaxVersionStep = 1000000;

        private readonly IStorageFile _file;
        private readonly IOwnerKeys _keys;
        private readonly byte[] _vin;
        private readonly IMonotonicAnchor _anchor;
        private readonly byte[] _buffer = new byte[TelemetryBundle.MaxSize];
        private readonly byte[] _prefix = new byte[4];
        private readonly long[] _counts = new long[BundleReason.Count];
        private TelemetryPolicy _active;
        private uint _activeVersion;
        private ushort _activeKeyId;
        private int _lastReason = BundleReason.NoBundle;
        private int _refusedAtLoad;
        private int _loadRefusal = BundleReason.NoBundle;
        private uint _loadRefusedVersion;

        /// <summary>
        /// A store over <paramref name="file"/> for the vehicle <paramref name="vin"/> (17 ASCII bytes), trusting
        /// the owner keys in <paramref name="keys"/>; <paramref name="anchor"/> may be null (no rollback guard).
        /// </summary>
        /// <exception cref="System.ArgumentException">A required argument is null or the VIN is not 17 bytes.</exception>
        public PolicyStore(IStorageFile file, IOwnerKeys keys, byte[] vin, IMonotonicAnchor anchor)
        {
            if (file == null || keys == null || vin == null || vin.Length != TelemetryBundle.VinLength)
            {
                throw new System.ArgumentException();
            }

            _file = file;
            _keys = keys;
            _vin = new byte[TelemetryBundle.VinLength];
            System.Array.Copy(vin, _vin, _vin.Length);
            _anchor = anchor;
        }

        /// <summary>The active policy, or null before any bundle was accepted.</summary>
        public TelemetryPolicy Active
        {
            get { return _active; }
        }

        /// <summary>Version of the active policy (0 when none).</summary>
        public uint ActiveVersion
        {
            get { return _activeVersion; }
        }

        /// <summary>Key id that signed the active policy (0 when none).</summary>
        public ushort ActiveKeyId
        {
            get { return _activeKeyId; }
        }

        /// <summary>Reason of the last <see cref="Offer"/> or <see cref="Load"/>.</summary>
        public int LastReason
        {
            get { return _lastReason; }
        }

        /// <summary>Stored records the last <see cref="Load"/> skipped because they no longer pass the checks.</summary>
        public int RefusedAtLoad
        {
            get { return _refusedAtLoad; }
        }

        /// <summary>Why the last record <see cref="Load"/> skipped was refused (<see cref="BundleReason.NoBundle"/>: none skipped).</summary>
        public int LoadRefusal
        {
            get { return _loadRefusal; }
        }

        /// <summary>The header version of the last record <see cref="Load"/> skipped (0 when it had no readable header).</summary>
        public uint LoadRefusedVersion
        {
            get { return _loadRefusedVersion; }
        }

        /// <summary>How many bundles ended with <paramref name="reason"/>.</summary>
        public long Count(int reason)
        {
            return reason >= 0 && reason < _counts.Length ? _counts[reason] : 0;
        }

        /// <summary>
        /// Offers a bundle (from MQTT or a bench tool). On <see cref="BundleReason.Accepted"/> it is persisted
        /// and active; otherwise nothing changes.
        /// </summary>
        public int Offer(byte[] bundle, int length)
        {
            long floor = _anchor == null ? 0 : _anchor.Read();
            int reason = Check(bundle, length, _activeVersion + 1L > floor ? _activeVersion + 1L : floor, _activeVersion > floor ? _activeVersion : floor);
            if (reason == BundleReason.Accepted)
            {
                Persist(bundle, length);
                Activate(bundle, length);
            }

            return Finish(reason);
        }

        /// <summary>
        /// Loads the newest stored bundle that still verifies (boot). Returns <see cref="BundleReason.Accepted"/>
        /// when one is active, else the reason the last record was refused, or <see cref="BundleReason.NoBundle"/>.
        /// </summary>
        public int Load()
        {
            long floor = _anchor == null ? 0 : _anchor.Read();
            long offset = 0;
            long bestOffset = -1;
            int bestLength = 0;
            uint bestVersion = 0;
            int refused = BundleReason.NoBundle;
            _refusedAtLoad = 0;
            _loadRefusal = BundleReason.NoBundle;
            _loadRefusedVersion = 0;
            long fileLength = _file.Length;
            while (offset + 4 <= fileLength && _file.Read(offset, _prefix, 0, 4) == 4)
            {
                long length = (uint)(_prefix[0] | (_prefix[1] << 8) | (_prefix[2] << 16)) | ((uint)_prefix[3] << 24);
                if (length < 1 || length > TelemetryBundle.MaxSize || offset + 4 + length > fileLength
                    || _file.Read(offset + 4, _buffer, 0, (int)length) != length)
                {
                    break;
                }

                long min = bestVersion + 1L > floor ? bestVersion + 1L : floor;
                int reason = Check(_buffer, (int)length, min, bestVersion > floor ? bestVersion : floor);
                if (reason == BundleReason.Accepted)
                {
                    bestOffset = offset + 4;
                    bestLength = (int)length;
                    bestVersion = TelemetryBundle.VersionOf(_buffer);
                }
                else
                {
                    refused = reason;
                    _refusedAtLoad++;
                    _loadRefusal = reason;
                    _loadRefusedVersion = length >= TelemetryBundle.HeaderSize ? TelemetryBundle.VersionOf(_buffer) : 0;
                    _counts[reason]++;
                }

                offset += 4 + length;
            }

            if (offset < fileLength)
            {
                // A record cut by a power loss: drop it so the next append starts on a record boundary.
                _file.Truncate(offset);
            }

            if (bestOffset < 0)
            {
                return Finish(refused);
            }

            _file.Read(bestOffset, _buffer, 0, bestLength);
            Activate(_buffer, bestLength);
            return Finish(BundleReason.Accepted);
        }

        // Framing, signature, vehicle, version, then the body: the body of an unauthenticated bundle is never parsed.
        private int Check(byte[] data, int length, long minVersion, long baseVersion)
        {
            int reason = TelemetryBundle.CheckFraming(data, length);
            if (reason != BundleReason.Accepted)
            {
                return reason;
            }

            byte[] secret = _keys.SecretFor(TelemetryBundle.KeyIdOf(data));
            if (secret == null)
            {
                return BundleReason.UnknownKey;
            }

            if (!TelemetryBundle.TagVerifies(data, length, new HmacSha256(secret)))
            {
                return BundleReason.BadTag;
            }

            if (!TelemetryBundle.IsFor(data, _vin))
            {
                return BundleReason.ForeignVehicle;
            }

            if (TelemetryBundle.VersionOf(data) < minVersion)
            {
                return BundleReason.NotNewer;
            }

            if (TelemetryBundle.VersionOf(data) > baseVersion + MaxVersionStep)
            {
                return BundleReason.VersionJump;
            }

            int bodyReason;
            string error;
            return TelemetryBundle.Read(data, length, out bodyReason, out error) == null ? bodyReason : BundleReason.Accepted;
        }

        private void Activate(byte[] data, int length)
        {
            int reason;
            string error;
            TelemetryBundle bundle = TelemetryBundle.Read(data, length, out reason, out error);
            _active = bundle.Policy;
            _activeVersion = bundle.PolicyVersion;
            _activeKeyId = bundle.KeyId;
            if (_anchor != null)
            {
                _anchor.Advance(_activeVersion);
            }
        }

        private void Persist(byte[] data, int length)
        {
            if (_file.Length + 4 + length > MaxFileBytes)
            {
                // Only the newest record matters; a power cut right here loses the stored policy (the guard
                // then runs without telemetry until the owner sends the bundle again: fail closed).
                _file.Truncate(0);
            }

            _prefix[0] = (byte)length;
            _prefix[1] = (byte)(length >> 8);
            _prefix[2] = (byte)(length >> 16);
            _prefix[3] = (byte)(length >> 24);
            _file.Append(_prefix, 0, 4);
            _file.Append(data, 0, length);
        }

        private int Finish(int reason)
        {
            _lastReason = reason;
            _counts[reason]++;
            return reason;
        }
    }
}
