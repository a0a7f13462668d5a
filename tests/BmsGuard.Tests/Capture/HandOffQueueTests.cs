using BmsGuard.HostSim.Capture;
using Xunit;
using BmsGuard.HostSim.Output;

namespace BmsGuard.Tests.Capture;

public class HandOffQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Items_arrive_in_order_across_threads_and_the_end_is_seen(int wakeAt)
    {
        var queue = new HandOffQueue<string>(4, wakeAt);
        var producer = Task.Run(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                Assert.True(queue.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            queue.Complete();
        });

        var seen = new List<string>();
        while (queue.Take(out string item))
        {
            seen.Add(item);
        }

        await producer.WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task A_waiting_consumer_sleeps_until_wakeAt_items_wait_or_one_is_added_now()
    {
        var queue = new HandOffQueue<string>(8, wakeAt: 3);
        var first = Task.Run(() => queue.Take(out string item) ? item : "none");
        await UntilAsync(() => queue.ConsumerWaiting);

        Assert.True(queue.Add("a"));
        Assert.True(queue.Add("b"));
        await Task.Delay(200);
        Assert.False(first.IsCompleted, "two items of three: the consumer sleeps on");

        Assert.True(queue.Add("c"));
        Assert.Equal("a", await first.WaitAsync(Patience));
        Assert.True(queue.Take(out string b));
        Assert.True(queue.Take(out string c));
        Assert.Equal(("b", "c"), (b, c));

        // An item someone waits on (a flush) wakes the consumer alone.
        var second = Task.Run(() => queue.Take(out string item) ? item : "none");
        await UntilAsync(() => queue.ConsumerWaiting);
        Assert.True(queue.Add("flush", now: true));
        Assert.Equal("flush", await second.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_full_queue_holds_its_producer_until_it_has_drained_to_half()
    {
        var queue = new HandOffQueue<object>(4);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(queue.Add(new object()));
        }

        var fifth = Task.Run(() => queue.Add(new object()));
        var deadline = DateTime.UtcNow + Patience;
        while (!queue.ProducerWaiting && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(queue.ProducerWaiting, "the fifth item waits for room");
        Assert.True(queue.Take(out _));
        await Task.Delay(200);
        Assert.False(fifth.IsCompleted, "three queued of four: still more than half full");

        Assert.True(queue.Take(out _));
        Assert.True(await fifth.WaitAsync(Patience));
    }

    [Fact]
    public async Task Cancel_wakes_a_waiting_producer_and_a_waiting_consumer()
    {
        var full = new HandOffQueue<object>(1);
        Assert.True(full.Add(new object()));
        var producer = Task.Run(() => full.Add(new object()));
        var empty = new HandOffQueue<object>(1);
        var consumer = Task.Run(() => empty.Take(out _));
        await Task.Delay(100);

        full.Cancel();
        empty.Cancel();
        Assert.False(await producer.WaitAsync(Patience));
        Assert.False(await consumer.WaitAsync(Patience));
        Assert.False(full.Take(out _), "a cancelled queue gives nothing more");
    }

    [Fact]
    public void Adding_after_completion_is_an_error_not_a_lost_item()
    {
        var queue = new HandOffQueue<object>(2);
        queue.Complete();
        Assert.Throws<InvalidOperationException>(() => queue.Add(new object()));
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(), "timed out");
    }
}
