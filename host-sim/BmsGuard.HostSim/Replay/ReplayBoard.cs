using BmsGuard.Emulation;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// The emulated board a replay drives: the firmware's node for that board on emulated controllers.
/// Frames arrive from the capture with <see cref="Receive"/>; <see cref="CatchUp"/> lets a board whose
/// firmware works after the frame arrives (the ESP32's INT handler) finish work due by a time.
/// </summary>
public interface IReplayBoard : IDisposable
{
    /// <summary>The board's name for <c>--board</c>.</summary>
    string Name { get; }

    /// <summary>The controller name on the BMS side (the recorder tells sides apart by it).</summary>
    string BmsController { get; }

    /// <summary>The controller name on the TCU side.</summary>
    string TcuController { get; }

    /// <summary>The firmware's guard.</summary>
    Guard Guard { get; }

    /// <summary>The firmware's gateway.</summary>
    Gateway Gateway { get; }

    /// <summary>
    /// Opens the controllers and starts the firmware's node; the decisions go to <paramref name="recorder"/>,
    /// transmitted frames to <paramref name="transmit"/> (the recorder, or the bench's wire, which hands
    /// each to the recorder too).
    /// </summary>
    void Start(RuleTable rules, SimulatedClock clock, GuardFiles files, ReplayRecorder recorder, ICanTransmitSink transmit);

    /// <summary>Runs the firmware's work due by <paramref name="nowNanos"/> (before the clock moves there).</summary>
    void CatchUp(long nowNanos);

    /// <summary>A frame arrives on <paramref name="side"/> at the clock's time; false when the controller lost it.</summary>
    bool Receive(GatewayPort side, CaptureFrame frame);

    /// <summary>The guard's periodic work.</summary>
    void Tick(long nowMicros);

    /// <summary>Summary lines about the board (controllers, losses, bus time); may be empty.</summary>
    IReadOnlyList<string> Lines();

    /// <summary>Stops the node and closes the controllers.</summary>
    void Close();
}

/// <summary>The boards <c>bmsguard replay --board</c> knows.</summary>
public static class ReplayBoards
{
    /// <summary>The STM32 board (native bxCAN), the default.</summary>
    public const string Nucleo = "nucleo-f767zi";

    /// <summary>The ESP32 with two MCP2515 on SPI.</summary>
    public const string Esp32 = "esp32-mcp2515";

    /// <summary>Creates a board by name; null for an unknown name.</summary>
    public static IReplayBoard? Create(string name, bool exactDlc, Esp32ReplayOptions? esp32 = null) => name switch
    {
        Nucleo => new NucleoReplayBoard(exactDlc),
        Esp32 => new Esp32ReplayBoard(esp32 ?? new Esp32ReplayOptions()),
        _ => null,
    };
}
