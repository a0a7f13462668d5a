namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Outcomes of <see cref="CommandGuard.Submit"/>: <see cref="Accepted"/> or why the envelope was
    /// denied. Values are stored in the audit log as the record's reason: never renumber.
    /// </summary>
    public static class CommandVerdict
    {
        /// <summary>Every check passed; the command may be executed.</summary>
        public const int Accepted = 0;

        /// <summary>The bytes are not an envelope (too short, bad lengths, trailing bytes).</summary>
        public const int Malformed = 1;

        /// <summary>The envelope's version byte is not 1.</summary>
        public const int BadVersion = 2;

        /// <summary>The command type is not one of <see cref="CommandType"/>.</summary>
        public const int UnknownCommand = 3;

        /// <summary>The parameters do not fit the command type (length or range).</summary>
        public const int BadParameters = 4;

        /// <summary>The envelope names another vehicle.</summary>
        public const int WrongVehicle = 5;

        /// <summary>Issued later than now plus the allowed clock skew.</summary>
        public const int NotYetValid = 6;

        /// <summary>Now is at or past the expiry (or the expiry is not after the issue time).</summary>
        public const int Expired = 7;

        /// <summary>Expiry minus issue time exceeds the policy's maximum lifetime.</summary>
        public const int LifetimeTooLong = 8;

        /// <summary>A signature names a key id the key ring does not hold.</summary>
        public const int UnknownKey = 9;

        /// <summary>A signature uses a revoked key.</summary>
        public const int RevokedKey = 10;

        /// <summary>A signature claims a role other than its key's.</summary>
        public const int RoleMismatch = 11;

        /// <summary>A signature's MAC is wrong.</summary>
        public const int BadMac = 12;

        /// <summary>A signature's counter is not above the last one accepted for its key.</summary>
        public const int Replayed = 13;

        /// <summary>Two signatures come from the same role.</summary>
        public const int DuplicateRole = 14;

        /// <summary>A signer's role may not send this command type.</summary>
        public const int RoleNotAllowed = 15;

        /// <summary>Fewer distinct roles signed than the policy's threshold for the type.</summary>
        public const int BelowThreshold = 16;

        /// <summary>Only the battery maker signed (a hard rule, whatever the policy says).</summary>
        public const int MakerAlone = 17;

        /// <summary>Key management on a key the issuer does not outrank, or a co-signer ranks above the issuer.</summary>
        public const int RankTooLow = 18;

        /// <summary>The safety check says the command is unsafe now.</summary>
        public const int Unsafe = 19;

        /// <summary>A signal the safety check needs is stale.</summary>
        public const int StaleState = 20;

        /// <summary>A signal the safety check needs is unknown, or an interlocked type has no safety check.</summary>
        public const int UnknownState = 21;

        /// <summary>The guard holds no key: it accepts nothing.</summary>
        public const int Unprovisioned = 22;

        /// <summary>Stored state went backwards: the guard accepts nothing until re-provisioned on the bench.</summary>
        public const int RollbackDetected = 23;

        /// <summary>The new counters or keys could not be persisted; nothing changed.</summary>
        public const int StateWriteFailed = 24;

        /// <summary>Provisioning a key id that is already in the ring (revoked ids stay taken).</summary>
        public const int KeyIdInUse = 25;

        /// <summary>Provisioning into a full key ring.</summary>
        public const int KeyRingFull = 26;

        /// <summary>Revoking a key id the ring does not hold.</summary>
        public const int TargetKeyUnknown = 27;

        /// <summary>Local owner provisioning on a guard that already holds keys.</summary>
        public const int AlreadyProvisioned = 28;

        /// <summary>None of the roles the policy row names in <c>needs=</c> signed.</summary>
        public const int NeededRoleMissing = 29;

        /// <summary>Number of verdict values (tables of per-verdict counters are sized by it).</summary>
        public const int Count = 30;

        /// <summary>Name for printing ("verdict-N" for unknown values).</summary>
        public static string Name(int verdict)
        {
            switch (verdict)
            {
                case Accepted: return "accepted";
                case Malformed: return "malformed";
                case BadVersion: return "bad-version";
                case UnknownCommand: return "unknown-command";
                case BadParameters: return "bad-parameters";
                case WrongVehicle: return "wrong-vehicle";
                case NotYetValid: return "not-yet-valid";
                case Expired: return "expired";
                case LifetimeTooLong: return "lifetime-too-long";
                case UnknownKey: return "unknown-key";
                case RevokedKey: return "revoked-key";
                case RoleMismatch: return "role-mismatch";
                case BadMac: return "bad-mac";
                case Replayed: return "replayed";
                case DuplicateRole: return "duplicate-role";
                case RoleNotAllowed: return "role-not-allowed";
                case BelowThreshold: return "below-threshold";
                case MakerAlone: return "maker-alone";
                case RankTooLow: return "rank-too-low";
                case Unsafe: return "unsafe";
                case StaleState: return "stale-state";
                case UnknownState: return "unknown-state";
                case Unprovisioned: return "unprovisioned";
                case RollbackDetected: return "rollback-detected";
                case StateWriteFailed: return "state-write-failed";
                case KeyIdInUse: return "key-id-in-use";
                case KeyRingFull: return "key-ring-full";
                case TargetKeyUnknown: return "target-key-unknown";
                case AlreadyProvisioned: return "already-provisioned";
                case NeededRoleMissing: return "needed-role-missing";
                default: return "verdict-" + verdict.ToString();
            }
        }
    }
}
