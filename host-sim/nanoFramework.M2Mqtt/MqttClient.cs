using System;
using System.Collections;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>
    /// MQTT 3.1.1 client over plain TCP with the API of nanoFramework.M2Mqtt's MqttClient (QoS 0 and 1).
    /// As there, Publish, Subscribe and Unsubscribe only queue: a background thread sends, retries
    /// unacknowledged QoS 1 messages with DUP and keeps the connection alive with PINGREQ; events are
    /// raised on a separate dispatch thread.
    /// </summary>
    public partial class MqttClient : IDisposable
    {
        /// <summary>Keep-alive used by the Connect overloads without one (M2Mqtt's KEEP_ALIVE_PERIOD_DEFAULT), seconds.</summary>
        internal const ushort DefaultKeepAliveSeconds = 60;

        private readonly object _gate = new object();
        private readonly IPAddress _brokerAddress;
        private readonly int _brokerPort;
        private readonly MqttSettings _settings;
        private readonly EventPump _events;

        // Guarded by _gate: what waits to be sent, what waits for its acknowledgement, and the live connection.
        private readonly List<InflightMessage> _queued = new List<InflightMessage>();
        private readonly List<InflightMessage> _awaiting = new List<InflightMessage>();
        private BrokerLink _link;
        private ushort _messageIdCounter;
        private int _keepAliveMilliseconds;

        /// <summary>Delegate for <see cref="MqttMsgPublishReceived"/>.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Delegate for <see cref="MqttMsgPublished"/>.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>Delegate for <see cref="MqttMsgSubscribed"/>.</summary>
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>Delegate for <see cref="MqttMsgUnsubscribed"/>.</summary>
        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        /// <summary>Delegate for <see cref="ConnectionClosed"/>.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>A PUBLISH arrived on a subscribed topic (QoS 1 ones are acknowledged first).</summary>
        public event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>A QoS 1 publish was acknowledged (IsPublished true) or given up (false). Not raised for QoS 0.</summary>
        public event MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>SUBACK arrived.</summary>
        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        /// <summary>UNSUBACK arrived.</summary>
        public event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        /// <summary>The connection ended: broker closed it, keep-alive went unanswered, a write failed, or Disconnect.</summary>
        public event ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>Creates a client for port 1883, no TLS.</summary>
        public MqttClient(string brokerHostName)
            : this(brokerHostName, MqttSettings.BrokerDefaultPort, false, null, null, MqttSslProtocols.None)
        {
        }

        /// <summary>Creates a client; resolves the host name now, as M2Mqtt does.</summary>
        /// <exception cref="NotSupportedException"><paramref name="secure"/> is true: the stand-in has no TLS.</exception>
        /// <exception cref="SocketException">The host name does not resolve.</exception>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            if (secure)
            {
                throw new NotSupportedException("TLS is not supported by the host stand-in of nanoFramework.M2Mqtt");
            }

            _brokerAddress = ResolveIPv4(brokerHostName);
            _brokerPort = brokerPort;
            _settings = MqttSettings.Instance;
            _settings.Port = brokerPort;
            RetryDelayMilliseconds = _settings.DelayOnRetry / 10_000;
            ConnAckTimeoutMilliseconds = _settings.TimeoutOnReceiving;
            ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
            _events = new EventPump("M2Mqtt events " + brokerHostName + ":" + brokerPort);
        }

        /// <summary>True between an accepted CONNACK and the end of the connection.</summary>
        public bool IsConnected { get; private set; }

        /// <summary>Client id of the last accepted connection.</summary>
        public string ClientId { get; private set; }

        /// <summary>Clean session flag of the last accepted connection.</summary>
        public bool CleanSession { get; private set; }

        /// <summary>Protocol version; only <see cref="MqttProtocolVersion.Version_3_1_1"/> (the default) is supported here.</summary>
        public MqttProtocolVersion ProtocolVersion { get; set; }

        /// <summary>The process-wide settings.</summary>
        public MqttSettings Settings => _settings;

        /// <summary>Wait before resending an unacknowledged message (tests shorten it; from Settings.DelayOnRetry).</summary>
        internal int RetryDelayMilliseconds { get; set; }

        /// <summary>Wait for CONNACK (from Settings.TimeoutOnReceiving).</summary>
        internal int ConnAckTimeoutMilliseconds { get; set; }

        /// <summary>Publishes with QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message) =>
            Publish(topic, message, null, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes with QoS 0; <paramref name="contentType"/> must be null or empty (MQTT 5 only).</summary>
        public ushort Publish(string topic, byte[] message, string contentType) =>
            Publish(topic, message, contentType, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes with QoS 0; content type and user properties are MQTT 5 only.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) =>
            Publish(topic, message, contentType, userProperties, MqttQoSLevel.AtMostOnce, false);

        /// <summary>
        /// Queues a PUBLISH and returns its message id at once, connected or not. While disconnected it waits
        /// in memory and goes out after the next successful Connect (as in M2Mqtt, nothing is thrown); Close,
        /// Disconnect or a lost connection drop what was queued before them, except unacknowledged QoS 1
        /// messages of a cleanSession=false session, which are re-sent with DUP after reconnecting.
        /// </summary>
        /// <exception cref="NotSupportedException">Content type or user properties (MQTT 5 only), or QoS 2 (not in the stand-in).</exception>
        /// <exception cref="MqttClientException">TopicWildcard, TopicLength, QosNotAllowed, InflightQueueFull.</exception>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            if (!string.IsNullOrEmpty(contentType) || (userProperties != null && userProperties.Count > 0))
            {
                throw new NotSupportedException("content type and user properties need MQTT 5");
            }

            if (qosLevel == MqttQoSLevel.ExactlyOnce)
            {
                throw new NotSupportedException("QoS 2 is not supported by the host stand-in");
            }

            // M2Mqtt validates when the inflight thread encodes (an exception there ends that thread); here the caller gets it.
            PacketWriter.ValidatePublishTopic(topic);
            lock (_gate)
            {
                ushort id = NextMessageId();
                Enqueue(new InflightMessage(PacketType.Publish, id, qosLevel, PacketWriter.Publish(topic, message, qosLevel, retain, false, id)));
                return id;
            }
        }

        /// <summary>Queues a SUBSCRIBE; <see cref="MqttMsgSubscribed"/> reports the granted levels.</summary>
        /// <exception cref="MqttClientException">TopicsEmpty, QosLevelsEmpty, TopicsQosLevelsNotMatch, TopicLength.</exception>
        /// <exception cref="NotSupportedException">A QoS 2 subscription (not in the stand-in).</exception>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            ValidateTopicList(topics);
            if (qosLevels == null || qosLevels.Length == 0)
            {
                throw new MqttClientException(MqttClientErrorCode.QosLevelsEmpty);
            }

            if (qosLevels.Length != topics.Length)
            {
                throw new MqttClientException(MqttClientErrorCode.TopicsQosLevelsNotMatch);
            }

            foreach (MqttQoSLevel qos in qosLevels)
            {
                if (qos == MqttQoSLevel.ExactlyOnce)
                {
                    throw new NotSupportedException("QoS 2 is not supported by the host stand-in");
                }

                if (qos != MqttQoSLevel.AtMostOnce && qos != MqttQoSLevel.AtLeastOnce)
                {
                    throw new MqttClientException(MqttClientErrorCode.QosNotAllowed);
                }
            }

            lock (_gate)
            {
                ushort id = NextMessageId();
                Enqueue(new InflightMessage(PacketType.Subscribe, id, MqttQoSLevel.AtLeastOnce, PacketWriter.Subscribe(id, topics, qosLevels)));
                return id;
            }
        }

        /// <summary>Queues an UNSUBSCRIBE; <see cref="MqttMsgUnsubscribed"/> reports the UNSUBACK.</summary>
        public ushort Unsubscribe(string[] topics)
        {
            ValidateTopicList(topics);
            lock (_gate)
            {
                ushort id = NextMessageId();
                Enqueue(new InflightMessage(PacketType.Unsubscribe, id, MqttQoSLevel.AtLeastOnce, PacketWriter.Unsubscribe(id, topics)));
                return id;
            }
        }

        private static void ValidateTopicList(string[] topics)
        {
            if (topics == null || topics.Length == 0)
            {
                throw new MqttClientException(MqttClientErrorCode.TopicsEmpty);
            }

            foreach (string topic in topics)
            {
                if (string.IsNullOrEmpty(topic) || System.Text.Encoding.UTF8.GetByteCount(topic) > ushort.MaxValue)
                {
                    throw new MqttClientException(MqttClientErrorCode.TopicLength);
                }
            }
        }

        private static IPAddress ResolveIPv4(string host)
        {
            if (IPAddress.TryParse(host, out IPAddress literal))
            {
                return literal;
            }

            foreach (IPAddress address in Dns.GetHostEntry(host).AddressList)
            {
                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    return address;
                }
            }

            throw new SocketException((int)SocketError.HostNotFound);
        }

        // Caller holds _gate. 1..65535, wrapping, as M2Mqtt's GetMessageId.
        private ushort NextMessageId()
        {
            _messageIdCounter = (_messageIdCounter % ushort.MaxValue) != 0 ? (ushort)(_messageIdCounter + 1) : (ushort)1;
            return _messageIdCounter;
        }

        // Caller holds _gate.
        private void Enqueue(InflightMessage message)
        {
            if (_queued.Count + _awaiting.Count >= _settings.InflightQueueSize)
            {
                throw new MqttClientException(MqttClientErrorCode.InflightQueueFull);
            }

            _queued.Add(message);
            _link?.Wake.Set();
        }
    }
}
