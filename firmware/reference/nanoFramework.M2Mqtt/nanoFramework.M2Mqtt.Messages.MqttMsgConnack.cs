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
    public class MqttMsgConnack : MqttMsgBase
    {
        public bool SessionPresent { get; set; }

        public MqttReasonCode ReturnCode { get; set; }

        public uint SessionExpiryInterval { get; set; }

        public ushort ReceiveMaximum { get; set; }

        public bool MaximumQoS { get; set; }

        public bool RetainAvailable { get; set; }

        public string AssignedClientIdentifier { get; set; }

        public ushort TopicAliasMaximum { get; set; }

        public string Reason { get; set; }

        public bool WildcardSubscriptionAvailable { get; set; }

        public bool SubscriptionIdentifiersAvailable { get; set; }

        public bool SharedSubscriptionAvailable { get; set; }

        public ushort ServerKeepAlive { get; set; }

        public string ResponseInformation { get; set; }

        public string ServerReference { get; set; }

        public string AuthenticationMethod { get; set; }

        public byte[] AuthenticationData { get; set; }

        public MqttMsgConnack()
        {
            throw null;
        }

        public static MqttMsgConnack Parse(byte fixedHeaderFirstByte, MqttProtocolVersion protocolVersion, IMqttNetworkChannel channel)
        {
            throw null;
        }

        public override byte[] GetBytes(MqttProtocolVersion protocolVersion)
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }
    }
}
