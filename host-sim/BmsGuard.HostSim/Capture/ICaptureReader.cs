namespace BmsGuard.HostSim.Capture;

/// <summary>
/// A streaming reader of one capture format: constant memory, refills the caller's frame, throws
/// <see cref="CaptureFormatException"/> naming the file and the line (text formats) or byte offset
/// (binary formats) on malformed input. Never returns a silently shortened result.
/// </summary>
public interface ICaptureReader : IDisposable
{
    /// <summary>Reads the next frame into <paramref name="frame"/>; false at the end of the capture.</summary>
    bool Read(CaptureFrame frame);

    /// <summary>Where the last frame came from, for error messages: line (text) or byte offset (binary).</summary>
    long Line { get; }

    /// <summary>Bytes of the underlying (uncompressed or compressed, as opened) stream consumed so far, for progress.</summary>
    long BytesConsumed { get; }
}

/// <summary>A streaming writer of one capture format.</summary>
public interface ICaptureWriter : IDisposable
{
    /// <summary>Writes one frame.</summary>
    void Write(CaptureFrame frame);

    /// <summary>Frames written.</summary>
    long Count { get; }
}
