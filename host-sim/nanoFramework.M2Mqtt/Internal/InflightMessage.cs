using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>A PUBLISH, SUBSCRIBE or UNSUBSCRIBE queued for sending or sent and awaiting its acknowledgement.</summary>
    internal sealed class InflightMessage
    {
        internal InflightMessage(PacketType kind, ushort id, MqttQoSLevel qos, byte[] packet)
        {
            Kind = kind;
            Id = id;
            Qos = qos;
            Packet = packet;
        }

        internal PacketType Kind { get; }

        internal ushort Id { get; }

        internal MqttQoSLevel Qos { get; }

        /// <summary>The encoded packet; a PUBLISH gets its DUP bit set once it has been sent.</summary>
        internal byte[] Packet { get; }

        /// <summary>Sends so far (on this or earlier connections).</summary>
        internal int Attempts { get; set; }

        /// <summary>When it was last sent (Environment.TickCount64).</summary>
        internal long SentTicks { get; set; }

        /// <summary>QoS 0 PUBLISH is fire and forget; everything else waits for PUBACK, SUBACK or UNSUBACK.</summary>
        internal bool NeedsAck => Kind != PacketType.Publish || Qos != MqttQoSLevel.AtMostOnce;

        /// <summary>Bytes for the next send: a re-sent PUBLISH carries DUP (3.1.1 §3.3.1.1).</summary>
        internal byte[] NextSend()
        {
            if (Attempts > 0 && Kind == PacketType.Publish)
            {
                Packet[0] |= 0x08;
            }

            Attempts++;
            return Packet;
        }
    }
}
