using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>Connection lifetime: Connect, Disconnect, Close, Dispose and what happens when the link is lost.</summary>
    public partial class MqttClient
    {
        /// <summary>Connects with a clean session and a 60 s keep-alive.</summary>
        public MqttReasonCode Connect(string clientId) =>
            Connect(clientId, null, null, true, DefaultKeepAliveSeconds);

        /// <summary>Connects with a 60 s keep-alive.</summary>
        public MqttReasonCode Connect(string clientId, bool cleanSession) =>
            Connect(clientId, null, null, cleanSession, DefaultKeepAliveSeconds);

        /// <summary>Connects with credentials, a clean session and a 60 s keep-alive.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password) =>
            Connect(clientId, username, password, true, DefaultKeepAliveSeconds);

        /// <summary>
        /// Opens a new TCP connection, sends CONNECT and waits for CONNACK. Returns the broker's code; only
        /// <see cref="MqttReasonCode.Success"/> leaves the client connected (a refusal closes the socket, no event).
        /// A keep-alive of 0 turns PINGREQ off. Works again after the connection was lost or closed.
        /// </summary>
        /// <exception cref="MqttConnectionException">The TCP connection could not be opened (inner: the SocketException).</exception>
        /// <exception cref="MqttCommunicationException">The connection broke or no CONNACK came within Settings.TimeoutOnReceiving.</exception>
        /// <exception cref="NotSupportedException">ProtocolVersion is not 3.1.1.</exception>
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod)
        {
            if (ProtocolVersion != MqttProtocolVersion.Version_3_1_1)
            {
                throw new NotSupportedException("the host stand-in speaks MQTT 3.1.1 only");
            }

            byte[] connect = PacketWriter.Connect(clientId ?? string.Empty, username, password, cleanSession, keepAlivePeriod);
            DropLink();

            BrokerLink link;
            try
            {
                link = BrokerLink.Open(_brokerAddress, _brokerPort);
            }
            catch (SocketException ex)
            {
                throw new MqttConnectionException("Socket exception connecting to the broker: " + ex.ErrorCode, ex);
            }
            catch (Exception ex)
            {
                throw new MqttConnectionException("Exception connecting to the broker", ex);
            }

            lock (_gate)
            {
                _link = link;
            }

            StartThread(() => ReceiveLoop(link), "M2Mqtt receive");
            try
            {
                link.Send(connect);
            }
            catch (Exception ex) when (IsLinkFailure(ex))
            {
                LinkLost(link);
                throw new MqttCommunicationException(ex);
            }

            if (!link.ConnAckArrived.WaitOne(ConnAckTimeoutMilliseconds) || link.ConnAckCode == null)
            {
                LinkLost(link);
                throw new MqttCommunicationException();
            }

            MqttReasonCode code = link.ConnAckCode.Value;
            if (code != MqttReasonCode.Success)
            {
                LinkLost(link);
                return code;
            }

            lock (_gate)
            {
                if (_link != link)
                {
                    throw new MqttCommunicationException();
                }

                ClientId = clientId;
                CleanSession = cleanSession;
                _keepAliveMilliseconds = keepAlivePeriod * 1000;
                RestoreSession(cleanSession);
                link.Established = true;
                IsConnected = true;
            }

            StartThread(() => InflightLoop(link), "M2Mqtt inflight");
            return code;
        }

        /// <summary>Sends DISCONNECT and closes; raises <see cref="ConnectionClosed"/>.</summary>
        /// <exception cref="MqttCommunicationException">Not connected, or the DISCONNECT could not be written.</exception>
        public void Disconnect()
        {
            BrokerLink link;
            lock (_gate)
            {
                link = _link;
            }

            if (link == null)
            {
                throw new MqttCommunicationException();
            }

            try
            {
                link.Send(PacketWriter.Disconnect());
            }
            catch (Exception ex) when (IsLinkFailure(ex))
            {
                throw new MqttCommunicationException(ex);
            }

            LinkLost(link);
        }

        /// <summary>Closes the connection and drops everything queued; no event. Connect may be called again.</summary>
        public void Close()
        {
            DropLink();
            lock (_gate)
            {
                DropInflight();
                IsConnected = false;
            }
        }

        /// <summary>Closes and stops the event thread.</summary>
        public void Dispose()
        {
            Close();
            _events.Dispose();
        }

        internal static bool IsLinkFailure(Exception ex) =>
            ex is IOException || ex is SocketException || ex is ObjectDisposedException;

        private static void StartThread(ThreadStart body, string name) =>
            new Thread(body) { IsBackground = true, Name = name }.Start();

        // Ends the current link, if any, without ConnectionClosed (Close, Dispose, Connect over a live link).
        private void DropLink()
        {
            BrokerLink link;
            lock (_gate)
            {
                link = _link;
                if (link == null)
                {
                    return;
                }

                link.Established = false;
            }

            LinkLost(link);
        }

        /// <summary>
        /// Ends <paramref name="link"/> once, whoever notices first (reader, inflight thread, Disconnect, Close).
        /// Raises ConnectionClosed only for a link that had been accepted and not closed by Close.
        /// </summary>
        private void LinkLost(BrokerLink link)
        {
            bool raise;
            lock (_gate)
            {
                if (_link != link)
                {
                    link.Dispose();
                    return;
                }

                _link = null;
                raise = link.Established;
                link.Established = false;
                IsConnected = false;
                DropInflight();
            }

            link.Dispose();
            link.Wake.Set();
            if (raise)
            {
                _events.Post(() => ConnectionClosed?.Invoke(this, EventArgs.Empty));
            }
        }

        // Caller holds _gate. M2Mqtt's Close clears its queues; its session keeps unacknowledged QoS 1 publishes
        // of a cleanSession=false connection for RestoreSession.
        private void DropInflight()
        {
            _queued.RemoveAll(m => !KeptInSession(m));
            _awaiting.RemoveAll(m => !KeptInSession(m));
        }

        private bool KeptInSession(InflightMessage m) =>
            !CleanSession && m.Kind == PacketType.Publish && m.Qos == MqttQoSLevel.AtLeastOnce;

        // Caller holds _gate. Unacknowledged session messages go out first again (with DUP if sent before).
        private void RestoreSession(bool cleanSession)
        {
            if (cleanSession)
            {
                _awaiting.Clear();
                _queued.RemoveAll(m => m.Attempts > 0);
                return;
            }

            _queued.InsertRange(0, _awaiting);
            _awaiting.Clear();
        }
    }
}
