namespace BmsGuard.Core.Telemetry
{
    /// <summary>Why a policy bundle was accepted or refused. Values are counted and may be audited: never renumber.</summary>
    public static class BundleReason
    {
        /// <summary>Verified, newer, for this vehicle: now the active policy.</summary>
        public const int Accepted = 0;

        /// <summary>Shorter than its header says, or longer.</summary>
        public const int Truncated = 1;

        /// <summary>Not a policy bundle (magic).</summary>
        public const int BadMagic = 2;

        /// <summary>A bundle format this firmware does not know.</summary>
        public const int UnsupportedFormat = 3;

        /// <summary>No signature (key id 0, no tag).</summary>
        public const int Unsigned = 4;

        /// <summary>Signed by a key id that is not a provisioned owner key (a foreign signer).</summary>
        public const int UnknownKey = 5;

        /// <summary>The tag does not verify: tampered, or signed with another secret.</summary>
        public const int BadTag = 6;

        /// <summary>Made for another vehicle (VIN).</summary>
        public const int ForeignVehicle = 7;

        /// <summary>Not newer than the active policy (or than the monotonic anchor): a replay or a rollback.</summary>
        public const int NotNewer = 8;

        /// <summary>Signed, but the body does not decode into a valid policy.</summary>
        public const int BadBody = 9;

        /// <summary>Larger than <see cref="TelemetryBundle.MaxSize"/>.</summary>
        public const int TooLarge = 10;

        /// <summary>Storage holds no bundle.</summary>
        public const int NoBundle = 11;

        /// <summary>
        /// Raises the version by more than <see cref="PolicyStore.MaxVersionStep"/> over the active policy (or
        /// the anchor): one bundle must not use up the version space and so block every later update.
        /// </summary>
        public const int VersionJump = 12;

        /// <summary>Number of reasons.</summary>
        public const int Count = 13;

        /// <summary>Name for printing.</summary>
        public static string Name(int reason)
        {
            switch (reason)
            {
                case Accepted: return "accepted";
                case Truncated: return "truncated";
                case BadMagic: return "bad-magic";
                case UnsupportedFormat: return "unsupported-format";
                case Unsigned: return "unsigned";
                case UnknownKey: return "unknown-key";
                case BadTag: return "bad-tag";
                case ForeignVehicle: return "foreign-vehicle";
                case NotNewer: return "not-newer";
                case BadBody: return "bad-body";
                case TooLarge: return "too-large";
                case NoBundle: return "no-bundle";
                case VersionJump: return "version-jump";
                default: return "reason-" + reason.ToString();
            }
        }
    }
}
