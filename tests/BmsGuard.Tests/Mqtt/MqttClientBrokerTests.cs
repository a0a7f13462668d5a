using System.Net;
using System.Net.Sockets;
using System.Text;
using BmsGuard.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Internal;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace BmsGuard.Tests.Mqtt;

/// <summary>
/// The M2Mqtt stand-in against a real mosquitto, cross-checked with mosquitto_sub and mosquitto_pub.
/// Each test starts its own broker on a free loopback port.
/// </summary>
public class MqttClientBrokerTests
{
    private static readonly byte[] AllByteValues = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

    [MosquittoFact]
    public void Qos0_and_qos1_publishes_reach_mosquitto_sub_and_only_qos1_reports_published()
    {
        using var broker = Mosquitto.Start();
        using var sub = broker.Sub("-C", "2", "-v", "-q", "1", "-t", "bms/#");
        sub.WaitSubscribed();
        using var client = Connected(broker, "gw-pub");
        var events = new EventLog(client);

        client.Publish("bms/soc", Encoding.UTF8.GetBytes("81.5"));
        ushort id = client.Publish("bms/pack", Encoding.UTF8.GetBytes("400.2 V"), null, null, MqttQoSLevel.AtLeastOnce, false);

        var published = EventLog.Next(events.Published, "MqttMsgPublished");
        Assert.Equal(id, published.MessageId);
        Assert.True(published.IsPublished);
        Assert.Equal(new[] { "bms/soc 81.5", "bms/pack 400.2 V" }, sub.Messages());
        Assert.False(events.Published.TryTake(out _, 200), "QoS 0 raised MqttMsgPublished; M2Mqtt does not");
    }

    [MosquittoFact]
    public void Our_subscriber_gets_qos_retain_and_binary_payloads_and_stops_after_unsubscribe()
    {
        using var broker = Mosquitto.Start();
        using var publisher = Connected(broker, "gw-pub");
        var pubEvents = new EventLog(publisher);
        publisher.Publish("bms/status", Encoding.UTF8.GetBytes("online"), null, null, MqttQoSLevel.AtLeastOnce, retain: true);

        // The broker has stored the retained message once it acknowledged it; only then may the
        // subscriber (another connection, which the broker may serve first) expect it.
        Assert.True(EventLog.Next(pubEvents.Published, "PUBACK of the retained message").IsPublished);
        using var subscriber = Connected(broker, "gw-sub");
        var events = new EventLog(subscriber);

        ushort subId = subscriber.Subscribe(["bms/#", "marker"], [MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtMostOnce]);
        var suback = EventLog.Next(events.Subscribed, "SUBACK");
        Assert.Equal(subId, suback.MessageId);
        Assert.Equal(new[] { MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtMostOnce }, suback.GrantedQoSLevels);

        var retained = EventLog.Next(events.Received, "retained message");
        Assert.Equal(("bms/status", "online", true), (retained.Topic, Encoding.UTF8.GetString(retained.Message), retained.Retain));

        publisher.Publish("bms/raw", AllByteValues);
        publisher.Publish("bms/raw1", AllByteValues, null, null, MqttQoSLevel.AtLeastOnce, false);
        var q0 = EventLog.Next(events.Received, "QoS 0 message");
        var q1 = EventLog.Next(events.Received, "QoS 1 message");
        Assert.Equal(("bms/raw", MqttQoSLevel.AtMostOnce, false), (q0.Topic, q0.QosLevel, q0.Retain));
        Assert.Equal(("bms/raw1", MqttQoSLevel.AtLeastOnce), (q1.Topic, q1.QosLevel));
        Assert.Equal(AllByteValues, q0.Message);
        Assert.Equal(AllByteValues, q1.Message);
        Assert.True(EventLog.Next(pubEvents.Published, "PUBACK").IsPublished);

        ushort unsubId = subscriber.Unsubscribe(["bms/#"]);
        Assert.Equal(unsubId, EventLog.Next(events.Unsubscribed, "UNSUBACK").MessageId);
        publisher.Publish("bms/after", [1]);
        publisher.Publish("marker", [2]);
        Assert.Equal("marker", EventLog.Next(events.Received, "marker").Topic);
    }

