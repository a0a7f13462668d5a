using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Egress;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// The emulator's uplink transport: every publish becomes an outbox line (the record
/// <c>bmsguard egress report</c> checks against the audit log). Alone it stands in for the broker
/// (destination "outbox", acknowledged at once); wrapping the device's MQTT transport it records
/// what really went to <c>host:port</c>, timed by the same clock the uplink pumps with.
/// </summary>
public sealed class OutboxTransport(OutboxWriter outbox, IUplinkTransport? inner, string destination) : IUplinkTransport
{
    private long _now;
    private int _nextId;

    /// <summary>Messages written to the outbox.</summary>
    public long Written { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => inner?.IsConnected ?? true;

    /// <inheritdoc />
    public bool TryConnect(long nowMicros) => inner?.TryConnect(nowMicros) ?? true;

    /// <inheritdoc />
    public int Publish(string topic, byte[] payload, int length)
    {
        int id = inner?.Publish(topic, payload, length) ?? ++_nextId;
        if (id >= 0)
        {
            outbox.Write(_now, destination, topic, payload, length);
            Written++;
        }

        return id;
    }

    /// <inheritdoc />
    public bool IsAcknowledged(int messageId) => inner?.IsAcknowledged(messageId) ?? true;

    /// <inheritdoc />
    public void Service(long nowMicros)
    {
        _now = nowMicros;
        inner?.Service(nowMicros);
    }
}
