using System.Diagnostics;
using BmsGuard.Core;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Replay;
using nanoFramework.Device.Can;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// Puts what the firmware's controllers transmit on the real buses (the TCU controller's frames on
/// the TCU interface, the BMS controller's on the BMS interface), measures the time from the input
/// frame's arrival to the send, then hands the frame to the replay's recorder for the logs.
/// </summary>
public sealed class BenchWire : ICanTransmitSink
{
    private readonly LiveBuses _buses;
    private readonly ICanInterface[] _sides = new ICanInterface[2];
    private readonly string _tcuController;
    private readonly ReplayRecorder _recorder;
    private readonly CaptureFrame _frame = new();
    private readonly long[] _sent = new long[2];
    private readonly long[] _refused = new long[2];

    /// <summary>Wires the controllers to <paramref name="bms"/> and <paramref name="tcu"/>; <paramref name="tcuController"/> is the TCU side's controller id.</summary>
    public BenchWire(LiveBuses buses, ICanInterface bms, ICanInterface tcu, string tcuController, ReplayRecorder recorder)
    {
        _buses = buses;
        _sides[(int)GatewayPort.Bms] = bms;
        _sides[(int)GatewayPort.Tcu] = tcu;
        _tcuController = tcuController;
        _recorder = recorder;
    }

    /// <summary>Input arrival to send, for every frame sent.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Frames put on the bus of <paramref name="to"/>.</summary>
    public long Sent(GatewayPort to) => _sent[(int)to];

    /// <summary>Frames for <paramref name="to"/> its interface refused at once (transmit queue full).</summary>
    public long Refused(GatewayPort to) => _refused[(int)to];

    /// <inheritdoc />
    public void OnTransmit(string controllerId, CanMessage message)
    {
        var to = controllerId == _tcuController ? GatewayPort.Tcu : GatewayPort.Bms;
        byte[]? data = message.Message;
        _frame.Id = message.Id;
        _frame.Extended = message.IdentifierType == CanMessageIdType.EID;
        _frame.Remote = message.FrameType == CanMessageFrameType.RemoteRequest;
        _frame.Length = data?.Length ?? 0;
        data?.AsSpan().CopyTo(_frame.Data);
        try
        {
            if (_sides[(int)to].Send(_frame))
            {
                _sent[(int)to]++;
                Latency.Add(HostClock.TicksToNanos(Stopwatch.GetTimestamp() - _buses.CurrentArrivalTicks));
            }
            else
            {
                _refused[(int)to]++;
            }
        }
        catch (CanInterfaceException e)
        {
            // The run ends at the next read; the frame is still logged as what the guard sent.
            _buses.Fail(e);
        }

        _recorder.OnTransmit(controllerId, message);
    }
}
