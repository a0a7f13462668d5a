using System;
using System.IO;
using System.Text;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Internal
{
    /// <summary>Encodes the MQTT 3.1.1 packets a client sends, each into one byte array ready for the socket.</summary>
    internal static class PacketWriter
    {
        /// <summary>Largest remaining length the 4-byte varint can carry (MQTT 3.1.1 §2.2.3).</summary>
        internal const int MaxRemainingLength = 268_435_455;

        private static readonly byte[] ProtocolName = { 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T' };

        /// <summary>Bytes the varint encoding of <paramref name="value"/> takes (1..4).</summary>
        internal static int RemainingLengthSize(int value)
        {
            if (value < 0 || value > MaxRemainingLength)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "remaining length must be 0.." + MaxRemainingLength);
            }

            return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
        }

        /// <summary>Writes the varint at <paramref name="index"/>; returns the index after it.</summary>
        internal static int WriteRemainingLength(int value, byte[] buffer, int index)
        {
            RemainingLengthSize(value);
            do
            {
                int digit = value % 128;
                value /= 128;
                buffer[index++] = (byte)(value > 0 ? digit | 0x80 : digit);
            }
            while (value > 0);

            return index;
        }

        /// <summary>A UTF-8 string with its 2-byte big-endian length prefix.</summary>
        internal static byte[] EncodeString(string value)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(value ?? string.Empty);
            if (utf8.Length > ushort.MaxValue)
            {
                throw new ArgumentException("string longer than 65535 UTF-8 bytes", nameof(value));
            }

            byte[] result = new byte[utf8.Length + 2];
            result[0] = (byte)(utf8.Length >> 8);
            result[1] = (byte)utf8.Length;
            Array.Copy(utf8, 0, result, 2, utf8.Length);
            return result;
        }

        internal static byte[] Connect(string clientId, string username, string password, bool cleanSession, ushort keepAliveSeconds)
        {
            var body = new MemoryStream();
            body.Write(ProtocolName);
            body.WriteByte((byte)MqttProtocolVersion.Version_3_1_1);
            int flags = cleanSession ? 0x02 : 0x00;
            if (username != null)
            {
                flags |= 0x80;
                if (password != null)
                {
                    flags |= 0x40; // 3.1.1 §3.1.2.9: a password only with a user name
                }
            }

            body.WriteByte((byte)flags);
            body.WriteByte((byte)(keepAliveSeconds >> 8));
            body.WriteByte((byte)keepAliveSeconds);
            body.Write(EncodeString(clientId));
            if (username != null)
            {
                body.Write(EncodeString(username));
                if (password != null)
                {
                    body.Write(EncodeString(password));
                }
            }

            return Frame(0x10, body.ToArray());
        }

        /// <summary>A PUBLISH; the packet id is written for QoS 1 and 2 only.</summary>
        internal static byte[] Publish(string topic, byte[] payload, MqttQoSLevel qos, bool retain, bool dup, ushort packetId)
        {
            ValidatePublishTopic(topic);
            if (qos != MqttQoSLevel.AtMostOnce && qos != MqttQoSLevel.AtLeastOnce && qos != MqttQoSLevel.ExactlyOnce)
            {
                throw new MqttClientException(MqttClientErrorCode.QosNotAllowed);
            }

            byte[] topicBytes = EncodeString(topic);
            int payloadLength = payload == null ? 0 : payload.Length;
            bool hasId = qos != MqttQoSLevel.AtMostOnce;
            long remaining = (long)topicBytes.Length + (hasId ? 2 : 0) + payloadLength;
            if (remaining > MaxRemainingLength)
            {
                throw new ArgumentException("PUBLISH larger than MQTT's 256 MB limit", nameof(payload));
            }

            int first = 0x30 | ((int)qos << 1) | (dup ? 0x08 : 0) | (retain ? 0x01 : 0);
            byte[] packet = new byte[1 + RemainingLengthSize((int)remaining) + (int)remaining];
            packet[0] = (byte)first;
            int i = WriteRemainingLength((int)remaining, packet, 1);
            Array.Copy(topicBytes, 0, packet, i, topicBytes.Length);
            i += topicBytes.Length;
            if (hasId)
            {
                packet[i++] = (byte)(packetId >> 8);
                packet[i++] = (byte)packetId;
            }

            if (payloadLength > 0)
            {
                Array.Copy(payload, 0, packet, i, payloadLength);
            }

            return packet;
        }

        internal static byte[] PubAck(ushort packetId) => new byte[] { 0x40, 0x02, (byte)(packetId >> 8), (byte)packetId };

        /// <summary>SUBSCRIBE (fixed header flags 0010 as 3.1.1 §3.8.1 requires).</summary>
        internal static byte[] Subscribe(ushort packetId, string[] topics, MqttQoSLevel[] qosLevels)
        {
            var body = new MemoryStream();
            body.WriteByte((byte)(packetId >> 8));
            body.WriteByte((byte)packetId);
            for (int t = 0; t < topics.Length; t++)
            {
                body.Write(EncodeString(topics[t]));
                body.WriteByte((byte)qosLevels[t]);
            }

            return Frame(0x82, body.ToArray());
        }

        /// <summary>UNSUBSCRIBE (fixed header flags 0010 as 3.1.1 §3.10.1 requires).</summary>
        internal static byte[] Unsubscribe(ushort packetId, string[] topics)
        {
            var body = new MemoryStream();
            body.WriteByte((byte)(packetId >> 8));
            body.WriteByte((byte)packetId);
            foreach (string topic in topics)
            {
                body.Write(EncodeString(topic));
            }

            return Frame(0xA2, body.ToArray());
        }

        internal static byte[] PingReq() => new byte[] { 0xC0, 0x00 };

        internal static byte[] Disconnect() => new byte[] { 0xE0, 0x00 };

        /// <summary>The checks M2Mqtt makes when it encodes a PUBLISH topic.</summary>
        internal static void ValidatePublishTopic(string topic)
        {
            if (topic == null || topic.Length == 0 || Encoding.UTF8.GetByteCount(topic) > ushort.MaxValue)
            {
                throw new MqttClientException(MqttClientErrorCode.TopicLength);
            }

            if (topic.IndexOf('#') >= 0 || topic.IndexOf('+') >= 0)
            {
                throw new MqttClientException(MqttClientErrorCode.TopicWildcard);
            }
        }

        private static byte[] Frame(int firstByte, byte[] body)
        {
            byte[] packet = new byte[1 + RemainingLengthSize(body.Length) + body.Length];
            packet[0] = (byte)firstByte;
            int i = WriteRemainingLength(body.Length, packet, 1);
            Array.Copy(body, 0, packet, i, body.Length);
            return packet;
        }
    }
}
