using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.SecOc;

namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// SecOC-style single-frame commands: the frame's MAC and freshness are checked by the
    /// <see cref="SecOcReceiver"/>, then the command policy decides as for an envelope signed by one
    /// key of <see cref="Role"/>: the type must be allowed for that role with a threshold of one, the
    /// role is never the battery maker, key management never travels this way, a row's <c>needs=</c> must
    /// name the role, and every type must be safe now (the interlock table decides). Payload: byte 0
    /// command type, bytes 1..3 parameters.
    /// </summary>
    public sealed class SecOcCommands
    {
        private readonly SecOcReceiver _receiver;
        private readonly CommandPolicy _policy;
        private readonly ISafetyCheck _safety;
        private readonly IAuditTrail _audit;
        private readonly byte[] _payload = new byte[SecOcLayout.PayloadLength];
        private readonly byte[] _parameters = new byte[SecOcLayout.PayloadLength - 1];
        private readonly byte[] _detail = new byte[1];
        private readonly long[] _denied = new long[CommandVerdict.Count];
        private readonly Storage.IMonotonicAnchor _freshness;
        private int _parameterLength;

        /// <summary>Creates the SecOC command path for a receiver whose key belongs to <paramref name="role"/>.</summary>
        public SecOcCommands(SecOcReceiver receiver, int role, CommandPolicy policy, ISafetyCheck safety, IAuditTrail audit)
            : this(receiver, role, policy, safety, audit, null)
        {
        }

        /// <summary>
        /// As above; <paramref name="freshnessStore"/> (may be null) keeps the last accepted freshness value
        /// across resets, so a frame recorded before a reset cannot be replayed after it.
        /// </summary>
        public SecOcCommands(SecOcReceiver receiver, int role, CommandPolicy policy, ISafetyCheck safety, IAuditTrail audit, Storage.IMonotonicAnchor freshnessStore)
        {
            _freshness = freshnessStore;
            if (freshnessStore != null)
            {
                receiver.RestoreFreshness(freshnessStore.Read());
            }

            _receiver = receiver;
            Role = role;
            _policy = policy;
            _safety = safety;
            _audit = audit;
        }

        /// <summary>The role the SecOC key stands for.</summary>
        public readonly int Role;

        /// <summary>The receiver (freshness state, MAC verdict counters).</summary>
        public SecOcReceiver Receiver
        {
            get { return _receiver; }
        }

        /// <summary>Parameters of the last accepted frame (3 bytes).</summary>
        public byte[] Parameters
        {
            get { return _parameters; }
        }

        /// <summary>Number of parameter bytes of the last accepted command (its type's length; the rest of the frame is zero).</summary>
        public int ParameterLength
        {
            get { return _parameterLength; }
        }

        /// <summary>Frames that authenticated but the policy or the interlocks denied, by <see cref="CommandVerdict"/>.</summary>
        public long Denied(int verdict)
        {
            return verdict >= 0 && verdict < CommandVerdict.Count ? _denied[verdict] : 0;
        }

        /// <summary>True for the frame id the receiver listens on.</summary>
        public bool Handles(uint id, bool extended)
        {
            return id == _receiver.CanId && extended == _receiver.Extended;
        }

        /// <summary>The command type to execute (&gt; 0), or 0 when the frame is denied (counted and audited).</summary>
        public int Receive(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            if (_receiver.Receive(id, extended, data, length, nowMicros) != SecOcVerdict.Accepted)
            {
                return 0;
            }

            if (_freshness != null)
            {
                // Persist before acting: a reset right after must not reopen this frame for a replay.
                long latest = _receiver.LatestFreshness;
                _freshness.Advance(latest > uint.MaxValue ? uint.MaxValue : (uint)latest);
            }

            _receiver.CopyPayload(_payload, 0);
            int type = _payload[0];
            System.Array.Copy(_payload, 1, _parameters, 0, _parameters.Length);
            int verdict = Judge(type, nowMicros);
            if (verdict != CommandVerdict.Accepted)
            {
                _denied[verdict]++;
                if (_policy.IsDefined(type))
                {
                    _policy.Count(type, false);
                }

                Audit(AuditKind.CommandDenied, verdict, type, nowMicros);
                return 0;
            }

            _policy.Count(type, true);
            Audit(AuditKind.CommandAccepted, verdict, type, nowMicros);
            return type;
        }

        private int Judge(int type, long nowMicros)
        {
            if (!_policy.IsDefined(type) || type == CommandType.ProvisionKey || type == CommandType.RotateKey || type == CommandType.RevokeKey)
            {
                return CommandVerdict.UnknownCommand;
            }

            if (!ParametersFit(type))
            {
                return CommandVerdict.BadParameters;
            }

            if (Role == Commands.Role.BatteryMaker)
            {
                return CommandVerdict.MakerAlone;
            }

            if (!_policy.Allows(type, Role))
            {
                return CommandVerdict.RoleNotAllowed;
            }

            if (_policy.Threshold(type) > 1)
            {
                return CommandVerdict.BelowThreshold;
            }

            int needs = _policy.NeedsMask(type);
            if (needs != 0 && (needs & (1 << Role)) == 0)
            {
                return CommandVerdict.NeededRoleMissing;
            }

            int safety = _safety == null ? SafetyResult.Unknown : _safety.Check(type, nowMicros);
            if (safety == SafetyResult.Safe)
            {
                return CommandVerdict.Accepted;
            }

            return safety == SafetyResult.Stale ? CommandVerdict.StaleState
                : safety == SafetyResult.Unsafe ? CommandVerdict.Unsafe
                : CommandVerdict.UnknownState;
        }

        // The frame has room for 3 parameter bytes: the type's own length must fit, the rest must be zero,
        // and the values must pass the same range checks as in an envelope.
        private bool ParametersFit(int type)
        {
            for (int count = 0; count <= _parameters.Length; count++)
            {
                bool restZero = true;
                for (int i = count; i < _parameters.Length; i++)
                {
                    restZero = restZero && _parameters[i] == 0;
                }

                if (restZero && CommandParameters.Check(type, _parameters, 0, count) == CommandVerdict.Accepted)
                {
                    _parameterLength = count;
                    return true;
                }
            }

            return false;
        }

        private void Audit(int kind, int verdict, int type, long nowMicros)
        {
            if (_audit != null)
            {
                _detail[0] = (byte)type;
                _audit.Record(nowMicros, kind, verdict, _detail, 1);
            }
        }
    }
}
