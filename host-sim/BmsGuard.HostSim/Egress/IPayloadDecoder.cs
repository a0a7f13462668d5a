namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Turns one telemetry payload into the samples it carries, so the egress report can count what left per
/// signal. Signals are indexes into the policy's signal table (<c>TelemetryPolicy.Signal(i)</c>).
/// </summary>
public interface IPayloadDecoder
{
    /// <summary>
    /// Calls <paramref name="onSample"/> once per sample (signal index, sample time in unix microseconds) in the
    /// first <paramref name="length"/> bytes of <paramref name="payload"/> published on <paramref name="topic"/>;
    /// false with <paramref name="error"/> when the payload is not in the expected format.
    /// </summary>
    bool TryDecode(string topic, byte[] payload, int length, Action<int, long> onSample, out string? error);
}
