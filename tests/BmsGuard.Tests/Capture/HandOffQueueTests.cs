using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Capture;

public class HandOffQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_arrive_in_order_across_threads_and_the_end_is_seen()
    {
        var queue = new HandOffQueue<string>(4);
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
}
