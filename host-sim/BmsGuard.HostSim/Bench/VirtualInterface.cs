using System.Collections.Concurrent;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// An endpoint on an in-process bus (<c>virtual:NAME</c>): every frame one endpoint sends reaches every
/// other endpoint on the bus of that name, in order. For tests and for wiring two commands of one process.
/// </summary>
public sealed class VirtualInterface : ICanInterface
{
    /// <summary>Frames an endpoint holds before the bus counts further ones as lost to it.</summary>
    public const int QueueFrames = 1 << 14;

    private static readonly ConcurrentDictionary<string, List<VirtualInterface>> Buses = new(StringComparer.Ordinal);
    private readonly string _bus;
    private readonly BlockingCollection<CaptureFrame> _queue = new(QueueFrames);
    private volatile string? _failure;

    /// <summary>Creates an endpoint on bus <paramref name="bus"/>.</summary>
    public VirtualInterface(string name, string bus)
    {
        Name = name;
        _bus = bus;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Frames lost because this endpoint's queue was full.</summary>
    public long Overruns { get; private set; }

    /// <inheritdoc />
    public long TransmitRefused => 0;

    /// <summary>Makes every endpoint on bus <paramref name="bus"/> fail with <paramref name="reason"/>, as an unplugged adapter would.</summary>
    public static void Fail(string bus, string reason)
    {
        if (Buses.TryGetValue(bus, out var members))
        {
            lock (members)
            {
                foreach (var m in members)
                {
                    m._failure = reason;
                }
            }
        }
    }

    /// <summary>Endpoints open on bus <paramref name="bus"/> (a sender can wait for its peers instead of sleeping).</summary>
    public static int Joined(string bus)
    {
        if (!Buses.TryGetValue(bus, out var members))
        {
            return 0;
        }

        lock (members)
        {
            return members.Count;
        }
    }

    /// <inheritdoc />
    public void Open()
    {
        var members = Buses.GetOrAdd(_bus, _ => []);
        lock (members)
        {
            members.Add(this);
        }
    }

    /// <inheritdoc />
    public bool Receive(CaptureFrame frame, int timeoutMs)
    {
        ThrowIfFailed();
        if (!_queue.TryTake(out var next, timeoutMs))
        {
            ThrowIfFailed();
            return false;
        }

        frame.CopyFrom(next);
        return true;
    }

    /// <inheritdoc />
    public bool Send(CaptureFrame frame)
    {
        ThrowIfFailed();
        if (!Buses.TryGetValue(_bus, out var members))
        {
            return false;
        }

        long now = HostClock.NowNanos;
        lock (members)
        {
            foreach (var m in members)
            {
                if (!ReferenceEquals(m, this))
                {
                    var copy = new CaptureFrame();
                    copy.CopyFrom(frame);
                    copy.TimestampNanos = now;
                    if (!m._queue.TryAdd(copy))
                    {
                        m.Overruns++;
                    }
                }
            }
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Buses.TryGetValue(_bus, out var members))
        {
            lock (members)
            {
                members.Remove(this);
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } reason)
        {
            throw new CanInterfaceException(Name, reason);
        }
    }
}
