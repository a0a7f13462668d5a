using System.Globalization;
using System.Text.RegularExpressions;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.Tests.Support;
using nanoFramework.Device.Can;
using Xunit;

namespace BmsGuard.Tests.Board;

/// <summary>
/// A TCU flooding its bus, replayed through each board's real bridge: past the receive budget the TCU port
/// is paused (nothing of it is judged, nothing reaches the BMS), the BMS side keeps flowing, every frame is
/// accounted for, the pause is audited, and the port is read again after the pause.
/// </summary>
public sealed class ReceiveFloodTests
{
    private const int FloodFrames = 2000;
    private const int BmsFrames = 400;

    [Theory]
    [InlineData("nucleo-f767zi")]
    [InlineData("esp32-mcp2515")]
    public void A_flood_pauses_the_tcu_port_and_every_frame_is_counted(string board)
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        var run = CliRun.Of("replay", Flood(dir), "--board", board, "--out", outDir);
        Assert.Equal(0, run.ExitCode);

        // 100 frames fit the default budget (100 per 100 ms); the 101st is judged and starts the pause.
        Assert.Equal(ReceiveBudget.DefaultTcuFrames + 1, TimedCapture.Count(run.Stdout, "uds-denied"));
        long held = TimedCapture.Count(run.Stdout, "receive-paused");
        long lost = TimedCapture.Count(run.Stdout, "rx-overrun");
        // Held: what waits in the receive buffer while the port is paused (the image's ring, the MCP2515's two buffers).
        Assert.InRange(held, 1, board == "nucleo-f767zi" ? BmsGuard.HostSim.Replay.NucleoReplayBoard.ImageRingFrames : 2);
        Assert.Equal(FloodFrames, ReceiveBudget.DefaultTcuFrames + 1 + held + lost);
        Assert.Contains("receive budget tcu: over 100 frames per 100ms, paused 1 time(s) for 1s", run.Stdout, StringComparison.Ordinal);

        // The BMS side is not starved: all of its frames were decided and forwarded.
        Assert.Equal(BmsFrames, Captures.Read(Path.Combine(outDir, "to-tcu.log")).Count);
        Assert.Empty(Captures.Read(Path.Combine(outDir, "to-bms.log")));

        // After the pause the TCU is read again: the request 2.5 s later is judged.
        Assert.Equal(1, TimedCapture.Count(run.Stdout, "tcu-default-deny"));

        // The held frames are logged as themselves (the flood's identifier), not as the frame being replayed.
        string[] heldLines = [.. File.ReadLines(Path.Combine(outDir, "decisions.log")).Where(l => l.Contains("receive-paused", StringComparison.Ordinal))];
        Assert.Equal(held, heldLines.Length);
        Assert.All(heldLines, l => Assert.Contains(" can1 7DF#0201", l, StringComparison.Ordinal));

        string audit = File.ReadAllText(Path.Combine(outDir, "audit.txt"));
        Assert.Single(Regex.Matches(audit, "kind=receive-paused reason=1 "));
        Assert.Single(Regex.Matches(audit, "kind=receive-resumed reason=1 "));
    }

    [Fact]
    public void Held_remote_frames_are_logged_with_their_dlc()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliRun.Of("replay", Flood(dir, "7DF#R2"), "--out", outDir, "--quiet").ExitCode);
        string[] heldLines = [.. File.ReadLines(Path.Combine(outDir, "decisions.log")).Where(l => l.Contains("receive-paused", StringComparison.Ordinal))];
        Assert.NotEmpty(heldLines);
        Assert.All(heldLines, l => Assert.Contains(" can1 7DF#R2 ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_receive_line_in_the_rules_raises_the_budget_and_prints_back()
    {
        using var dir = new TempDir();
        string rules = dir.File("rules.txt", "rule cells id=0x1F1\nreceive tcu frames=5000 per=100ms pause=2s\n");
        string outDir = Path.Combine(dir.Path, "out");
        var run = CliRun.Of("replay", Flood(dir), "--rules", rules, "--out", outDir);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FloodFrames, TimedCapture.Count(run.Stdout, "uds-denied"));
        Assert.DoesNotContain("receive-paused", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("receive tcu frames=5000 per=100ms pause=2s", File.ReadAllText(Path.Combine(outDir, "rules.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_during_the_pause_leaves_the_paused_side_alone_and_the_tick_after_it_resumes()
    {
        using var board = new EmulatedBoard().Activate();
        var bus = new NoBus();
        board.AddController("CAN1", bus);
        var tcuPort = board.AddController("CAN2", bus);
        var settings = new CanSettings(5, 14, 1, 0);
        var bridge = new CanBridge(CanController.FromId("CAN1", settings), CanController.FromId("CAN2", settings));
        var gateway = new Gateway(RuleTableText.Parse("rule a id=0x100\nreceive tcu frames=3\n", out _, out _));
        var clock = new Clock();
        bridge.Attach(gateway, clock, null);

        for (int i = 0; i < 6; i++)
        {
            Assert.True(tcuPort.Receive(0x7DF, false, false, new byte[] { 2, 1, 0 }, 3));
        }

        // Four judged (the fourth goes over), two held by the controller, untouched by the poll.
        bridge.Poll();
        Assert.True(gateway.Budget(GatewayPort.Tcu).Paused);
        Assert.Equal(0, gateway.Count(GatewayPort.Tcu, Verdict.ReceivePaused));
        long judged = gateway.Count(GatewayPort.Tcu, Verdict.UdsDenied) + gateway.Count(GatewayPort.Tcu, Verdict.TcuDefaultDeny);
        Assert.Equal(4, judged);

        clock.Now = ReceiveBudget.DefaultPauseMicros - 1;
        bridge.Resume(clock.Now);
        Assert.True(gateway.Budget(GatewayPort.Tcu).Paused);

        clock.Now = ReceiveBudget.DefaultPauseMicros;
        bridge.Resume(clock.Now);
        Assert.False(gateway.Budget(GatewayPort.Tcu).Paused);
        Assert.Equal(2, gateway.Count(GatewayPort.Tcu, Verdict.ReceivePaused));
        Assert.True(tcuPort.Receive(0x7DF, false, false, new byte[] { 2, 1, 0 }, 3));
        Assert.Equal(judged + 1, gateway.Count(GatewayPort.Tcu, Verdict.UdsDenied) + gateway.Count(GatewayPort.Tcu, Verdict.TcuDefaultDeny));
    }

    private sealed class Clock : IClock
    {
        public long Now { get; set; }

        public long NowMicros => Now;
    }

    private sealed class NoBus : ICanTransmitSink
    {
        public void OnTransmit(string controllerId, CanMessage message)
        {
        }
    }

    // BMS cell data every 10 ms for 4 s; from 0.5 s the TCU sends 2,000 OBD requests 250 us apart (4,000 a
    // second, what a babbling TCU can put on a 500 kbit/s bus); at 3 s one more TCU frame.
    private static string Flood(TempDir dir, string? floodFrame = null)
    {
        var events = new List<(long Micros, string Line)>();
        for (int i = 0; i < BmsFrames; i++)
        {
            events.Add((i * 10_000L, string.Create(CultureInfo.InvariantCulture, $"can0 1F1#{i:X16}")));
        }

        for (int i = 0; i < FloodFrames; i++)
        {
            events.Add((500_000L + (i * 250L), "can1 " + (floodFrame ?? string.Create(CultureInfo.InvariantCulture, $"7DF#0201{i:X12}"))));
        }

        events.Add((3_000_000L, "can1 7E0#0210030000000000"));
        return TimedCapture.Write(dir, "flood.log", events);
    }
}
