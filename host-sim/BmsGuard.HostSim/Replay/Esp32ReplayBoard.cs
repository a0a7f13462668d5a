using System.Globalization;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.Esp32;
using BmsGuard.HostSim.Capture;
using BmsGuard.Mcp2515;
using nanoFramework.Device.Can;

namespace BmsGuard.HostSim.Replay;

/// <summary>SPI timing of the emulated ESP32 board.</summary>
public sealed record Esp32ReplayOptions
{
    /// <summary>SPI clock in Hz (the board file's, 10 MHz, by default).</summary>
    public int SpiClockHz { get; init; } = Esp32Mcp2515Board.SpiClockHz;

    /// <summary>Cost of one SPI transaction beyond its bytes (chip select, driver call), ns.</summary>
    public long TransactionOverheadNanos { get; init; }
}

/// <summary>
/// The ESP32 with two MCP2515: the firmware's board file opens both controllers over the SPI and GPIO
/// stand-ins, runs its boot self-test, and <see cref="GatewayNode"/> bridges them (<see cref="Mcp2515Bridge"/>); the chips are
/// emulated at register level. A frame is handled when the emulated CPU is free (<see cref="EmulatedMcp2515Board"/>),
/// so a capture faster than the SPI drains loses frames in the chips, counted by both the chip and the firmware.
/// </summary>
public sealed class Esp32ReplayBoard : IReplayBoard, IMcp2515BusSink
{
    private const int Slots = 8;
    private readonly Esp32ReplayOptions _options;
    private readonly CaptureFrame[][] _copies = [new CaptureFrame[Slots], new CaptureFrame[Slots]];
    private readonly int[] _next = new int[2];
    private readonly CanMessage _message = new(0, CanMessageIdType.SID, CanMessageFrameType.Data, null);
    private readonly byte[][] _payloads = Enumerable.Range(0, 9).Select(n => new byte[n]).ToArray();
    private EmulatedMcp2515Board? _board;
    private Mcp2515Chip? _bmsChip;
    private Mcp2515Chip? _tcuChip;
    private GatewayNode? _node;
    private Mcp2515Bridge? _bridge;
    private SimulatedClock? _clock;
    private ReplayRecorder? _recorder;
    private ICanTransmitSink? _transmit;

    /// <summary>A board with the given SPI timing.</summary>
    public Esp32ReplayBoard(Esp32ReplayOptions options)
    {
        _options = options;
        for (int side = 0; side < 2; side++)
        {
            for (int i = 0; i < Slots; i++)
            {
                _copies[side][i] = new CaptureFrame();
            }
        }
    }

    /// <inheritdoc />
    public string Name => ReplayBoards.Esp32;

    /// <inheritdoc />
    public string BmsController => Esp32Mcp2515Board.BmsController;

    /// <inheritdoc />
    public string TcuController => Esp32Mcp2515Board.TcuController;

    /// <inheritdoc />
    public Guard Guard => _node!.Guard;

    /// <inheritdoc />
    public Gateway Gateway => _node!.Gateway;

    /// <summary>The firmware's bridge (its controllers' counters).</summary>
    public Mcp2515Bridge Bridge => _bridge!;

    /// <summary>The emulated chip on the BMS side.</summary>
    public Mcp2515Chip BmsChip => _bmsChip!;

    /// <summary>The emulated chip on the TCU side.</summary>
    public Mcp2515Chip TcuChip => _tcuChip!;

    /// <summary>The emulated board (SPI time, handled edges).</summary>
    public EmulatedMcp2515Board Board => _board!;

