using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Replay;

/// <summary>The NUCLEO-F767ZI: <see cref="GatewayNode"/> on two emulated native CAN controllers.</summary>
public sealed class NucleoReplayBoard : IReplayBoard
{
    /// <summary>Frames each controller's receive ring holds in the NUCLEO image built with hardware/patches (hardware/nucleo-f767zi.md 1.1, edit 2).</summary>
    public const int ImageRingFrames = 128;

    /// <summary>Frames each receive ring holds in nanoFramework's stock ST_NUCLEO144_F767ZI target (CAN1_RX_BUFFER_SIZE).</summary>
    public const int StockRingFrames = 16;

    private readonly bool _exactDlc;
    private EmulatedBoard? _board;
    private EmulatedCanPort? _bms;
    private EmulatedCanPort? _tcu;
    private GatewayNode? _node;

    /// <summary>
    /// With <paramref name="exactDlc"/> the controllers keep the DLC and hold 128 frames, as the NUCLEO image built
    /// with hardware/patches does; without it they hand over 8 bytes and hold 16, as nanoFramework's stock STM32
    /// target does.
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
        // While a side is paused its frames wait in the driver's ring, so the ring's size decides how many are held.
        int ring = _exactDlc ? ImageRingFrames : StockRingFrames;
        _bms = _board.AddController(NucleoF767ZiBoard.BmsController, transmit, ring);
        _tcu = _board.AddController(NucleoF767ZiBoard.TcuController, transmit, ring);
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
