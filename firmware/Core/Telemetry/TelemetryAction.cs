namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// What the telemetry policy does with one signal. Values travel in policy bundles: never renumber.
    /// </summary>
    public static class TelemetryAction
    {
        /// <summary>Every observation becomes a sample (optionally quantized and rate-gated).</summary>
        public const int Forward = 0;

        /// <summary>Never leaves: no sample, and its bits are blanked in frames forwarded to the TCU.</summary>
        public const int Drop = 1;

        /// <summary>Like forward, rounded to a multiple of the step.</summary>
        public const int Quantize = 2;

        /// <summary>At most one sample per minimum interval.</summary>
        public const int Downsample = 3;

        /// <summary>One sample per window: min, max, mean or last of the window's observations.</summary>
        public const int Aggregate = 4;

        /// <summary>Samples are held back for a fixed time (in a small ring) before they are emitted.</summary>
        public const int Delay = 5;

        /// <summary>Part of an identifier (battery serial, VIN, ...): handled by its <see cref="TelemetryIdentifier"/>, blanked toward the TCU.</summary>
        public const int Identifier = 6;

        /// <summary>Number of actions.</summary>
        public const int Count = 7;

        /// <summary>Name for printing and parsing.</summary>
        public static string Name(int action)
        {
            switch (action)
            {
                case Forward: return "forward";
                case Drop: return "drop";
                case Quantize: return "quantize";
                case Downsample: return "downsample";
                case Aggregate: return "aggregate";
                case Delay: return "delay";
                case Identifier: return "identifier";
                default: return "action-" + action.ToString();
            }
        }

        /// <summary>The action with that name, or -1.</summary>
        public static int Parse(string name)
        {
            for (int a = 0; a < Count; a++)
            {
                if (Name(a) == name)
                {
                    return a;
                }
            }

            return -1;
        }

        /// <summary>True when the signal's bits may stay in frames forwarded to the TCU.</summary>
        public static bool AllowedOnBus(int action)
        {
            return action != Drop && action != Identifier;
        }
    }
}
