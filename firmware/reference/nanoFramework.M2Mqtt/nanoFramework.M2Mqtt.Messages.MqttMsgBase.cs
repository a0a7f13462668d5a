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
    public abstract class MqttMsgBase
    {
        public MqttMessageType Type { get; set; }

        public bool DupFlag { get; set; }

        public MqttQoSLevel QosLevel { get; set; }

        public bool Retain { get; set; }

        public ushort MessageId { get; set; }

        public ArrayList UserProperties { get; }

        public uint MaximumPacketSize { get; set; }

        public abstract byte[] GetBytes(MqttProtocolVersion protocolVersion);

        protected int EncodeVariableByte(int remainingLength, byte[] buffer, int index)
        {
            throw null;
        }

        protected static int DecodeVariableByte(IMqttNetworkChannel channel)
        {
            throw null;
        }

        protected MqttMsgBase()
        {
            throw null;
        }
    }
}
