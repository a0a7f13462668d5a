using System;
using System.Collections.Generic;
using System.IO;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>The two threads of a connection: the socket reader and the sender (queue, retries, keep-alive).</summary>
    public partial class MqttClient
    {
        private void ReceiveLoop(BrokerLink link)
        {
            while (true)
            {
                ReceivedPacket packet;
                try
                {
                    packet = PacketReader.Read(link.Stream);
                }
                catch (Exception ex) when (IsLinkFailure(ex) || ex is InvalidDataException)
                {
                    packet = null;
                }

                if (packet == null || !Handle(link, packet))
                {
                    LinkLost(link);
                    return;
                }
            }
        }

        // False when the link must end (malformed packet or a failed PUBACK write).
        private bool Handle(BrokerLink link, ReceivedPacket packet)
        {
            try
            {
                switch (packet.Type)
                {
                    case PacketType.ConnAck:
                        link.ConnAckCode = PacketReader.ConnAckReturnCode(packet, out _);
                        link.ConnAckArrived.Set();
                        return true;

                    case PacketType.Publish:
                        InboundPublish publish = PacketReader.Publish(packet);
                        if (publish.Qos == MqttQoSLevel.AtLeastOnce)
                        {
                            link.Send(PacketWriter.PubAck(publish.PacketId));
                        }

                        var received = new MqttMsgPublishEventArgs(publish.Topic, publish.Payload, publish.Dup, publish.Qos, publish.Retain);
                        _events.Post(() => MqttMsgPublishReceived?.Invoke(this, received));
                        return true;

                    case PacketType.PubAck:
                        ushort published = PacketReader.PacketId(packet);
                        if (Acknowledge(PacketType.Publish, published))
                        {
                            _events.Post(() => MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs(published, true)));
                        }

                        return true;

                    case PacketType.SubAck:
                        MqttQoSLevel[] granted = PacketReader.SubAck(packet, out ushort subscribed);
                        if (Acknowledge(PacketType.Subscribe, subscribed))
                        {
                            _events.Post(() => MqttMsgSubscribed?.Invoke(this, new MqttMsgSubscribedEventArgs(subscribed, granted)));
                        }

                        return true;

                    case PacketType.UnsubAck:
                        ushort unsubscribed = PacketReader.PacketId(packet);
                        if (Acknowledge(PacketType.Unsubscribe, unsubscribed))
                        {
                            _events.Post(() => MqttMsgUnsubscribed?.Invoke(this, new MqttMsgUnsubscribedEventArgs(unsubscribed)));
                        }

                        return true;

                    case PacketType.PingResp:
                        link.PingSentTicks = 0;
                        return true;

                    default:
                        // CONNECT, SUBSCRIBE, PINGREQ... from a broker, or QoS 2 flow packets we never asked for.
                        return false;
                }
            }
            catch (Exception ex) when (IsLinkFailure(ex) || ex is InvalidDataException)
            {
                return false;
            }
        }

        // Removes the awaited message; false for an unknown id (late ack after giving up, or a stale one).
        private bool Acknowledge(PacketType kind, ushort id)
        {
            lock (_gate)
            {
                int index = _awaiting.FindIndex(m => m.Kind == kind && m.Id == id);
                if (index < 0)
                {
                    return false;
                }

                _awaiting.RemoveAt(index);
                return true;
            }
        }

        private void InflightLoop(BrokerLink link)
        {
            var toSend = new List<byte[]>();
            var givenUp = new List<InflightMessage>();
            while (true)
            {
                long now = Environment.TickCount64;
                long wait;
                bool ping = false;
                toSend.Clear();
                givenUp.Clear();
                lock (_gate)
                {
                    if (_link != link)
                    {
                        return;
                    }

                    wait = CollectDue(now, toSend, givenUp);
                    if (_keepAliveMilliseconds > 0)
                    {
                        if (link.PingSentTicks != 0 && now - link.PingSentTicks >= _keepAliveMilliseconds)
                        {
                            // M2Mqtt waits one keep-alive period for PINGRESP, then closes.
                            wait = -2;
                        }
                        else
                        {
                            long idle = now - link.LastSendTicks;
                            ping = link.PingSentTicks == 0 && toSend.Count == 0 && idle >= _keepAliveMilliseconds;
                            long nextCheck = link.PingSentTicks != 0
                                ? _keepAliveMilliseconds - (now - link.PingSentTicks)
                                : _keepAliveMilliseconds - idle;
                            wait = wait < 0 ? Math.Max(1, nextCheck) : Math.Min(wait, Math.Max(1, nextCheck));
                        }
                    }
                }

                if (wait == -2)
                {
                    LinkLost(link);
                    return;
                }

                foreach (InflightMessage failed in givenUp)
                {
                    if (failed.Kind == PacketType.Publish)
                    {
                        ushort id = failed.Id;
                        _events.Post(() => MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs(id, false)));
                    }
                }

                try
                {
                    foreach (byte[] packet in toSend)
                    {
                        link.Send(packet);
                    }

                    if (ping)
                    {
                        link.PingSentTicks = Environment.TickCount64;
                        link.Send(PacketWriter.PingReq());
                    }
                }
                catch (Exception ex) when (IsLinkFailure(ex))
                {
                    LinkLost(link);
                    return;
                }

                if (!ping)
                {
                    link.Wake.WaitOne(wait < 0 ? -1 : (int)Math.Min(wait, int.MaxValue));
                }
            }
        }

        // Caller holds _gate. Moves queued messages to the wire, resends or gives up on overdue ones; returns
        // milliseconds until the next retry is due, or -1 when nothing waits.
        private long CollectDue(long now, List<byte[]> toSend, List<InflightMessage> givenUp)
        {
            long wait = -1;
            for (int i = 0; i < _awaiting.Count; i++)
            {
                InflightMessage m = _awaiting[i];
                long due = m.SentTicks + RetryDelayMilliseconds - now;
                if (due > 0)
                {
                    wait = wait < 0 ? due : Math.Min(wait, due);
                }
                else if (m.Attempts < _settings.AttemptsOnRetry)
                {
                    toSend.Add(m.NextSend());
                    m.SentTicks = now;
                    wait = wait < 0 ? RetryDelayMilliseconds : Math.Min(wait, RetryDelayMilliseconds);
                }
                else
                {
                    _awaiting.RemoveAt(i--);
                    givenUp.Add(m);
                }
            }

            foreach (InflightMessage m in _queued)
            {
                toSend.Add(m.NextSend());
                m.SentTicks = now;
                if (m.NeedsAck)
                {
                    _awaiting.Add(m);
                    wait = wait < 0 ? RetryDelayMilliseconds : Math.Min(wait, RetryDelayMilliseconds);
                }
            }

            _queued.Clear();
            return wait;
        }
    }
}
