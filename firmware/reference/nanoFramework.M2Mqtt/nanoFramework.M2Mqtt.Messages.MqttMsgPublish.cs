// Public surface of nanoFramework.M2Mqtt.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.M2Mqtt.Session;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublish : MqttMsgBase
    {
        public string Topic { get; set; }

        public byte[] Message { get; set; }

        public bool IsPayloadUTF8 { get; set; }

        public uint MessageExpiryInterval { get; set; }

        public ushort TopicAlias { get; set; }

        public string ResponseTopic { get; set; }

        public byte[] CorrelationData { get; set; }

        public int SubscriptionIdentifier { get; set; }

        public string ContentType { get; set; }

        public MqttMsgPublish()
        {
            throw null;
        }

        public MqttMsgPublish(string topic, byte[] message)
            : this(default(string), default(byte[]), default(bool), default(nanoFramework.M2Mqtt.Messages.MqttQoSLevel), default(bool))
        {
            throw null;
        }

        public MqttMsgPublish(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            throw null;
        }

        public override byte[] GetBytes(MqttProtocolVersion protocolVersion)
        {
            throw null;
        }

        public static MqttMsgPublish Parse(byte fixedHeaderFirstByte, MqttProtocolVersion protocolVersion, IMqttNetworkChannel channel)
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }
    }
}