    /// <inheritdoc />
    public void Start(RuleTable rules, SimulatedClock clock, GuardFiles files, ReplayRecorder recorder, ICanTransmitSink transmit)
    {
        _clock = clock;
        _recorder = recorder;
        _transmit = transmit;
        _board = new EmulatedMcp2515Board();
        _board.Spi.TransactionOverheadNanos = _options.TransactionOverheadNanos;
        _board.Spi.ClockHz = _options.SpiClockHz;
        _bmsChip = _board.AddChip(Esp32Mcp2515Board.BmsController, Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.BmsChipSelect, Esp32Mcp2515Board.BmsInterrupt, this);
        _tcuChip = _board.AddChip(Esp32Mcp2515Board.TcuController, Esp32Mcp2515Board.SpiBus, Esp32Mcp2515Board.TcuChipSelect, Esp32Mcp2515Board.TcuInterrupt, this);
        _bmsChip.FrameRead = OnFrameRead;
        _tcuChip.FrameRead = OnFrameRead;

        // What GuardBoot does on the device, through the same board file (without its console lines).
        var esp32 = new Esp32Mcp2515Board();
        _bridge = esp32.OpenChecked()
            ?? throw new InvalidOperationException($"MCP2515 self-test failed: BMS {Mcp2515SelfTest.Describe(esp32.BmsCheck)}, TCU {Mcp2515SelfTest.Describe(esp32.TcuCheck)}");

        // The self-test's INT edges were handled at boot, before any frame.
        while (_board.Gpio.DispatchNext())
        {
        }

        _node = new GatewayNode(rules, clock, _bridge, files, oneThread: true);
    }

    /// <inheritdoc />
    public void CatchUp(long nowNanos) => _board!.Service(nowNanos, StartAt);

    /// <inheritdoc />
    public bool Receive(GatewayPort side, CaptureFrame frame)
    {
        int s = (int)side;
        CaptureFrame copy = _copies[s][_next[s]];
        copy.CopyFrom(frame);
        var chip = side == GatewayPort.Bms ? _bmsChip! : _tcuChip!;
        bool stored = chip.ReceiveFromBus(frame.Id, frame.Extended, frame.Remote, frame.Remote ? default : frame.Data.AsSpan(0, frame.Length), frame.Length, copy);
        if (stored)
        {
            // A slot is reused after 8 further frames stored on this chip; at most two wait in its buffers.
            _next[s] = (_next[s] + 1) % Slots;
        }

        _board!.Service(frame.TimestampNanos, StartAt);
        return stored;
    }

    /// <inheritdoc />
    public void Tick(long nowMicros) => _node!.Tick(nowMicros);

    /// <inheritdoc />
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        foreach (var (controller, chip) in new[] { (_bridge!.Bms, _bmsChip!), (_bridge.Tcu, _tcuChip!) })
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{controller.Name}: received {controller.Received:N0}, queued {controller.Transmitted:N0}, {controller.Errors.Describe()}; emulated chip: stored {chip.StoredFrames:N0}, lost {chip.LostFrames:N0}, sent {chip.Sent:N0}; SPI {controller.Spi.Transactions:N0} transactions, {controller.Spi.Bytes:N0} bytes"));
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"SPI at {_options.SpiClockHz / 1e6:0.###} MHz: busy {_board!.Spi.BusyNanos / 1e6:N3} ms, {_board.EdgesHandled:N0} INT edges handled"));
        return lines;
    }

    /// <inheritdoc />
    public void Close() => _node?.Close();

    /// <inheritdoc />
    public void Dispose() => _board?.Dispose();

    /// <inheritdoc />
    void IMcp2515BusSink.OnTransmit(Mcp2515Chip chip, uint id, bool extended, bool remote, ReadOnlySpan<byte> data, int dlc)
    {
        byte[] payload = _payloads[remote ? Math.Min(dlc, 8) : data.Length];
        if (remote)
        {
            Array.Clear(payload);
        }
        else
        {
            data.CopyTo(payload);
        }

        _message.Id = id;
        _message.IdentifierType = extended ? CanMessageIdType.EID : CanMessageIdType.SID;
        _message.FrameType = remote ? CanMessageFrameType.RemoteRequest : CanMessageFrameType.Data;
        _message.Message = payload;
        _transmit!.OnTransmit(chip.Name, _message);
    }

    // The frame the firmware reads is the one its decision and outputs are about.
    private void OnFrameRead(object tag)
    {
        if (tag is CaptureFrame frame)
        {
            _recorder!.Current = frame;
        }
    }

    private void StartAt(long nanos) => _clock!.AdvanceTo(nanos / 1000);
}
