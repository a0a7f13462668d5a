namespace BmsGuard.Core.IsoTp
{
    /// <summary>
    /// Result of feeding one CAN frame to an <see cref="IsoTpReceiver"/>. Values from
    /// <see cref="FirstError"/> up are protocol errors (ISO 15765-2 N_Result-like): the message in
    /// progress, if any, is discarded and nothing is delivered.
    /// </summary>
    public enum IsoTpStatus
    {
        /// <summary>Frame accepted; more consecutive frames are expected.</summary>
        InProgress = 0,

        /// <summary>A first frame started a segmented message: send a flow control (clear to send).</summary>
        SendFlowControl = 1,

        /// <summary>A whole message is in the buffer (<see cref="IsoTpReceiver.MessageLength"/> bytes).</summary>
        Complete = 2,

        /// <summary>Boundary: this value and above are errors.</summary>
        FirstError = 16,

        /// <summary>The frame is not a valid N_PDU (unknown PCI type, length field out of range, frame too short).</summary>
        InvalidFrame = 16,

        /// <summary>A consecutive frame arrived while no segmented message was in progress.</summary>
        UnexpectedConsecutiveFrame = 17,

        /// <summary>A consecutive frame carried the wrong sequence number (lost, repeated or reordered frame).</summary>
        WrongSequenceNumber = 18,

        /// <summary>The announced message length exceeds the receive buffer: answer flow control Overflow.</summary>
        Overflow = 19,

        /// <summary>The gap before a consecutive frame exceeded N_Cr.</summary>
        Timeout = 20,

        /// <summary>
        /// A single or first frame arrived while a segmented message was in progress. Fail closed: both
        /// the unfinished message and the new frame are dropped; the sender repeats after its timeout.
        /// </summary>
        InterruptedByNewMessage = 21,

        /// <summary>A flow control frame arrived on the receive path (the guard never sends segmented data here).</summary>
        UnexpectedFlowControl = 22,
    }
}
