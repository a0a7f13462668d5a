namespace BmsGuard.HostSim.Capture;

/// <summary>
/// One frame from a capture, mutable so readers can refill the same instance without allocating.
/// Timestamps are integer nanoseconds since the Unix epoch: no floating-point drift.
/// </summary>
public sealed class CaptureFrame
{
    /// <summary>Largest payload (CAN FD).</summary>
    public const int MaxData = 64;

    /// <summary>Time since the Unix epoch, in nanoseconds.</summary>
    public long TimestampNanos { get; set; }

    /// <summary>Interface name as recorded, e.g. "can0".</summary>
    public string Channel { get; set; } = "";

    /// <summary>Identifier (11 or 29 bits; for error frames, the error class bits).</summary>
    public uint Id { get; set; }

    /// <summary>True for a 29-bit identifier.</summary>
    public bool Extended { get; set; }

    /// <summary>True for a remote (RTR) frame.</summary>
    public bool Remote { get; set; }

    /// <summary>True for an error frame (CAN_ERR_FLAG).</summary>
    public bool Error { get; set; }

    /// <summary>True for a CAN FD frame.</summary>
    public bool Fd { get; set; }

    /// <summary>CAN FD bit rate switch flag.</summary>
    public bool BitRateSwitch { get; set; }

    /// <summary>CAN FD error state indicator flag.</summary>
    public bool ErrorStateIndicator { get; set; }

    /// <summary>
    /// True when the recording node sent the frame (Tx), false when it received it (Rx, also the
    /// default for formats that record no direction).
    /// </summary>
    public bool Transmit { get; set; }

    /// <summary>Payload length in bytes (for remote frames: the requested length).</summary>
    public int Length { get; set; }

    /// <summary>
    /// Raw DLC 9..15 of a classic 8-byte frame when the capture recorded one (candump's "_X"
    /// suffix), else 0.
    /// </summary>
    public int Len8Dlc { get; set; }

    /// <summary>Payload buffer; only the first <see cref="Length"/> bytes are meaningful.</summary>
    public byte[] Data { get; } = new byte[MaxData];

    /// <summary>The payload as a new array.</summary>
    public byte[] DataCopy() => Data.AsSpan(0, Remote ? 0 : Length).ToArray();

    /// <summary>Copies every field of <paramref name="other"/> into this frame.</summary>
    public void CopyFrom(CaptureFrame other)
    {
        TimestampNanos = other.TimestampNanos;
        Channel = other.Channel;
        Id = other.Id;
        Extended = other.Extended;
        Remote = other.Remote;
        Error = other.Error;
        Fd = other.Fd;
        BitRateSwitch = other.BitRateSwitch;
        ErrorStateIndicator = other.ErrorStateIndicator;
        Transmit = other.Transmit;
        Length = other.Length;
        Len8Dlc = other.Len8Dlc;
        other.Data.AsSpan(0, other.Length).CopyTo(Data);
    }
}
