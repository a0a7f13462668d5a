using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Telemetry;

namespace BmsGuard.HostSim.Egress;

/// <summary>The decoder <c>bmsguard egress report --policy</c> uses: the binary telemetry batch format (TelemetryBatch).</summary>
public static class PayloadDecoders
{
    /// <summary>The decoder for payloads published under <paramref name="policy"/>.</summary>
    public static IPayloadDecoder? For(TelemetryPolicy policy) => new BatchDecoder(policy);

    private sealed class BatchDecoder(TelemetryPolicy policy) : IPayloadDecoder
    {
        public bool TryDecode(string topic, byte[] payload, int length, Action<int, long> onSample, out string? error)
        {
            TelemetryPayload decoded;
            try
            {
                decoded = TelemetryPayloadReader.Read(payload.AsSpan(0, length));
            }
            catch (TelemetryPayloadException e)
            {
                error = $"at byte {e.Offset}: {e.Reason}";
                return false;
            }

            foreach (var s in decoded.Samples)
            {
                if (s.Signal >= policy.SignalCount)
                {
                    error = $"signal index {s.Signal} is not in the policy ({policy.SignalCount} signals)";
                    return false;
                }

                onSample(s.Signal, s.TimeMillis * 1000);
            }

            error = null;
            return true;
        }
    }
}
