namespace BmsGuard.Tests.Bench;

/// <summary>A classic CAN frame on an emulated bus.</summary>
public sealed record BusFrame(uint Id, bool Extended, bool Remote, byte[] Data, int Dlc)
{
    /// <summary>candump style: ID#DATA or ID#R and the length.</summary>
    public override string ToString() =>
        $"{(Extended ? Id.ToString("X8") : Id.ToString("X3"))}#{(Remote ? "R" + Dlc : Convert.ToHexString(Data))}";
}

/// <summary>
/// A CAN bus between emulated adapters and the test: what one adapter's host transmits reaches every
/// other adapter (as received frames) and every observer; <see cref="Inject"/> is another node sending.
/// </summary>
public sealed class EmulatedCanBus
{
    private readonly List<LawicelAdapter> _adapters = [];
    private readonly List<BusFrame> _sent = [];
    private readonly List<long> _sentTicks = [];

    /// <summary>Frames the hosts transmitted on this bus, in order.</summary>
    public IReadOnlyList<BusFrame> Transmitted
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    /// <summary>When each of <see cref="Transmitted"/> was on the bus (stopwatch ticks).</summary>
    public IReadOnlyList<long> TransmittedTicks
    {
        get
        {
            lock (_sent)
            {
                return _sentTicks.ToList();
            }
        }
    }

    /// <summary>Called for every frame a host transmits (on the adapter's thread).</summary>
    public Action<BusFrame>? Observer { get; set; }

    internal void Attach(LawicelAdapter adapter)
    {
        lock (_adapters)
        {
            _adapters.Add(adapter);
        }
    }

    /// <summary>A node (the test) sends <paramref name="frame"/>: every adapter receives it.</summary>
    public void Inject(BusFrame frame) => Deliver(null, frame);

    internal void Transmit(LawicelAdapter from, BusFrame frame)
    {
        lock (_sent)
        {
            _sent.Add(frame);
            _sentTicks.Add(System.Diagnostics.Stopwatch.GetTimestamp());
        }

        Observer?.Invoke(frame);
        Deliver(from, frame);
    }

    private void Deliver(LawicelAdapter? from, BusFrame frame)
    {
        LawicelAdapter[] to;
        lock (_adapters)
        {
            to = _adapters.Where(a => !ReferenceEquals(a, from)).ToArray();
        }

        foreach (var a in to)
        {
            a.Deliver(frame);
        }
    }
}
