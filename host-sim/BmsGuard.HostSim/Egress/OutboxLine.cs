namespace BmsGuard.HostSim.Egress;

/// <summary>One publish from the outbox file: when, where to, on which topic and what it carried.</summary>
/// <param name="Line">Line number in the outbox file (1-based).</param>
/// <param name="TimeMicros">Unix time of the publish in microseconds (the uplink's clock).</param>
/// <param name="Destination">The broker as <c>host:port</c>, or <see cref="OutboxWriter.NotSent"/>.</param>
/// <param name="Topic">The MQTT topic.</param>
/// <param name="Payload">The payload bytes.</param>
public sealed record OutboxLine(int Line, long TimeMicros, string Destination, string Topic, byte[] Payload);
