using System;
using System.Threading;
using BmsGuard.Core.Telemetry;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace BmsGuard.Device
{
    /// <summary>
    /// <see cref="IUplinkTransport"/> over nanoFramework.M2Mqtt (MQTT 3.1.1, plain TCP, QoS 1). Each
    /// connection attempt uses a fresh MqttClient with a clean session (the <see cref="Uplink"/> keeps
    /// the messages and publishes the unacknowledged ones again) and subscribes to the command topic.
    /// M2Mqtt raises its events on its own thread: acknowledgements are kept in a small ring of recent
    /// ids, and command messages in a few slots until <see cref="Service"/> hands them to the inbox on
    /// the pump's thread.
    /// </summary>
    public sealed class MqttUplinkTransport : IUplinkTransport
    {
        // More than the largest in-flight window, so an id is not overwritten before the uplink polls it.
        private const int AckSlots = 64;
        private const int InboundSlots = 4;

        /// <summary>Largest command message kept; larger ones are dropped and counted.</summary>
        public const int MaxCommandBytes = 1024;

        private readonly object _gate = new object();
        private readonly string _host;
        private readonly int _port;
        private readonly string _clientId;
        private readonly string _commandTopic;
        private readonly ICommandInbox _inbox;
        private readonly ushort _keepAliveSeconds;
        private readonly int[] _acked = new int[AckSlots];
        private readonly byte[] _inbound = new byte[InboundSlots * MaxCommandBytes];
        private readonly int[] _inboundLengths = new int[InboundSlots];
        private readonly byte[] _delivery = new byte[MaxCommandBytes];
        private int _ackNext;
        private int _inboundHead;
        private int _inboundCount;
        private MqttClient _client;
        private long _commandsDelivered;
        private long _commandsDropped;
        private long _connectFailures;

        /// <summary>
        /// A transport to the broker at <paramref name="host"/>:<paramref name="port"/> as
        /// <paramref name="clientId"/>; messages on <paramref name="commandTopic"/> (null: none) go to
        /// <paramref name="inbox"/>.
        /// </summary>
        public MqttUplinkTransport(string host, int port, string clientId, string commandTopic, ICommandInbox inbox, ushort keepAliveSeconds)
        {
            _host = host;
            _port = port;
            _clientId = clientId;
            _commandTopic = commandTopic;
            _inbox = inbox;
            _keepAliveSeconds = keepAliveSeconds;
            ForgetAcknowledgements();
        }

        /// <summary>Command messages handed to the inbox.</summary>
        public long CommandsDelivered
        {
            get { return _commandsDelivered; }
            private set { _commandsDelivered = value; }
        }

        /// <summary>Command messages dropped: larger than <see cref="MaxCommandBytes"/>, or the slots were full (the pump fell behind).</summary>
        public long CommandsDropped
        {
            get { return _commandsDropped; }
            private set { _commandsDropped = value; }
        }

        /// <summary>Connection attempts that failed (refused, unreachable, no CONNACK).</summary>
        public long ConnectFailures
        {
            get { return _connectFailures; }
            private set { _connectFailures = value; }
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc />
        public bool TryConnect(long nowMicros)
        {
            Close();
            MqttClient client = null;
            try
            {
                client = new MqttClient(_host, _port, false, null, null, MqttSslProtocols.None);
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnPublishReceived;
                if (client.Connect(_clientId, null, null, true, _keepAliveSeconds) != MqttReasonCode.Success)
                {
                    Discard(client);
                    ConnectFailures++;
                    return false;
                }

                ForgetAcknowledgements();
                _client = client;
                if (_commandTopic != null)
                {
                    client.Subscribe(new string[] { _commandTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                }

                return true;
            }
            catch (Exception)
            {
                // Unreachable broker, refused socket, CONNACK timeout: the uplink tries again later.
                _client = null;
                Discard(client);
                ConnectFailures++;
                return false;
            }
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int length)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return -1;
            }

            // M2Mqtt keeps the array until PUBACK: it gets its own copy of the exact length.
            byte[] message = new byte[length];
            Array.Copy(payload, message, length);
            try
            {
                return client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, false);
            }
            catch (Exception)
            {
                // InflightQueueFull or a link error: refused, the uplink keeps the message.
                return -1;
            }
        }

        /// <inheritdoc />
        public bool IsAcknowledged(int messageId)
        {
            Monitor.Enter(_gate);
            try
            {
                for (int i = 0; i < AckSlots; i++)
                {
                    if (_acked[i] == messageId)
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <inheritdoc />
        public void Service(long nowMicros)
        {
            for (int n = 0; n < InboundSlots; n++)
            {
                int length = -1;
                Monitor.Enter(_gate);
                try
                {
                    if (_inboundCount > 0)
                    {
                        length = _inboundLengths[_inboundHead];
                        Array.Copy(_inbound, _inboundHead * MaxCommandBytes, _delivery, 0, length);
                        _inboundHead = (_inboundHead + 1) % InboundSlots;
                        _inboundCount--;
                    }
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                if (length < 0)
                {
                    return;
                }

                CommandsDelivered++;
                if (_inbox != null)
                {
                    _inbox.Submit(_delivery, length, nowMicros);
                }
            }
        }

        /// <summary>Ends the session without DISCONNECT (the uplink's queue keeps every unacknowledged message).</summary>
        public void Close()
        {
            MqttClient client = _client;
            _client = null;
            Discard(client);
        }

        private void Discard(MqttClient client)
        {
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgPublishReceived -= OnPublishReceived;
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
                // A broken link may throw while closing; the client is dropped either way.
            }
        }

        private void ForgetAcknowledgements()
        {
            Monitor.Enter(_gate);
            try
            {
                for (int i = 0; i < AckSlots; i++)
                {
                    _acked[i] = -1;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            // Given-up publishes (IsPublished false) stay unacknowledged: the uplink's ack timeout resends them.
            if (sender != _client || !e.IsPublished)
            {
                return;
            }

            Monitor.Enter(_gate);
            try
            {
                _acked[_ackNext] = e.MessageId;
                _ackNext = (_ackNext + 1) % AckSlots;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (sender != _client || e.Topic != _commandTopic)
            {
                return;
            }

            Monitor.Enter(_gate);
            try
            {
                byte[] message = e.Message;
                if (_inboundCount == InboundSlots || message.Length > MaxCommandBytes)
                {
                    CommandsDropped++;
                    return;
                }

                int slot = (_inboundHead + _inboundCount) % InboundSlots;
                Array.Copy(message, 0, _inbound, slot * MaxCommandBytes, message.Length);
                _inboundLengths[slot] = message.Length;
                _inboundCount++;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
