namespace BmsGuard.Core.Telemetry
{
    /// <summary>How an aggregate window is reduced to one sample. Values travel in policy bundles: never renumber.</summary>
    public static class AggregateFunction
    {
        /// <summary>Smallest value of the window.</summary>
        public const int Min = 0;

        /// <summary>Largest value of the window.</summary>
        public const int Max = 1;

        /// <summary>Arithmetic mean, rounded half away from zero to the signal's units.</summary>
        public const int Mean = 2;

        /// <summary>The window's last value.</summary>
        public const int Last = 3;

        /// <summary>Number of functions.</summary>
        public const int Count = 4;

        /// <summary>Name for printing and parsing.</summary>
        public static string Name(int function)
        {
            switch (function)
            {
                case Min: return "min";
                case Max: return "max";
                case Mean: return "mean";
                case Last: return "last";
                default: return "function-" + function.ToString();
            }
        }

        /// <summary>The function with that name, or -1.</summary>
        public static int Parse(string name)
        {
            for (int f = 0; f < Count; f++)
            {
                if (Name(f) == name)
                {
                    return f;
                }
            }

            return -1;
        }
    }
}
