using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>A decoded PUBLISH.</summary>
    internal sealed class InboundPublish
    {
        internal string Topic;
        internal byte[] Payload;
        internal MqttQoSLevel Qos;
        internal bool Dup;
        internal bool Retain;
        internal ushort PacketId;
    }
}
