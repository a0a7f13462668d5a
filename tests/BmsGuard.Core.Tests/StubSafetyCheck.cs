using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Tests
{
    /// <summary>A safety check whose answer the test sets; counts its calls.</summary>
    public sealed class CommandSafetyStub : ISafetyCheck
    {
        public int Result = SafetyResult.Safe;
        public int Calls;
        public int LastType;

        /// <inheritdoc />
        public int Check(int commandType, long nowMicros)
        {
            Calls++;
            LastType = commandType;
            return Result;
        }
    }
}
