using BmsGuard.Core.Audit;
using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The only way a command reaches the BMS: takes a reassembled envelope (see <see cref="EnvelopeFormat"/>)
    /// and accepts it only when it is for this vehicle, fresh, signed by enough distinct allowed roles
    /// with known, unrevoked keys and new counters, and safe now. Checks run cheapest first and fail
    /// closed; every decision is counted and audited. The new counters (and key changes) are persisted
    /// before a command is accepted, so a reboot cannot make an envelope valid again. Not thread-safe:
    /// submit from one thread. Nothing is allocated per submission.
    /// </summary>
    public sealed class CommandGuard
    {
        private const int MaxDetail = 64;
        private const long MicrosPerSecond = 1000000;

        private readonly byte[] _vin = new byte[EnvelopeFormat.VinLength];
        private readonly KeyRing _keys;
        private readonly KeyRing _backup = new KeyRing();
        private readonly CommandPolicy _policy;
        private readonly GuardStateStore _state;
        private readonly ISafetyCheck _safety;
        private readonly IAuditTrail _audit;
        private readonly CommandEnvelope _envelope = new CommandEnvelope();
        private readonly AcceptedCommand _accepted = new AcceptedCommand();
        private readonly KeyCommands _keyCommands = new KeyCommands();
        private readonly HmacSha256 _hmac = new HmacSha256(new byte[EnvelopeFormat.SecretSize]);
        private readonly byte[] _mac = new byte[HmacSha256.MacSize];
        private readonly byte[] _slots = new byte[EnvelopeFormat.MaxSignatures];
        private readonly uint[] _verdicts = new uint[CommandVerdict.Count];
        private readonly byte[] _detail = new byte[MaxDetail];
        private readonly bool _rollback;
        private int _loadResult;
        private int _roleMask;
        private bool _addressed;
        private int _verified;

        /// <summary>Creates a guard and loads its state; see the overload with <c>bootMicros</c>.</summary>
        public CommandGuard(string vin, KeyRing keys, CommandPolicy policy, GuardStateStore state, ISafetyCheck safety, IAuditTrail audit)
            : this(vin, keys, policy, state, safety, audit, 0)
        {
        }

        /// <summary>
        /// Creates a guard for vehicle <paramref name="vin"/> and loads <paramref name="keys"/> from
        /// <paramref name="state"/>. A detected rollback is audited at <paramref name="bootMicros"/> and
        /// makes the guard deny everything. <paramref name="safety"/> may be null (every command is then
        /// denied as of unknown state); <paramref name="audit"/> may be null.
        /// </summary>
        /// <exception cref="System.ArgumentException">A bad VIN, or keys, policy or state is null.</exception>
        public CommandGuard(string vin, KeyRing keys, CommandPolicy policy, GuardStateStore state, ISafetyCheck safety, IAuditTrail audit, long bootMicros)
        {
            if (keys == null || policy == null || state == null)
            {
                throw new System.ArgumentException();
            }

            VehicleId.Write(vin, _vin, 0);
            _keys = keys;
            _policy = policy;
            _state = state;
            _safety = safety;
            _audit = audit;
            _loadResult = state.Load(keys);
            _rollback = LoadResult == StateLoad.RollbackDetected;
            if (_rollback && _audit != null)
            {
                // Why: the newest valid state generation found (0: none) and the anchor it fell below.
                EnvelopeFormat.WriteU32(_detail, 0, state.FoundGeneration);
                EnvelopeFormat.WriteU32(_detail, 4, state.AnchorAtLoad);
                _audit.Record(bootMicros, AuditKind.RollbackDetected, CommandVerdict.RollbackDetected, _detail, 8);
            }
        }

        /// <summary>What loading the state found (<see cref="StateLoad"/>).</summary>
        public int LoadResult
        {
            get { return _loadResult; }
        }

        /// <summary>True once the guard holds a key (and no rollback was detected).</summary>
        public bool IsProvisioned
        {
            get { return !_rollback && _keys.Count > 0; }
        }

        /// <summary>The command accepted by the last <see cref="Submit"/> (type 0 after a denial).</summary>
        public AcceptedCommand Accepted
        {
            get { return _accepted; }
        }

        /// <summary>The policy in force (its rows count decisions per type).</summary>
        public CommandPolicy Policy
        {
            get { return _policy; }
        }

        /// <summary>How many submissions ended with <paramref name="verdict"/>.</summary>
        public uint Count(int verdict)
        {
            return verdict >= 0 && verdict < CommandVerdict.Count ? _verdicts[verdict] : 0;
        }

        /// <summary>
        /// Checks <paramref name="length"/> bytes of <paramref name="envelope"/> at unix-epoch time
        /// <paramref name="nowMicros"/>; returns a <see cref="CommandVerdict"/> value. On
        /// <see cref="CommandVerdict.Accepted"/>, <see cref="Accepted"/> holds the command; key
        /// commands have already been carried out. Never throws on any input bytes.
        /// </summary>
        public int Submit(byte[] envelope, int length, long nowMicros)
        {
            _accepted.Clear();
            int verdict = Decide(envelope, length, nowMicros);
            if (verdict != CommandVerdict.Accepted && _addressed)
            {
                Spend();
            }

            _verdicts[verdict]++;
            int type = _envelope.Type;
            if (CommandParameters.IsKnown(type))
            {
                _policy.Count(type, verdict == CommandVerdict.Accepted);
            }

            if (verdict == CommandVerdict.Accepted)
            {
                _accepted.Set(_envelope, _roleMask);
            }

            if (_audit != null)
            {
                int n = DecisionDetail(envelope, length);
                _audit.Record(nowMicros, verdict == CommandVerdict.Accepted ? AuditKind.CommandAccepted : AuditKind.CommandDenied, verdict, _detail, n);
            }

            return verdict;
        }

        /// <summary>Installs the first owner key locally (bench or storage, never over the TCU); see the overload.</summary>
        public int ProvisionOwner(ushort keyId, byte[] secret32)
        {
            return ProvisionOwner(keyId, secret32, 0);
        }

        /// <summary>
        /// Installs the first owner key and persists it. Works only on an unprovisioned guard without a
        /// detected rollback; returns <see cref="CommandVerdict.Accepted"/> or why not.
        /// </summary>
        public int ProvisionOwner(ushort keyId, byte[] secret32, long nowMicros)
        {
            if (_rollback)
            {
                return CommandVerdict.RollbackDetected;
            }

            if (_keys.Count > 0)
            {
                return CommandVerdict.AlreadyProvisioned;
            }

            if (secret32 == null || secret32.Length != EnvelopeFormat.SecretSize)
            {
                return CommandVerdict.BadParameters;
            }

            _keys.Add(keyId, Role.Owner, secret32, 0);
            if (!_state.Save(_keys))
            {
                _keys.Clear();
                return CommandVerdict.StateWriteFailed;
            }

            RecordKeyChange(nowMicros, AuditKind.KeyProvisioned, keyId, keyId);
            return CommandVerdict.Accepted;
        }

        private int Decide(byte[] data, int length, long now)
        {
            _roleMask = 0;
            _addressed = false;
            _verified = 0;
            _envelope.Reset();
            if (_rollback)
            {
                return CommandVerdict.RollbackDetected;
            }

            if (_keys.Count == 0)
            {
                return CommandVerdict.Unprovisioned;
            }

            int verdict = _envelope.Parse(data, length);
            if (verdict != CommandVerdict.Accepted)
            {
                return verdict;
            }

            if (!_envelope.IsFor(_vin))
            {
                return CommandVerdict.WrongVehicle;
            }

            _addressed = true;

            verdict = CheckTime(now);
            if (verdict != CommandVerdict.Accepted)
            {
                return verdict;
            }

            for (int i = 0; i < _envelope.SignatureCount; i++)
            {
                verdict = CheckSignature(i);
                if (verdict != CommandVerdict.Accepted)
                {
                    return verdict;
                }

                _verified = i + 1;
            }

            verdict = CheckRoles();
            if (verdict != CommandVerdict.Accepted)
            {
                return verdict;
            }

            int type = _envelope.Type;
            if (KeyCommands.IsKeyCommand(type))
            {
                verdict = _keyCommands.Check(_envelope, _keys, _slots);
                if (verdict != CommandVerdict.Accepted)
                {
                    return verdict;
                }
            }

            verdict = CheckSafety(type, now);
            if (verdict != CommandVerdict.Accepted)
            {
                return verdict;
            }

            return Commit(now);
        }

        private int CheckTime(long now)
        {
            uint issued = _envelope.Issued;
            uint expires = _envelope.Expires;
            if ((issued * MicrosPerSecond) > now + (_policy.ClockSkewSeconds * MicrosPerSecond))
            {
                return CommandVerdict.NotYetValid;
            }

            if (now >= expires * MicrosPerSecond || expires <= issued)
            {
                return CommandVerdict.Expired;
            }

            return expires - issued > _policy.MaxLifetimeSeconds ? CommandVerdict.LifetimeTooLong : CommandVerdict.Accepted;
        }

        private int CheckSignature(int index)
        {
            int slot = _keys.Find(_envelope.SignatureKeyId(index));
            if (slot < 0)
            {
                return CommandVerdict.UnknownKey;
            }

            if (_keys.IsRevoked(slot))
            {
                return CommandVerdict.RevokedKey;
            }

            if (_envelope.SignatureRole(index) != _keys.RoleOf(slot))
            {
                return CommandVerdict.RoleMismatch;
            }

            if (_envelope.SignatureCounter(index) <= _keys.Counter(slot))
            {
                return CommandVerdict.Replayed;
            }

            byte[] data = _envelope.Data;
            _keys.KeyMac(_hmac, slot);
            EnvelopeMac.Compute(_hmac, data, _envelope.BodyLength, data, _envelope.SignatureOffset(index), _mac, 0);
            if (!FixedTime.Equals(_mac, 0, data, _envelope.SignatureMacOffset(index), HmacSha256.MacSize))
            {
                return CommandVerdict.BadMac;
            }

            _slots[index] = (byte)slot;
            return CommandVerdict.Accepted;
        }

        private int CheckRoles()
        {
            int type = _envelope.Type;
            int mask = 0;
            for (int i = 0; i < _envelope.SignatureCount; i++)
            {
                int bit = 1 << _keys.RoleOf(_slots[i]);
                if ((mask & bit) != 0)
                {
                    return CommandVerdict.DuplicateRole;
                }

                mask |= bit;
            }

            for (int role = 0; role < Role.Count; role++)
            {
                if ((mask & (1 << role)) != 0 && !_policy.Allows(type, role))
                {
                    return CommandVerdict.RoleNotAllowed;
                }
            }

            // Hard rules, not policy: whatever the table says, the maker's cloud cannot command alone,
            // and its signature never counts toward a threshold.
            if (mask == (1 << Role.BatteryMaker))
            {
                return CommandVerdict.MakerAlone;
            }

            if (CommandPolicy.RoleCount(CommandPolicy.CountingRoles(mask)) < _policy.Threshold(type))
            {
                return CommandVerdict.BelowThreshold;
            }

            int needs = _policy.NeedsMask(type);
            if (needs != 0 && (mask & needs) == 0)
            {
                return CommandVerdict.NeededRoleMissing;
            }

            _roleMask = mask;
            return CommandVerdict.Accepted;
        }

        // Every type is asked: which types are safe in every state is the interlock table's decision
        // (its explicit "always" rows), so no policy row can switch a check off.
        private int CheckSafety(int type, long now)
        {
            if (_safety == null)
            {
                return CommandVerdict.UnknownState;
            }

            switch (_safety.Check(type, now))
            {
                case SafetyResult.Safe: return CommandVerdict.Accepted;
                case SafetyResult.Unsafe: return CommandVerdict.Unsafe;
                case SafetyResult.Stale: return CommandVerdict.StaleState;
                default: return CommandVerdict.UnknownState;
            }
        }

        private int Commit(long now)
        {
            _backup.CopyFrom(_keys);
            for (int i = 0; i < _envelope.SignatureCount; i++)
            {
                _keys.SetCounter(_slots[i], _envelope.SignatureCounter(i));
            }

            int keyKind = 0;
            int keyId = 0;
            if (KeyCommands.IsKeyCommand(_envelope.Type))
            {
                keyKind = _keyCommands.Apply(_envelope, _keys, _slots[0], out keyId);
            }

            if (!_state.Save(_keys))
            {
                // Nothing changes when it cannot be made durable: a reboot must not undo an accepted command.
                _keys.CopyFrom(_backup);
                return CommandVerdict.StateWriteFailed;
            }

            if (keyKind != 0)
            {
                RecordKeyChange(now, keyKind, keyId, _keys.KeyId(_slots[0]));
            }

            return CommandVerdict.Accepted;
        }

        /// <summary>
        /// A judged envelope is spent whatever the verdict: the counter of every signature that verifies
        /// advances, so the TCU cannot hold a denied envelope back and deliver it later, when the vehicle
        /// state (or the clock) would let it pass. Envelopes for another vehicle are not judged here.
        /// </summary>
        private void Spend()
        {
            int spend = 0;
            for (int i = 0; i < _envelope.SignatureCount; i++)
            {
                if (i < _verified || CheckSignature(i) == CommandVerdict.Accepted)
                {
                    spend |= 1 << i;
                }
            }

            if (spend == 0)
            {
                return;
            }

            _backup.CopyFrom(_keys);
            for (int i = 0; i < _envelope.SignatureCount; i++)
            {
                uint counter = _envelope.SignatureCounter(i);
                if ((spend & (1 << i)) != 0 && counter > _keys.Counter(_slots[i]))
                {
                    _keys.SetCounter(_slots[i], counter);
                }
            }

            if (!_state.Save(_keys))
            {
                _keys.CopyFrom(_backup);
            }
        }

        private void RecordKeyChange(long now, int kind, int keyId, int issuerKeyId)
        {
            if (_audit == null)
            {
                return;
            }

            int slot = _keys.Find(keyId);
            EnvelopeFormat.WriteU16(_detail, 0, keyId);
            _detail[2] = (byte)(slot < 0 ? 0xFF : _keys.RoleOf(slot));
            EnvelopeFormat.WriteU16(_detail, 3, issuerKeyId);
            _audit.Record(now, kind, CommandVerdict.Accepted, _detail, 5);
        }

        /// <summary>Audit detail of a decision: type, signature count, then key id (u16) and counter (u32) per signature.</summary>
        private int DecisionDetail(byte[] data, int length)
        {
            System.Array.Clear(_detail, 0, MaxDetail);
            _detail[0] = data != null && length > EnvelopeFormat.TypeOffset && data.Length > EnvelopeFormat.TypeOffset
                ? data[EnvelopeFormat.TypeOffset]
                : (byte)0;
            int signatures = _envelope.SignatureCount;
            _detail[1] = (byte)signatures;
            int n = 2;
            for (int i = 0; i < signatures; i++)
            {
                EnvelopeFormat.WriteU16(_detail, n, _envelope.SignatureKeyId(i));
                EnvelopeFormat.WriteU32(_detail, n + 2, _envelope.SignatureCounter(i));
                n += 6;
            }

            return n;
        }
    }
}
