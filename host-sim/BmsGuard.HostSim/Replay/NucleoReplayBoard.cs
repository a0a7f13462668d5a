using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Replay;

/// <summary>The NUCLEO-F767ZI: <see cref="GatewayNode"/> on two emulated native CAN controllers.</summary>
public sealed class NucleoReplayBoard : IReplayBoard
{
    private readonly bool _exactDlc;
    private EmulatedBoard? _board;
    private EmulatedCanPort? _bms;
    private EmulatedCanPort? _tcu;
    private GatewayNode? _node;

    /// <summary>
    /// With <paramref name="exactDlc"/> the controllers keep the DLC, as the NUCLEO image built with hardware/patches
    /// does; without it they hand over 8 bytes as nanoFramework's stock STM32 driver does.
    /// </summary>
    public NucleoReplayBoard(bool exactDlc)
    {
        _exactDlc = exactDlc;
    }

    /// <inheritdoc />
    public string Name => ReplayBoards.Nucleo;

    /// <inheritdoc />
    public string BmsController => NucleoF767ZiBoard.BmsController;

    /// <inheritdoc />
    public string TcuController => NucleoF767ZiBoard.TcuController;

    /// <inheritdoc />
    public Guard Guard => _node!.Guard;

    /// <inheritdoc />
    public Gateway Gateway => _node!.Gateway;

    /// <inheritdoc />
    public void Start(RuleTable rules, SimulatedClock clock, GuardFiles files, ReplayRecorder recorder, ICanTransmitSink transmit)
    {
        _board = new EmulatedBoard();
        _bms = _board.AddController(NucleoF767ZiBoard.BmsController, transmit);
        _tcu = _board.AddController(NucleoF767ZiBoard.TcuController, transmit);
        _bms.PadsPayloadTo8 = _tcu.PadsPayloadTo8 = !_exactDlc;
        _board.Activate();

        // The replay receives every frame and ticks on this thread: no gate per frame.
        _node = new GatewayNode(rules, clock, NucleoF767ZiBoard.Open(), files, oneThread: true);
    }

    /// <inheritdoc />
    public void CatchUp(long nowNanos)
    {
    }

    /// <inheritdoc />
    public bool Receive(GatewayPort side, CaptureFrame frame) =>
        (side == GatewayPort.Bms ? _bms! : _tcu!).Receive(frame.Id, frame.Extended, frame.Remote, frame.Remote ? default : frame.Data.AsSpan(0, frame.Length), frame.Length);

    /// <inheritdoc />
    public void Tick(long nowMicros) => _node!.Tick(nowMicros);

    /// <inheritdoc />
    public IReadOnlyList<string> Lines() => [];

    /// <inheritdoc />
    public void Close() => _node?.Close();

    /// <inheritdoc />
    public void Dispose() => _board?.Dispose();
}
