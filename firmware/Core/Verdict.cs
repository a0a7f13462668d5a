namespace BmsGuard.Core
{
    /// <summary>
    /// Outcome of one gateway decision. <see cref="Forward"/> is the only value that lets a frame
    /// through; every other value is a drop reason and has its own counter.
    /// </summary>
    public enum Verdict
    {
        /// <summary>The frame matched a rule and was forwarded (possibly edited).</summary>
        Forward = 0,

        /// <summary>BMS to TCU: no allowlist rule matches the identifier.</summary>
        NotAllowed = 1,

        /// <summary>The matching rule's minimum interval for this identifier has not elapsed.</summary>
        RateLimited = 2,

        /// <summary>A remote (RTR) frame matched a rule that does not allow remote frames.</summary>
        RemoteNotAllowed = 3,

        /// <summary>TCU to BMS: the frame is on no guarded channel (commands, UDS), so it never reaches the BMS.</summary>
        TcuDefaultDeny = 4,

        /// <summary>The per-identifier rate state table is full; fail closed rather than forget a limit.</summary>
        RateStateFull = 5,

        /// <summary>The frame is not a valid classic CAN frame (length over 8, identifier out of range).</summary>
        Malformed = 6,

        /// <summary>The outbound queue toward the destination bus was full.</summary>
        QueueFull = 7,

        /// <summary>TCU side: a segment of a signed command on the guard's command channel, consumed by the guard (the command's own decision is audited separately).</summary>
        CommandSegment = 8,

        /// <summary>TCU side: an ISO-TP protocol error on the command channel; the command in progress is discarded.</summary>
        CommandChannelError = 9,

        /// <summary>TCU side: a UDS request (or a segment of one) denied; a negative response goes back where that is safe.</summary>
        UdsDenied = 10,

        /// <summary>TCU side: a SecOC-protected single-frame command that failed authentication or freshness.</summary>
        SecOcDenied = 11,

        /// <summary>TCU side: an authenticated command frame, executed by the guard (it sends the BMS its native command itself).</summary>
        CommandExecuted = 12,

        /// <summary>BMS to TCU: the owner's telemetry policy allows no signal of this frame (its rule would have forwarded it).</summary>
        PolicyWithheld = 13,

        /// <summary>BMS to TCU: a diagnostic response with no request let through in the last 5 s (unsolicited).</summary>
        UdsResponseUnsolicited = 14,

        /// <summary>Either side: the port went over its receive budget (a flood); frames its controller still held when the pause ended, dropped unjudged (see <see cref="ReceiveBudget"/>).</summary>
        ReceivePaused = 15,

        /// <summary>
        /// Either side: reading or deciding the frame threw (a defect, or a driver failure). Dropped and counted; the rest of
        /// that drain waits for the next receive event or poll, and the board's main loop records the fault (loop step receive).
        /// </summary>
        ReceiveFault = 16,
    }

    /// <summary>Stable, printable names for <see cref="Verdict"/> values (used in logs and summaries).</summary>
    public static class VerdictNames
    {
        /// <summary>Number of distinct verdicts; counters are indexed by the verdict value.</summary>
        public const int Count = 17;

        private static readonly string[] Names = new string[]
        {
            "forward",
            "not-allowed",
            "rate-limited",
            "remote-not-allowed",
            "tcu-default-deny",
            "rate-state-full",
            "malformed",
            "queue-full",
            "command-segment",
            "command-channel-error",
            "uds-denied",
            "secoc-denied",
            "command-executed",
            "policy-withheld",
            "uds-response-unsolicited",
            "receive-paused",
            "receive-fault",
        };

        /// <summary>Returns the log name of a verdict, e.g. "rate-limited".</summary>
        public static string Name(Verdict verdict)
        {
            int i = (int)verdict;
            return i >= 0 && i < Count ? Names[i] : "unknown";
        }
    }
}
