using BmsGuard.Tests.Support;
using BmsGuard.Core.Telemetry;
using Xunit;

namespace BmsGuard.Tests.Telemetry;

/// <summary>The publisher allocates nothing per sample, pseudonym or flush once built.</summary>
public class TelemetryPublisherAllocationTests
{
    [Fact]
    public void Samples_pseudonyms_ticks_and_flushes_allocate_nothing()
    {
        var outlet = new CountingOutlet();
        var publisher = new TelemetryPublisher(outlet, 1, TelemetryPublisher.DefaultPayloadBytes, TelemetryPublisher.DefaultFlushMicros);
        byte[] pseudonym = new byte[16];
        long t = 1_767_225_600_000_000;
        void Run(int n)
        {
            for (int i = 0; i < n; i++)
            {
                t += 1000 + (i % 7 * 3000);
                publisher.Sample(i & 31, (i * 7919L) - 50_000, (i & 15) == 0 ? t - 30_000_000 : t);
                if ((i & 1023) == 0)
                {
                    publisher.Identifier(0, pseudonym, pseudonym.Length, t);
                }

                if ((i & 63) == 0)
                {
                    publisher.Tick(t);
                }
            }

            publisher.Flush(t);
        }

        Run(1000);
        Assert.Equal(0, SteadyAllocation.Of(() => Run(50_000)));
        Assert.Equal(201_000, publisher.Samples);
        Assert.True(outlet.Payloads > 1000, "payloads flushed by size and by time: " + outlet.Payloads);
    }

    private sealed class CountingOutlet : ITelemetryOutlet
    {
        public long Payloads;

        public bool Publish(int topic, byte[] payload, int length)
        {
            Payloads++;
            return true;
        }
    }
}
