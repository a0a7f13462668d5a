using System;
using System.IO;
using System.Text;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>
    /// Reads MQTT 3.1.1 packets off a stream and decodes the ones a broker sends to a client. Malformed
    /// input throws <see cref="InvalidDataException"/> naming what is wrong; a stream that ends inside a
    /// packet throws <see cref="EndOfStreamException"/>.
    /// </summary>
    internal static class PacketReader
    {
        /// <summary>The next packet, or null when the stream ends cleanly between packets (peer closed).</summary>
        internal static ReceivedPacket Read(Stream stream)
        {
            int first = stream.ReadByte();
            if (first < 0)
            {
                return null;
            }

            int type = first >> 4;
            if (type < (int)PacketType.Connect || type > (int)PacketType.Disconnect)
            {
                throw new InvalidDataException("packet type " + type + " is reserved");
            }

            int length = ReadRemainingLength(stream);
            byte[] body = new byte[length];
            ReadExactly(stream, body);
            return new ReceivedPacket((PacketType)type, first & 0x0F, body);
        }

        /// <summary>Decodes the variable-length remaining length (1..4 bytes).</summary>
        internal static int ReadRemainingLength(Stream stream)
        {
            int value = 0;
            int multiplier = 1;
            for (int count = 1; ; count++)
            {
                int digit = stream.ReadByte();
                if (digit < 0)
                {
                    throw new EndOfStreamException("stream ended inside the remaining length");
                }

                value += (digit & 0x7F) * multiplier;
                if ((digit & 0x80) == 0)
                {
                    return value;
                }

                if (count == 4)
                {
                    throw new InvalidDataException("remaining length longer than 4 bytes");
                }

                multiplier *= 128;
            }
        }

        /// <summary>CONNACK: the return code (byte 2); byte 1 bit 0 is session present.</summary>
        internal static MqttReasonCode ConnAckReturnCode(ReceivedPacket packet, out bool sessionPresent)
        {
            Expect(packet, PacketType.ConnAck, 2);
            sessionPresent = (packet.Body[0] & 0x01) != 0;
            return (MqttReasonCode)packet.Body[1];
        }

        /// <summary>PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK: the 2-byte packet id.</summary>
        internal static ushort PacketId(ReceivedPacket packet)
        {
            if (packet.Body.Length != 2)
            {
                throw new InvalidDataException(packet.Type + " body must be 2 bytes, got " + packet.Body.Length);
            }

            return (ushort)((packet.Body[0] << 8) | packet.Body[1]);
        }

        /// <summary>SUBACK: packet id and one granted QoS per requested filter.</summary>
        internal static MqttQoSLevel[] SubAck(ReceivedPacket packet, out ushort packetId)
        {
            if (packet.Type != PacketType.SubAck || packet.Body.Length < 3)
            {
                throw new InvalidDataException("SUBACK needs a packet id and at least one return code");
            }

            packetId = (ushort)((packet.Body[0] << 8) | packet.Body[1]);
            var granted = new MqttQoSLevel[packet.Body.Length - 2];
            for (int i = 0; i < granted.Length; i++)
            {
                int code = packet.Body[i + 2];
                if (code > 2 && code != 0x80)
                {
                    throw new InvalidDataException("SUBACK return code 0x" + code.ToString("X2") + " is not allowed");
                }

                granted[i] = (MqttQoSLevel)code;
            }

            return granted;
        }

        internal static InboundPublish Publish(ReceivedPacket packet)
        {
            if (packet.Type != PacketType.Publish)
            {
                throw new InvalidDataException("expected PUBLISH, got " + packet.Type);
            }

            int qos = (packet.Flags >> 1) & 0x03;
            if (qos == 3)
            {
                throw new InvalidDataException("PUBLISH with both QoS bits set");
            }

            byte[] body = packet.Body;
            int index = 0;
            string topic = ReadString(body, ref index);
            ushort id = 0;
            if (qos > 0)
            {
                if (index + 2 > body.Length)
                {
                    throw new InvalidDataException("PUBLISH QoS " + qos + " without a packet id");
                }

                id = (ushort)((body[index] << 8) | body[index + 1]);
                index += 2;
            }

            byte[] payload = new byte[body.Length - index];
            Array.Copy(body, index, payload, 0, payload.Length);
            return new InboundPublish
            {
                Topic = topic,
                Payload = payload,
                Qos = (MqttQoSLevel)qos,
                Dup = (packet.Flags & 0x08) != 0,
                Retain = (packet.Flags & 0x01) != 0,
                PacketId = id,
            };
        }

        /// <summary>A length-prefixed UTF-8 string at <paramref name="index"/>; advances past it.</summary>
        internal static string ReadString(byte[] buffer, ref int index)
        {
            if (index + 2 > buffer.Length)
            {
                throw new InvalidDataException("string length prefix runs past the packet end");
            }

            int length = (buffer[index] << 8) | buffer[index + 1];
            if (index + 2 + length > buffer.Length)
            {
                throw new InvalidDataException("string of " + length + " bytes runs past the packet end");
            }

            string value = Encoding.UTF8.GetString(buffer, index + 2, length);
            index += 2 + length;
            return value;
        }

        private static void Expect(ReceivedPacket packet, PacketType type, int bodyLength)
        {
            if (packet.Type != type || packet.Body.Length != bodyLength)
            {
                throw new InvalidDataException("expected " + type + " with a " + bodyLength + "-byte body, got " + packet.Type + " with " + packet.Body.Length);
            }
        }

        private static void ReadExactly(Stream stream, byte[] buffer)
        {
            int read = 0;
            while (read < buffer.Length)
            {
                int n = stream.Read(buffer, read, buffer.Length - read);
                if (n <= 0)
                {
                    throw new EndOfStreamException("stream ended after " + read + " of " + buffer.Length + " body bytes");
                }

                read += n;
            }
        }
    }
}
