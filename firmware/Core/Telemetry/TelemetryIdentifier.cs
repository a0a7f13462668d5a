namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// An identifier (battery serial, VIN, location, ...) assembled from one or more signals, its parts: each
    /// part's raw value, most significant byte first, in part order. It is dropped, or leaves only as a
    /// pseudonym: HMAC-SHA256(pseudonym key, raw bytes) truncated to <see cref="PseudonymBytes"/>.
    /// </summary>
    public sealed class TelemetryIdentifier
    {
        /// <summary>Longest identifier in raw bytes.</summary>
        public const int MaxRawBytes = 64;

        /// <summary>Most parts an identifier may have.</summary>
        public const int MaxParts = 32;

        /// <summary>Shortest pseudonym in bytes (RFC 2104 advises at least half the hash; 8 bytes keeps collisions negligible per fleet).</summary>
        public const int MinPseudonymBytes = 8;

        /// <summary>Identifier name.</summary>
        public readonly string Name;

        /// <summary>One of <see cref="IdentifierAction"/>.</summary>
        public readonly int Action;

        /// <summary>Pseudonym length, <see cref="MinPseudonymBytes"/>..32 (0 when dropped).</summary>
        public readonly int PseudonymBytes;

        /// <summary>Re-emit an unchanged identifier after this long; 0 emits only when it changes.</summary>
        public readonly long EveryMicros;

        /// <summary>Creates an identifier; see <see cref="Check"/>.</summary>
        /// <exception cref="System.ArgumentException">An argument is out of range.</exception>
        public TelemetryIdentifier(string name, int action, int pseudonymBytes, long everyMicros)
        {
            if (Check(name, action, pseudonymBytes, everyMicros) != null)
            {
                throw new System.ArgumentException();
            }

            Name = name;
            Action = action;
            PseudonymBytes = pseudonymBytes;
            EveryMicros = everyMicros;
        }

        /// <summary>Why these parameters are invalid, or null.</summary>
        public static string Check(string name, int action, int pseudonymBytes, long everyMicros)
        {
            if (name == null || name.Length == 0 || name.Length > TelemetrySignal.MaxText)
            {
                return "an identifier needs a name of 1..64 characters";
            }

            if (action == IdentifierAction.Drop)
            {
                return pseudonymBytes != 0 || everyMicros != 0 ? "a dropped identifier takes no bytes or every" : null;
            }

            if (action != IdentifierAction.Pseudonymize)
            {
                return "identifier action must be drop or pseudonymize";
            }

            if (pseudonymBytes < MinPseudonymBytes || pseudonymBytes > Crypto.HmacSha256.MacSize)
            {
                return "pseudonym bytes must be 8..32";
            }

            return everyMicros < 0 ? "every must not be negative" : null;
        }
    }
}
