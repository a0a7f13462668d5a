namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// Outcome of <see cref="UdsInspector.Inspect"/> for one TCU to BMS frame. Only <see cref="Allowed"/>,
    /// <see cref="Continuation"/> and <see cref="FlowControl"/> let the frame through. Values are
    /// audit reasons: never renumber.
    /// </summary>
    public static class UdsVerdict
    {
        /// <summary>A request (single or first frame) the policy allows now.</summary>
        public const int Allowed = 0;

        /// <summary>A consecutive frame of an allowed request.</summary>
        public const int Continuation = 1;

        /// <summary>A flow control frame pacing a segmented answer the guard let through: carries no request.</summary>
        public const int FlowControl = 2;

        /// <summary>The service or session needs a (flashing) maintenance window and none is open.</summary>
        public const int DeniedNoWindow = 3;

        /// <summary>ReadDataByIdentifier with a DID that is not on the allowlist.</summary>
        public const int DeniedDid = 4;

        /// <summary>The service (or the diagnostic session) is not in the policy.</summary>
        public const int DeniedService = 5;

        /// <summary>ReadDataByIdentifier longer than a single frame: DIDs in later frames could not be checked first.</summary>
        public const int SegmentedRead = 6;

        /// <summary>The UDS request is malformed (too short, odd DID list).</summary>
        public const int Malformed = 7;

        /// <summary>The frame is not a valid ISO-TP frame for this channel (bad PCI or length, segmented functional request).</summary>
        public const int InvalidFrame = 8;

        /// <summary>A consecutive frame with no allowed first frame before it (or out of sequence, or too late).</summary>
        public const int OrphanConsecutive = 9;

        /// <summary>A window is open, but the vehicle state does not allow using it now (moving, stale or unknown state).</summary>
        public const int DeniedUnsafe = 10;

        /// <summary>Flow control from the TCU outside a segmented answer the guard let through.</summary>
        public const int OrphanFlowControl = 11;

        /// <summary>Number of verdicts (counters are indexed by value).</summary>
        public const int Count = 12;

        /// <summary>True for the verdicts that forward the frame.</summary>
        public static bool Forwards(int verdict)
        {
            return verdict == Allowed || verdict == Continuation || verdict == FlowControl;
        }

        /// <summary>Printable name, e.g. "denied-no-window".</summary>
        public static string Name(int verdict)
        {
            switch (verdict)
            {
                case Allowed: return "allowed";
                case Continuation: return "continuation";
                case FlowControl: return "flow-control";
                case DeniedNoWindow: return "denied-no-window";
                case DeniedDid: return "denied-did";
                case DeniedService: return "denied-service";
                case SegmentedRead: return "segmented-read";
                case Malformed: return "malformed";
                case InvalidFrame: return "invalid-frame";
                case OrphanConsecutive: return "orphan-consecutive";
                case DeniedUnsafe: return "denied-unsafe";
                case OrphanFlowControl: return "orphan-flow-control";
                default: return "verdict-" + verdict.ToString();
            }
        }
    }
}
