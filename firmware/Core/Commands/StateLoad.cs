namespace BmsGuard.Core.Commands
{
    /// <summary>Outcomes of <see cref="GuardStateStore.Load"/>.</summary>
    public static class StateLoad
    {
        /// <summary>No state stored and none ever was (anchor 0): a new, unprovisioned board.</summary>
        public const int Empty = 0;

        /// <summary>The newest valid record was loaded.</summary>
        public const int Loaded = 1;

        /// <summary>The stored state is older than the anchor says it must be: storage was rolled back.</summary>
        public const int RollbackDetected = 2;

        /// <summary>Name for printing.</summary>
        public static string Name(int result)
        {
            switch (result)
            {
                case Empty: return "empty";
                case Loaded: return "loaded";
                case RollbackDetected: return "rollback-detected";
                default: return "state-load-" + result.ToString();
            }
        }
    }
}
