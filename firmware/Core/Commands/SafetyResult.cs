namespace BmsGuard.Core.Commands
{
    /// <summary>Outcomes of <see cref="ISafetyCheck.Check"/>.</summary>
    public static class SafetyResult
    {
        /// <summary>Every interlock holds on fresh state.</summary>
        public const int Safe = 0;

        /// <summary>A condition is false on fresh state (e.g. the vehicle is moving).</summary>
        public const int Unsafe = 1;

        /// <summary>A signal the condition needs is older than its limit.</summary>
        public const int Stale = 2;

        /// <summary>A signal the condition needs was never seen.</summary>
        public const int Unknown = 3;
    }
}
