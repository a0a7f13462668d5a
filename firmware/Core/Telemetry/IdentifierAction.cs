namespace BmsGuard.Core.Telemetry
{
    /// <summary>What the telemetry policy does with an identifier. Values travel in policy bundles: never renumber.</summary>
    public static class IdentifierAction
    {
        /// <summary>Never leaves the vehicle.</summary>
        public const int Drop = 0;

        /// <summary>Leaves as HMAC-SHA256(pseudonym key, raw bytes), truncated: the owner can correlate, nobody else can invert it.</summary>
        public const int Pseudonymize = 1;

        /// <summary>Name for printing and parsing.</summary>
        public static string Name(int action)
        {
            return action == Drop ? "drop" : action == Pseudonymize ? "pseudonymize" : "action-" + action.ToString();
        }

        /// <summary>The action with that name, or -1.</summary>
        public static int Parse(string name)
        {
            return name == "drop" ? Drop : name == "pseudonymize" ? Pseudonymize : -1;
        }
    }
}
