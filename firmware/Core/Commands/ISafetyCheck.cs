namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Decides whether a command is safe in the vehicle's current state (the safety interlocks). The
    /// command guard asks it after the signatures check out and before anything reaches the BMS.
    /// </summary>
    public interface ISafetyCheck
    {
        /// <summary>
        /// <see cref="SafetyResult.Safe"/> when every interlock for <paramref name="commandType"/>
        /// holds on fresh state; otherwise why not. Unknown or stale state is never safe.
        /// </summary>
        int Check(int commandType, long nowMicros);
    }
}
