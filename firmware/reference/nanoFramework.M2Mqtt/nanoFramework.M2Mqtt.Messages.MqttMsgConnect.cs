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
    public class MqttMsgConnect : MqttMsgBase
    {
        public string ProtocolName { get; set; }

        public MqttProtocolVersion ProtocolVersion { get; set; }

        public string ClientId { get; set; }

        public bool WillRetain { get; set; }

        public byte WillQosLevel { get; set; }

        public bool WillFlag { get; set; }

        public string WillTopic { get; set; }

        public string WillMessage { get; set; }

        public string Username { get; set; }

        public string Password { get; set; }

        public bool CleanSession { get; set; }

        public ushort KeepAlivePeriod { get; set; }

        public string AuthenticationMethod { get; set; }

        public byte[] AuthenticationData { get; set; }

        public uint SessionExpiryInterval { get; set; }

        public bool RequestProblemInformation { get; set; }

        public bool RequestResponseInformation { get; set; }

        public ushort ReceiveMaximum { get; set; }

        public ushort TopicAliasMaximum { get; set; }

        public uint WillDelayInterval { get; set; }

        public MqttMsgConnect()
        {
            throw null;
        }

        public MqttMsgConnect(string clientId)
            : this(default(string), default(string), default(string), default(bool), default(nanoFramework.M2Mqtt.Messages.MqttQoSLevel), default(bool), default(string), default(string), default(bool), default(ushort), default(nanoFramework.M2Mqtt.MqttProtocolVersion))
        {
            throw null;
        }

        public MqttMsgConnect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod, MqttProtocolVersion protocolVersion)
        {
            throw null;
        }

        public static MqttMsgConnect Parse(byte fixedHeaderFirstByte, MqttProtocolVersion protocolVersion, IMqttNetworkChannel channel)
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