    [MosquittoFact]
    public void Messages_from_mosquitto_pub_arrive_with_topic_qos_and_exact_bytes()
    {
        using var broker = Mosquitto.Start();
        using var client = Connected(broker, "gw-cmd");
        var events = new EventLog(client);
        client.Subscribe(["cmd/#"], [MqttQoSLevel.AtLeastOnce]);
        EventLog.Next(events.Subscribed, "SUBACK");

        broker.Pub("-t", "cmd/charge-limit", "-m", "80", "-q", "1");
        var text = EventLog.Next(events.Received, "text command");
        Assert.Equal(("cmd/charge-limit", "80", MqttQoSLevel.AtLeastOnce), (text.Topic, Encoding.UTF8.GetString(text.Message), text.QosLevel));

        using var dir = new TempDir();
        string file = dir.File("payload.bin");
        File.WriteAllBytes(file, AllByteValues);
        broker.Pub("-t", "cmd/blob", "-f", file, "-q", "0");
        var blob = EventLog.Next(events.Received, "binary command");
        Assert.Equal(("cmd/blob", MqttQoSLevel.AtMostOnce), (blob.Topic, blob.QosLevel));
        Assert.Equal(AllByteValues, blob.Message);
    }

    [MosquittoFact]
    public void Binary_and_100_KB_payloads_reach_mosquitto_sub_byte_for_byte()
    {
        using var broker = Mosquitto.Start();
        using var sub = broker.Sub("-C", "2", "-q", "1", "-t", "bms/#", "-F", "%t %l %x");
        sub.WaitSubscribed();
        using var client = Connected(broker, "gw-bin");
        var events = new EventLog(client);
        byte[] large = new byte[100 * 1024];
        new Random(7).NextBytes(large);

        client.Publish("bms/bytes", AllByteValues);
        client.Publish("bms/large", large, null, null, MqttQoSLevel.AtLeastOnce, false);

        Assert.True(EventLog.Next(events.Published, "PUBACK of the large message").IsPublished);
        var lines = sub.Messages();
        Assert.Equal(2, lines.Count);
        Assert.Equal("bms/bytes 256 " + Convert.ToHexStringLower(AllByteValues), lines[0]);
        Assert.Equal("bms/large 102400 " + Convert.ToHexStringLower(large), lines[1]);
    }

    [MosquittoFact]
    public void Broker_loss_closes_publish_queues_silently_and_a_restarted_broker_gets_it_after_reconnect()
    {
        using var broker = Mosquitto.Start();
        using var client = Connected(broker, "gw-loss");
        var events = new EventLog(client);

        broker.Stop();
        EventLog.Next(events.Closed, "ConnectionClosed");
        Assert.False(client.IsConnected);

        // As M2Mqtt: Publish does not throw while disconnected; it returns an id and the message waits.
        ushort id = client.Publish("bms/queued", Encoding.UTF8.GetBytes("while-down"));
        Assert.NotEqual(0, id);
        Assert.Throws<MqttCommunicationException>(() => client.Disconnect());
        var refused = Assert.Throws<MqttConnectionException>(() => client.Connect("gw-loss"));
        Assert.IsType<SocketException>(refused.InnerException);

        broker.Restart();
        using var sub = broker.Sub("-C", "2", "-v", "-t", "bms/#");
        sub.WaitSubscribed();
        Assert.Equal(MqttReasonCode.Success, client.Connect("gw-loss"));
        Assert.True(client.IsConnected);
        client.Publish("bms/after", Encoding.UTF8.GetBytes("reconnect"));
        Assert.Equal(new[] { "bms/queued while-down", "bms/after reconnect" }, sub.Messages());

        client.Disconnect();
        EventLog.Next(events.Closed, "ConnectionClosed after Disconnect");
        Assert.False(client.IsConnected);
    }

    [MosquittoFact]
    public void Keep_alive_pings_hold_the_connection_past_the_brokers_one_and_a_half_periods()
    {
        using var broker = Mosquitto.Start();
        using var client = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
        var events = new EventLog(client);
        Assert.Equal(MqttReasonCode.Success, client.Connect("gw-idle", null, null, true, 2));

        // Control: a client that never pings is dropped by mosquitto after 1.5 x 2 s.
        using var silent = new TcpClient();
        silent.Connect(IPAddress.Loopback, broker.Port);
        var stream = silent.GetStream();
        stream.Write(PacketWriter.Connect("silent", null!, null!, true, 2));
        Assert.Equal(MqttReasonCode.Success, PacketReader.ConnAckReturnCode(PacketReader.Read(stream)!, out _));

        // mosquitto 2.0 checks keep-alive on a timer, so the drop comes 3 to ~5 s in.
        stream.ReadTimeout = 8000;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(PacketReader.Read(stream));
        Assert.InRange(watch.ElapsedMilliseconds, 2500, 7900);

        Assert.True(client.IsConnected);
        Assert.Empty(events.Closed);
        client.Publish("bms/alive", [1], null, null, MqttQoSLevel.AtLeastOnce, false);
        Assert.True(EventLog.Next(events.Published, "PUBACK after idling").IsPublished);
        client.Disconnect();
    }

    private static MqttClient Connected(Mosquitto broker, string clientId)
    {
        var client = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
        Assert.Equal(MqttReasonCode.Success, client.Connect(clientId));
        Assert.True(client.IsConnected);
        return client;
    }
}
