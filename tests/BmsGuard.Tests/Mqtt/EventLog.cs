using System.Collections.Concurrent;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace BmsGuard.Tests.Mqtt;

/// <summary>Records a client's events as they are raised on its dispatch thread, for tests to wait on.</summary>
public sealed class EventLog
{
    public EventLog(MqttClient client)
    {
        client.MqttMsgPublishReceived += (s, e) => Received.Add(e);
        client.MqttMsgPublished += (s, e) => Published.Add(e);
        client.MqttMsgSubscribed += (s, e) => Subscribed.Add(e);
        client.MqttMsgUnsubscribed += (s, e) => Unsubscribed.Add(e);
        client.ConnectionClosed += (s, e) => Closed.Add(e);
    }

    public BlockingCollection<MqttMsgPublishEventArgs> Received { get; } = [];

    public BlockingCollection<MqttMsgPublishedEventArgs> Published { get; } = [];

    public BlockingCollection<MqttMsgSubscribedEventArgs> Subscribed { get; } = [];

    public BlockingCollection<MqttMsgUnsubscribedEventArgs> Unsubscribed { get; } = [];

    public BlockingCollection<EventArgs> Closed { get; } = [];

    public static T Next<T>(BlockingCollection<T> events, string what, int timeoutMs = 5000)
    {
        Assert.True(events.TryTake(out T? item, timeoutMs), "no " + what + " within " + timeoutMs + " ms");
        return item!;
    }
}
