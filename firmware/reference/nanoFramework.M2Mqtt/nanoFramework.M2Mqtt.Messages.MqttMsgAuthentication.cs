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
    public class MqttMsgAuthentication : MqttMsgBase
    {
        public string AuthenticationMethod { get; set; }

        public byte[] AuthenticationData { get; set; }

        public string Reason { get; set; }

        public MqttReasonCode ReasonCode { get; set; }

        public MqttMsgAuthentication()
        {
            throw null;
        }

        public override byte[] GetBytes(MqttProtocolVersion protocolVersion)
        {
            throw null;
        }

        public static MqttMsgAuthentication Parse(byte fixedHeaderFirstByte, MqttProtocolVersion protocolVersion, IMqttNetworkChannel channel)
        {
            throw null;
        }
    }
}
