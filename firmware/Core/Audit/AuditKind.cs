namespace BmsGuard.Core.Audit
{
    /// <summary>What an audit record is about. Values are stored in the log: never renumber.</summary>
    public static class AuditKind
    {
        /// <summary>The guard started; detail: firmware version, state generation.</summary>
        public const int Boot = 1;

        /// <summary>A signed command was accepted and executed.</summary>
        public const int CommandAccepted = 2;

        /// <summary>A command was denied; reason says why.</summary>
        public const int CommandDenied = 3;

        /// <summary>A maintenance window opened (detail: expiry).</summary>
        public const int WindowOpened = 4;

        /// <summary>A maintenance window closed (expired or closed by command).</summary>
        public const int WindowClosed = 5;

        /// <summary>A key was provisioned.</summary>
        public const int KeyProvisioned = 6;

        /// <summary>A key was rotated.</summary>
        public const int KeyRotated = 7;

        /// <summary>A key was revoked.</summary>
        public const int KeyRevoked = 8;

        /// <summary>A UDS request from the TCU side was let through.</summary>
        public const int UdsAllowed = 9;

        /// <summary>A UDS request from the TCU side was denied.</summary>
        public const int UdsDenied = 10;

        /// <summary>A SecOC-protected single-frame command was accepted.</summary>
        public const int SecOcAccepted = 11;

        /// <summary>A SecOC-protected single-frame command was denied.</summary>
        public const int SecOcDenied = 12;

        /// <summary>Stored state went backwards (storage rollback): the guard fails closed.</summary>
        public const int RollbackDetected = 13;

        /// <summary>Telemetry was published (detail: topic digest, size, payload digest).</summary>
        public const int Publish = 14;

        /// <summary>A policy bundle was loaded or refused.</summary>
        public const int PolicyLoaded = 15;

        /// <summary>
        /// The audit log found a torn tail (cut off) or a broken chain (kept as evidence) when it was
        /// opened; reason: <see cref="AuditProblem"/>; detail: own offset, problem offset, bytes (3 x u32 BE).
        /// </summary>
        public const int LogRecovered = 16;

        /// <summary>An accepted command could not be executed (no native frame for it, parameters short, BMS bus refused).</summary>
        public const int CommandNotExecuted = 17;

        /// <summary>SecOC frames are refused unverified after too many authentication failures; reason: the failures counted; detail: lockout length in microseconds (u64 BE).</summary>
        public const int SecOcLockoutStarted = 18;

        /// <summary>A SecOC lockout ended; detail: frames it refused (u64 BE).</summary>
        public const int SecOcLockoutEnded = 19;

        /// <summary>A port went over its receive budget and is not read for a while; reason: the port; detail: frames counted in the window, window and pause in ms (3 x u32 BE).</summary>
        public const int ReceivePaused = 20;

        /// <summary>A receive pause ended; reason: the port; detail: frames dropped unjudged, window and pause in ms (3 x u32 BE).</summary>
        public const int ReceiveResumed = 21;

        /// <summary>Records of a budgeted kind were counted and not written (<see cref="AuditBudget"/>); reason: that kind; detail: count (u32 BE), first and last time in µs (2 x u64 BE).</summary>
        public const int RecordsSuppressed = 22;

        /// <summary>
        /// A step of the device's main loop threw (<see cref="Faults.LoopFaults"/>); reason: the step (<see cref="Faults.LoopStep"/>);
        /// detail: the fault's class (<see cref="Faults.FaultClass"/>), 1 when the device restarts, the step's faults since
        /// boot and the faults not recorded before this one (1 + 1 + 2 x u32 BE).
        /// </summary>
        public const int LoopFault = 23;

        /// <summary>Name of a kind for printing ("kind-N" for unknown values).</summary>
        public static string Name(int kind)
        {
            switch (kind)
            {
                case Boot: return "boot";
                case CommandAccepted: return "command-accepted";
                case CommandDenied: return "command-denied";
                case WindowOpened: return "window-opened";
                case WindowClosed: return "window-closed";
                case KeyProvisioned: return "key-provisioned";
                case KeyRotated: return "key-rotated";
                case KeyRevoked: return "key-revoked";
                case UdsAllowed: return "uds-allowed";
                case UdsDenied: return "uds-denied";
                case SecOcAccepted: return "secoc-accepted";
                case SecOcDenied: return "secoc-denied";
                case RollbackDetected: return "rollback-detected";
                case Publish: return "publish";
                case PolicyLoaded: return "policy-loaded";
                case LogRecovered: return "log-recovered";
                case CommandNotExecuted: return "command-not-executed";
                case SecOcLockoutStarted: return "secoc-lockout-started";
                case SecOcLockoutEnded: return "secoc-lockout-ended";
                case ReceivePaused: return "receive-paused";
                case ReceiveResumed: return "receive-resumed";
                case RecordsSuppressed: return "records-suppressed";
                case LoopFault: return "loop-fault";
                default: return "kind-" + kind.ToString();
            }
        }
    }
}
