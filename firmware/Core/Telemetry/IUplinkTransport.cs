namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The link <see cref="Uplink"/> publishes through (MQTT on the device: MqttUplinkTransport). Every
    /// call is made from the thread that calls <see cref="Uplink.Pump(long)"/>; implementations that receive
    /// acknowledgements or commands on other threads buffer them until polled.
    /// </summary>
    public interface IUplinkTransport
    {
        /// <summary>True while a session to the broker is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Tries once to open a session (blocking for at most the transport's connect timeout); true when
        /// connected. A new session forgets the acknowledgements of the previous one.
        /// </summary>
        bool TryConnect(long nowMicros);

        /// <summary>
        /// Hands the first <paramref name="length"/> bytes of <paramref name="payload"/> to the link with
        /// QoS 1; returns the message id to poll with <see cref="IsAcknowledged"/>, or -1 when the link
        /// refused it (not connected, local queue full). The transport copies what it keeps.
        /// </summary>
        int Publish(string topic, byte[] payload, int length);

        /// <summary>True once the broker acknowledged <paramref name="messageId"/> in the current session.</summary>
        bool IsAcknowledged(int messageId);

        /// <summary>Periodic work on the pump's thread: hands buffered inbound command messages to the inbox.</summary>
        void Service(long nowMicros);
    }
}
