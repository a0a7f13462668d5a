namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Where <see cref="TelemetryPublisher"/> hands finished payloads. The integrator adapts it to
    /// <see cref="Uplink.Enqueue"/> (topic = index into the uplink's topic table, offset 0).
    /// </summary>
    public interface ITelemetryOutlet
    {
        /// <summary>
        /// Takes <paramref name="length"/> bytes of <paramref name="payload"/> for topic <paramref name="topic"/>
        /// (<see cref="TelemetryPublisher.TelemetryTopic"/> or <see cref="TelemetryPublisher.IdentifierTopic"/>).
        /// The bytes are valid only during the call: copy them. False when the payload was not taken (dropped).
        /// </summary>
        bool Publish(int topic, byte[] payload, int length);
    }
}
