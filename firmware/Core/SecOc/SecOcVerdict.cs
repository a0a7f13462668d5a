namespace BmsGuard.Core.SecOc
{
    /// <summary>
    /// Outcomes of <see cref="SecOcReceiver.Receive"/>. Values are stored in the audit log as the reason
    /// code: never renumber.
    /// </summary>
    public static class SecOcVerdict
    {
        /// <summary>The MAC is valid for a freshness value newer than the latest accepted one.</summary>
        public const int Accepted = 0;

        /// <summary>Not an 8-byte frame.</summary>
        public const int Malformed = 1;

        /// <summary>No freshness value in the acceptance windows gives a valid MAC (forged, corrupted, wrong key, or too many frames missed).</summary>
        public const int BadMac = 2;

        /// <summary>The MAC is valid for a freshness value at or below the latest accepted one: a replay.</summary>
        public const int Replayed = 3;

        /// <summary>No key is provisioned: every frame is denied.</summary>
        public const int Unprovisioned = 4;

        /// <summary>The frame is not on the configured identifier.</summary>
        public const int WrongId = 5;

        /// <summary>The freshness counter cannot advance any more (it would pass 2^63 - 1): provision a new key.</summary>
        public const int FreshnessExhausted = 6;

        /// <summary>Refused unverified: too many authentication failures came before (see <see cref="SecOcLockout"/>).</summary>
        public const int LockedOut = 7;

        /// <summary>Number of verdicts (counter tables are sized by it).</summary>
        public const int Count = 8;

        /// <summary>Name for printing ("verdict-N" for unknown values).</summary>
        public static string Name(int verdict)
        {
            switch (verdict)
            {
                case Accepted: return "accepted";
                case Malformed: return "malformed";
                case BadMac: return "bad-mac";
                case Replayed: return "replayed";
                case Unprovisioned: return "unprovisioned";
                case WrongId: return "wrong-id";
                case FreshnessExhausted: return "freshness-exhausted";
                case LockedOut: return "locked-out";
                default: return "verdict-" + verdict.ToString();
            }
        }
    }
}
