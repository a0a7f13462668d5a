using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// A live CAN interface named KIND:ADDRESS (slcan:/dev/ttyACM0@500000, socketcan:can0, virtual:NAME).
/// One thread receives, another may send. Failures (unplugged, bus-off, no answer) are
/// <see cref="CanInterfaceException"/>s whose message is one line naming the interface.
/// </summary>
public interface ICanInterface : IDisposable
{
    /// <summary>The name as given on the command line.</summary>
    string Name { get; }

    /// <summary>Opens the interface at its bit rate and goes on the bus.</summary>
    void Open();

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for the next frame and fills <paramref name="frame"/>
    /// (time: the adapter's where it offers one, else the host's arrival time, unix nanoseconds;
    /// the channel is left to the caller). False on timeout.
    /// </summary>
    bool Receive(CaptureFrame frame, int timeoutMs);

    /// <summary>Sends a frame; false when the interface refused it at once (its transmit queue is full).</summary>
    bool Send(CaptureFrame frame);

    /// <summary>Frames the adapter refused after they were sent (e.g. an SLCAN adapter's BEL reply).</summary>
    long TransmitRefused { get; }
}

/// <summary>A live interface failed or cannot be used; the message is one line that starts with the interface's name.</summary>
public sealed class CanInterfaceException(string iface, string reason) : Exception($"{iface}: {reason}")
{
    /// <summary>The interface, as named on the command line.</summary>
    public string Interface { get; } = iface;
}
