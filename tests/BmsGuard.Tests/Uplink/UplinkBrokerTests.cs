using System.Diagnostics;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using BmsGuard.Device;
using BmsGuard.Tests.Mqtt;
using BmsGuard.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace BmsGuard.Tests.Telemetry;

/// <summary>
/// Uplink + MqttUplinkTransport + the M2Mqtt stand-in against a real mosquitto that is killed and
/// restarted mid-stream: what fits in the queue arrives in order, what does not is counted.
/// </summary>
public class UplinkBrokerTests
{
    private const int Payload = 16;
    private const string CommandTopic = "cmd/gw-1";

    [MosquittoFact]
    public void A_broker_restart_loses_nothing_within_capacity_and_counts_the_overflow()
    {
        using var broker = Mosquitto.Start();
        var audit = new CountingAudit();
        var transport = new MqttUplinkTransport("127.0.0.1", broker.Port, "gw-1", CommandTopic, null, 60);
        // RAM: 20 messages; storage: 2 segments of 5.
        var policy = new UplinkPolicy(["bms/telemetry"])
        {
            QueueBytes = 20 * (Payload + Uplink.RamRecordOverhead),
            MaxMessageBytes = Payload,
            SegmentBytes = 5 * (Payload + Uplink.SpillRecordOverhead),
            Drop = UplinkDropPolicy.DropNewest,
            Inflight = 8,
            ReconnectMicros = 50_000,
        };
        IStorageFile[] segments = [new MemoryStorageFile(256), new MemoryStorageFile(256)];
        var uplink = new Uplink(policy, transport, audit, segments);
        var clock = Stopwatch.StartNew();
        long Now() => clock.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;
        var expected = new List<int>();

        using (var first = Subscriber(broker, "sub-1", out var firstEvents))
        {
            // Paced so the queue never fills, with up to 8 messages in flight.
            Offer(uplink, expected, 0, 50, () => PumpUntil(() => uplink.Pending < 10, uplink, Now));
            PumpUntilEmpty(uplink, Now);
            var received = Receive(firstEvents, 50);
            Assert.Equal(Enumerable.Range(0, 50), received);

            broker.Stop();
            PumpUntil(() => !transport.IsConnected, uplink, Now);
        }

        // Outage: 20 fit in RAM, 10 in storage, the other 40 are refused and counted.
        Offer(uplink, expected, 50, 70, () => uplink.Pump(Now()));
        Assert.Equal(30, uplink.Pending);
        Assert.Equal(10, uplink.InStorage);
        Assert.Equal(40, uplink.Counters.DroppedQueueFull);
        Assert.Equal(Enumerable.Range(50, 30), expected.Skip(50));

        broker.Restart();
        using var second = Subscriber(broker, "sub-2", out var secondEvents);
        PumpUntilEmpty(uplink, Now);
        Offer(uplink, expected, 120, 20, () => PumpUntil(() => uplink.Pending < 10, uplink, Now));
        PumpUntilEmpty(uplink, Now);

        var afterRestart = Receive(secondEvents, 50);
        Assert.Equal(expected.Skip(50), afterRestart);
        Assert.Equal(100, uplink.Counters.Acknowledged);
        Assert.Equal(140, uplink.Counters.Enqueued);
        Assert.Equal(uplink.Counters.Enqueued, uplink.Counters.Acknowledged + uplink.Counters.Dropped + uplink.Pending);
        Assert.Equal(2, uplink.Counters.Connects);
        Assert.Equal(uplink.Counters.Published, audit.Publishes);
        Assert.All(segments, s => Assert.Equal(0, s.Length));
        transport.Close();
    }

    [MosquittoFact]
    public void Commands_on_the_command_topic_reach_the_inbox_byte_for_byte_and_only_through_the_pump()
    {
        using var broker = Mosquitto.Start();
        var inbox = new RecordingInbox();
        var transport = new MqttUplinkTransport("127.0.0.1", broker.Port, "gw-cmd", CommandTopic, inbox, 60);
        var uplink = new Uplink(new UplinkPolicy(["bms/telemetry"]), transport, null, null);
        uplink.Pump(0);
        Assert.True(transport.IsConnected);
        Assert.True(broker.WaitForLog(l => l.Contains("gw-cmd 1 " + CommandTopic, StringComparison.Ordinal), 5000), broker.Log);

        byte[] envelope = Enumerable.Range(0, 200).Select(i => (byte)(i * 7)).ToArray();
        using var dir = new TempDir();
        string file = dir.File("envelope.bin");
        File.WriteAllBytes(file, envelope);
        broker.Pub("-t", CommandTopic, "-f", file, "-q", "1");
        broker.Pub("-t", "cmd/other-gateway", "-m", "not for us", "-q", "1");

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (inbox.Envelopes.Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
            Assert.Empty(inbox.Envelopes);
            uplink.Pump(1000);
        }

        Assert.Single(inbox.Envelopes);
        Assert.Equal(envelope, inbox.Envelopes[0].Bytes);
        Assert.Equal(1000, inbox.Envelopes[0].Time);
        Assert.Equal(1, transport.CommandsDelivered);
        transport.Close();
    }

    private static void Offer(Uplink uplink, List<int> accepted, int first, int count, Action pump)
    {
        for (int seq = first; seq < first + count; seq++)
        {
            byte[] payload = new byte[Payload];
            BitConverter.GetBytes(seq).CopyTo(payload, 0);
            if (uplink.Enqueue(0, payload, 0, Payload))
            {
                accepted.Add(seq);
            }

            pump();
        }
    }

    private static void PumpUntilEmpty(Uplink uplink, Func<long> now) =>
        PumpUntil(() => uplink.Pending == 0, uplink, now);

    private static void PumpUntil(Func<bool> done, Uplink uplink, Func<long> now)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "uplink stuck: " + uplink.Counters.Print());
            uplink.Pump(now());
            Thread.Sleep(2);
        }
    }

    private static MqttClient Subscriber(Mosquitto broker, string id, out EventLog events)
    {
        var client = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
        events = new EventLog(client);
        Assert.Equal(MqttReasonCode.Success, client.Connect(id));
        client.Subscribe(["bms/#"], [MqttQoSLevel.AtLeastOnce]);
        EventLog.Next(events.Subscribed, "SUBACK");
        return client;
    }

    // First occurrences in arrival order (QoS 1 may deliver twice).
    private static List<int> Receive(EventLog events, int count)
    {
        var seen = new List<int>();
        while (seen.Count < count)
        {
            var message = EventLog.Next(events.Received, "message " + seen.Count + " after " + string.Join(",", seen));
            int seq = BitConverter.ToInt32(message.Message, 0);
            if (!seen.Contains(seq))
            {
                seen.Add(seq);
            }
        }

        return seen;
    }

    private sealed class CountingAudit : IAuditTrail
    {
        public int Publishes;

        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            if (kind == AuditKind.Publish)
            {
                Interlocked.Increment(ref Publishes);
            }
        }
    }

    private sealed class RecordingInbox : ICommandInbox
    {
        public List<(byte[] Bytes, long Time)> Envelopes { get; } = [];

        public void Submit(byte[] envelope, int length, long nowMicros) =>
            Envelopes.Add((envelope.Take(length).ToArray(), nowMicros));
    }
}
