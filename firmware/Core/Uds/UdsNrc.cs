namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// Negative response codes the inspector answers with (ISO 14229-1 annex A.1), chosen so a tester
    /// learns only what it needs: the service is not offered here, the window is closed, the DID is not
    /// readable, or the request is malformed.
    /// </summary>
    public static class UdsNrc
    {
        /// <summary>serviceNotSupported: the service is not in the policy at all.</summary>
        public const int ServiceNotSupported = 0x11;

        /// <summary>subFunctionNotSupported: the diagnostic session is not in the policy at all.</summary>
        public const int SubFunctionNotSupported = 0x12;

        /// <summary>incorrectMessageLengthOrInvalidFormat: the request is too short or its DID list is odd.</summary>
        public const int IncorrectMessageLength = 0x13;

        /// <summary>conditionsNotCorrect: allowed only inside a (flashing) maintenance window, which is closed.</summary>
        public const int ConditionsNotCorrect = 0x22;

        /// <summary>requestOutOfRange: a DID is not on the allowlist, or too many DIDs for one frame.</summary>
        public const int RequestOutOfRange = 0x31;
    }
}
