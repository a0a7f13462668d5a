using System.Net;
using System.Net.Sockets;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace BmsGuard.Tests.Mqtt;

/// <summary>
/// What a well-behaved broker never provokes: refused CONNACK, no CONNACK, missing PUBACKs, a dropped
/// session. A scripted loopback "broker" records the exact packets the client sends.
/// </summary>
public class MqttClientFakeBrokerTests
{
    [Fact]
    public void Connect_to_a_closed_port_throws_MqttConnectionException_with_the_socket_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new MqttClient("127.0.0.1", port, false, null, null, MqttSslProtocols.None);
        var ex = Assert.Throws<MqttConnectionException>(() => client.Connect("gw"));
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(ex.InnerException).SocketErrorCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public void A_refused_CONNACK_is_returned_not_thrown_and_TLS_is_refused_up_front()
    {
        using var broker = new ScriptedBroker();
        using var client = broker.Client();
        var events = new EventLog(client);
        var session = BrokerScript.Run(() =>
        {
            using var conn = broker.Accept();
            var connect = conn.Read();
            Assert.Equal(PacketType.Connect, connect!.Type);
            conn.Write([0x20, 0x02, 0x00, 0x05]);
            Assert.Null(conn.Read()); // the client closes the socket
        });

        Assert.Equal(MqttReasonCode.ConnectionRefusedNotAuthorized, client.Connect("gw", "user", "wrong"));
        Assert.False(client.IsConnected);
        session.Finish();
        Assert.Empty(events.Closed);
        Assert.Throws<NotSupportedException>(() => new MqttClient("127.0.0.1", 8883, true, null, null, MqttSslProtocols.TLSv1_2));
    }

    [Fact]
    public void No_CONNACK_in_time_throws_MqttCommunicationException()
    {
        using var broker = new ScriptedBroker();
        using var client = broker.Client();
        client.ConnAckTimeoutMilliseconds = 300;
        var session = BrokerScript.Run(() =>
        {
            using var conn = broker.Accept();
            conn.Read();
            Assert.Null(conn.Read());
        });
        Assert.Throws<MqttCommunicationException>(() => client.Connect("gw"));
        Assert.False(client.IsConnected);
        session.Finish();
    }

    [Fact]
    public void An_unacknowledged_qos1_publish_is_resent_with_DUP_then_reported_not_published()
    {
        using var broker = new ScriptedBroker();
        using var client = broker.Client();
        client.RetryDelayMilliseconds = 150;
        var events = new EventLog(client);
        var sends = new List<InboundPublish>();
        var session = BrokerScript.Run(() =>
        {
            using var conn = broker.Accept();
            conn.Read();
            conn.Write([0x20, 0x02, 0x00, 0x00]);
            for (int i = 0; i < MqttSettings.MaximumAttemptsRetry; i++)
            {
                sends.Add(PacketReader.Publish(conn.Read()!));
            }

            conn.Read(); // hold the link open: a lost link drops the message without an event, as in M2Mqtt
        });

        Assert.Equal(MqttReasonCode.Success, client.Connect("gw"));
        ushort id = client.Publish("bms/soc", [42], null, null, MqttQoSLevel.AtLeastOnce, false);
        var outcome = EventLog.Next(events.Published, "give-up event");
        client.Close();
        session.Finish();
        Assert.Equal((id, false), (outcome.MessageId, outcome.IsPublished));
        Assert.Equal(new[] { false, true, true }, sends.Select(p => p.Dup));
        Assert.All(sends, p => Assert.Equal((id, "bms/soc"), (p.PacketId, p.Topic)));
    }

    [Fact]
    public void With_cleanSession_false_an_unacknowledged_publish_is_resent_with_DUP_after_reconnect()
    {
        using var broker = new ScriptedBroker();
        using var client = broker.Client();
        var events = new EventLog(client);
        InboundPublish? first = null, again = null;
        var session = BrokerScript.Run(() =>
        {
            using (var conn = broker.Accept())
            {
                conn.Read();
                conn.Write([0x20, 0x02, 0x00, 0x00]);
                first = PacketReader.Publish(conn.Read()!);
            }

            using var second = broker.Accept();
            Assert.Equal(0x00, second.Read()!.Body[7] & 0x02); // clean session flag off
            second.Write([0x20, 0x02, 0x01, 0x00]);
            again = PacketReader.Publish(second.Read()!);
            second.Write(PacketWriter.PubAck(again.PacketId));
            second.Read();
        });

        Assert.Equal(MqttReasonCode.Success, client.Connect("gw", false));
        ushort id = client.Publish("bms/soc", [7], null, null, MqttQoSLevel.AtLeastOnce, false);
        EventLog.Next(events.Closed, "ConnectionClosed when the broker drops the link");
        Assert.Equal(MqttReasonCode.Success, client.Connect("gw", false));
        var outcome = EventLog.Next(events.Published, "PUBACK after reconnect");
        Assert.Equal((id, true), (outcome.MessageId, outcome.IsPublished));
        Assert.False(first!.Dup);
        Assert.True(again!.Dup);
        Assert.Equal(id, again.PacketId);
        client.Disconnect();
        session.Finish();
    }

    /// <summary>The broker side of a test on its own thread; Finish rethrows what it failed on.</summary>
    private sealed class BrokerScript
    {
        private readonly Thread _thread;
        private Exception? _failure;

        private BrokerScript(Action body)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    body();
                }
                catch (Exception e)
                {
                    _failure = e;
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public static BrokerScript Run(Action body) => new(body);

        public void Finish()
        {
            Assert.True(_thread.Join(5000), "broker script did not finish");
            if (_failure != null)
            {
                throw new Xunit.Sdk.XunitException("broker script failed: " + _failure);
            }
        }
    }

    /// <summary>A loopback listener whose test drives each accepted connection packet by packet.</summary>
    private sealed class ScriptedBroker : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public ScriptedBroker() => _listener.Start();

        public MqttClient Client() =>
            new("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port, false, null, null, MqttSslProtocols.None);

        public Connection Accept()
        {
            var socket = _listener.AcceptTcpClient();
            socket.GetStream().ReadTimeout = 5000;
            return new Connection(socket);
        }

        public void Dispose() => _listener.Stop();

        public sealed class Connection(TcpClient socket) : IDisposable
        {
            public ReceivedPacket? Read()
            {
                try
                {
                    return PacketReader.Read(socket.GetStream());
                }
                catch (IOException)
                {
                    return null;
                }
            }

            public void Write(byte[] packet) => socket.GetStream().Write(packet);

            public void Dispose() => socket.Dispose();
        }
    }
}
