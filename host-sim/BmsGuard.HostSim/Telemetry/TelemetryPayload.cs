namespace BmsGuard.HostSim.Telemetry;

/// <summary>One sample of a decoded payload: signal index, absolute time (unix ms), value in 10^-Decimals units of that signal.</summary>
public readonly record struct TelemetrySampleRecord(int Signal, long TimeMillis, long ValueUnits);

/// <summary>One pseudonym of a decoded payload: identifier index, absolute time (unix ms), the pseudonym bytes.</summary>
public sealed record TelemetryPseudonymRecord(int Identifier, long TimeMillis, byte[] Pseudonym);

/// <summary>
/// A decoded <see cref="BmsGuard.Core.Telemetry.TelemetryBatch"/> payload: its header and its records in payload
/// order (exactly one of the two lists is filled, by <see cref="Kind"/>).
/// </summary>
public sealed record TelemetryPayload(
    int Kind,
    uint PolicyVersion,
    long BaseMillis,
    IReadOnlyList<TelemetrySampleRecord> Samples,
    IReadOnlyList<TelemetryPseudonymRecord> Pseudonyms);

/// <summary>A payload is malformed at <see cref="Offset"/>; the message reads "at byte offset N: reason".</summary>
public sealed class TelemetryPayloadException(long offset, string reason)
    : Exception($"at byte offset {offset}: {reason}")
{
    /// <summary>Byte offset of the field that is wrong.</summary>
    public long Offset { get; } = offset;

    /// <summary>What is wrong.</summary>
    public string Reason { get; } = reason;
}
