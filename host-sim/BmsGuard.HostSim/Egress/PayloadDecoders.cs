using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// The decoder <c>bmsguard egress report --policy</c> uses for the telemetry payload format. The binary
/// batch format (TelemetryBatch) is not in this build yet: until its decoder is plugged in here, the report
/// prints the per-signal section as unavailable.
/// </summary>
public static class PayloadDecoders
{
    /// <summary>The decoder for payloads published under <paramref name="policy"/>; null when this build has none.</summary>
    public static IPayloadDecoder? For(TelemetryPolicy policy) => null;
}
