namespace BmsGuard.HostSim.Capture;

/// <summary>How a capture writer treats its stream and what it assumes: one record for every writer, in place of flags.</summary>
public sealed record CaptureWriterOptions
{
    /// <summary>Close the stream with the writer; dates in the local zone; warnings counted and dropped.</summary>
    public static CaptureWriterOptions Default { get; } = new();

    /// <summary>As <see cref="Default"/> but the stream stays open when the writer is disposed.</summary>
    public static CaptureWriterOptions KeepStreamOpen { get; } = new() { LeaveOpen = true };

    /// <summary>Keep the stream open when the writer is disposed.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>Zone of the wall-clock dates ASC and BLF headers carry; null for the local zone (as Vector's tools and python-can).</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Where a writer reports what its format cannot hold (CSV: channels, direction, FD flags); null: counted and dropped.</summary>
    public CaptureWarnings? Warnings { get; init; }
}
