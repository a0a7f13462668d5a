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

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        internal MqttClient()
        {
            throw null;
        }

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        public delegate void MqttMsgAuthenticationEventHandler(object sender, MqttMsgAuthenticationEventArgs e);

        public delegate void ConnectionOpenedEventHandler(object sender, ConnectionOpenedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        public delegate void ConnectionClosedRequestEventHandler(object sender, ConnectionClosedRequestEventArgs e);

        public bool IsConnected { get; }

        public string ClientId { get; }

        public bool CleanSession { get; }

        public bool WillFlag { get; }

        public MqttQoSLevel WillQosLevel { get; }

        public string WillTopic { get; }

        public string WillMessage { get; }

        public MqttProtocolVersion ProtocolVersion { get; set; }

        public string AuthenticationMethod { get; set; }

        public byte[] AuthenticationData { get; set; }

        public uint SessionExpiryInterval { get; set; }

        public bool RequestProblemInformation { get; set; }

        public bool RequestResponseInformation { get; set; }

        public ushort ReceiveMaximum { get; set; }

        public ushort TopicAliasMaximum { get; set; }

        public uint WillDelayInterval { get; set; }

        public ArrayList UserProperties { get; }

        public uint MaximumPacketSize { get; set; }

        public bool IsAuthenticationFlow { get; set; }

        public MqttSettings Settings
        {
            get
            {
                throw null;
            }
        }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public event ConnectionOpenedEventHandler ConnectionOpened;

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public event ConnectionClosedRequestEventHandler ConnectionClosedRequest;

        public event MqttMsgAuthenticationEventHandler Authentication;

        public MqttClient(string brokerHostName)
            : this(default(string), default(int), default(bool), default(System.Security.Cryptography.X509Certificates.X509Certificate), default(System.Security.Cryptography.X509Certificates.X509Certificate), default(nanoFramework.M2Mqtt.MqttSslProtocols))
        {
            throw null;
        }

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw null;
        }

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol)
        {
            throw null;
        }

        public MqttReasonCode Connect(string clientId)
        {
            throw null;
        }

        public MqttReasonCode Connect(string clientId, bool cleanSession)
        {
            throw null;
        }

        public MqttReasonCode Connect(string clientId, string username, string password)
        {
            throw null;
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod)
        {
            throw null;
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            throw null;
        }

        public void Disconnect()
        {
            throw null;
        }

        public void Close()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            throw null;
        }

        public ushort Unsubscribe(string[] topics)
        {
            throw null;
        }

        public ushort Publish(string topic, byte[] message)
        {
            throw null;
        }

        public ushort Publish(string topic, byte[] message, string contentType)
        {
            throw null;
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties)
        {
            throw null;
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            throw null;
        }
    }
}
