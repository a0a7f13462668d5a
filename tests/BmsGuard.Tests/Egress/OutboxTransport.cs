using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Egress;

namespace BmsGuard.Tests.Egress;

/// <summary>
/// A broker link for <see cref="Uplink"/> that writes every publish it accepts to an outbox, at the time the
/// test set (<see cref="Now"/>, the clock the test pumps the uplink with), to the current <see cref="Destination"/>.
/// Sessions can be cut, acknowledgements held back: that is how the tests get resends.
/// </summary>
public sealed class OutboxTransport(OutboxWriter outbox) : IUplinkTransport
{
    private readonly HashSet<int> _acked = [];
    private bool _connected;
    private int _nextId = 1;

    /// <summary>The broker the outbox lines name.</summary>
    public string Destination { get; set; } = "broker.owner.example:8883";

    /// <summary>Time of the next publishes (unix microseconds).</summary>
    public long Now { get; set; }

    /// <summary>Acknowledge every publish at once.</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>Publishes written so far.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => _connected;

    /// <inheritdoc />
    public bool TryConnect(long nowMicros)
    {
        _connected = true;
        _acked.Clear();
        return true;
    }

    /// <summary>The session breaks.</summary>
    public void Cut() => _connected = false;

    /// <inheritdoc />
    public int Publish(string topic, byte[] payload, int length)
    {
        if (!_connected)
        {
            return -1;
        }

        outbox.Write(Now, Destination, topic, payload, length);
        Count++;
        int id = _nextId++;
        if (AutoAck)
        {
            _acked.Add(id);
        }

        return id;
    }

    /// <inheritdoc />
    public bool IsAcknowledged(int messageId) => _connected && _acked.Contains(messageId);

    /// <inheritdoc />
    public void Service(long nowMicros)
    {
    }
}
