using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Emulation;
using BmsGuard.HostSim.Capture;
using nanoFramework.Device.Can;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// Drives a capture through the firmware: the board's device glue (<see cref="GatewayNode"/> on
/// emulated native controllers, or the ESP32's MCP2515 node on emulated chips, <see cref="IReplayBoard"/>)
/// opens its controllers, each captured frame is received by the controller of its side at its capture
/// time, and whatever the firmware writes is recorded.
/// </summary>
public static class ReplayEngine
{
    /// <summary>Capture time between two ticks of the guard's periodic work.</summary>
    public const long TickMicros = 10_000;

    /// <summary>Frames between two progress callbacks.</summary>
    public const int ProgressEvery = 1 << 16;

    /// <summary>
    /// Replays every frame of <paramref name="reader"/>; throws <see cref="CaptureFormatException"/> on
    /// bad input. <paramref name="progress"/> gets the number of frames replayed every
    /// <see cref="ProgressEvery"/> frames; what it throws ends the replay there.
    /// <paramref name="exactDlc"/> (the default) keeps the received DLC, as the NUCLEO image built with
    /// hardware/patches does; false emulates nanoFramework's stock STM32 driver (8 data bytes per frame).
    /// <paramref name="board"/> (default: the NUCLEO-F767ZI) is disposed when the replay ends.
    /// </summary>
    public static ReplayCounts Run(
        ICaptureReader reader,
        string source,
        RuleTable rules,
        ChannelMap map,
        ReplayRecorder recorder,
        Action<long>? progress = null,
        bool exactDlc = true,
        ReplayGuard? guard = null,
        IReplayBoard? board = null)
    {
        guard ??= new ReplayGuard();
        var guardFiles = guard.Files ?? GuardFiles.InMemory();
        var clock = new SimulatedClock();
        using var node = board ?? new NucleoReplayBoard(exactDlc);
        node.Start(rules, clock, guardFiles, recorder, guard.Wire ?? recorder);
        node.Gateway.Sink = recorder;
        guard.Report?.Attach(node.Guard, node.Gateway);
        guard.Booted?.Invoke(node.Guard.Audit.LastSequence); // the guard's last record yet is its boot record
        var telemetry = node.Guard.Telemetry;
        telemetry.UplinkClock = guard.UplinkClock;
        if (guard.PolicyBundle != null)
        {
            telemetry.OfferPolicy(guard.PolicyBundle, guard.PolicyBundle.Length, clock.NowMicros);
        }

        var uplink = guard.Uplink?.Invoke(telemetry);
        if (uplink is { } u)
        {
            telemetry.Connect(u.Transport, u.Host);
        }

        long lastTick = long.MinValue / 2; // far enough back that the first frame ticks, without overflowing the difference
        var counts = recorder.Counts;
        var own = new CaptureFrame();
        recorder.Current = own; // what a frame the guard sends before the first input is labelled with
        var ahead = reader as ReadAheadCaptureReader;
        // A board that decides a frame after the next one arrived labels its logs itself (not from the reader's line).
        recorder.Lines = ahead is { HasCandumpLines: true } && node is NucleoReplayBoard ? ahead : null;
        long frames = 0;
        string? lastChannel = null;
        GatewayPort lastSide = GatewayPort.Bms;
        try
        {
            // A read-ahead reader lends its frames (valid until the next read): no copy per frame.
            while (ahead != null ? ahead.TryBorrow(out CaptureFrame frame) : reader.Read(frame = own))
            {
                // Before the frame is replayed: a callback that throws (Ctrl-C) stops on a whole count.
                if (frames != 0 && frames % ProgressEvery == 0)
                {
                    progress?.Invoke(frames);
                }

                frames++;
                recorder.Current = frame;
                GatewayPort side = lastSide;
                if (!ReferenceEquals(frame.Channel, lastChannel) && !map.TryGetSide(frame.Channel, out side))
                {
                    if (map.Ignores(frame.Channel))
                    {
                        counts.Ignored++;
                        continue;
                    }

                    throw new CaptureFormatException(source, reader.Line, $"interface '{frame.Channel}' is not mapped to a side (replay with --map {map},{frame.Channel}=bms, =tcu or =none)");
                }

                if (counts.FirstNanos < 0)
                {
                    counts.FirstNanos = frame.TimestampNanos;
                }

                node.CatchUp(frame.TimestampNanos);
                recorder.Current = frame;
                if (!clock.AdvanceTo(frame.TimestampNanos / 1000))
                {
                    counts.TimeWentBackwards++;
                }
                else
                {
                    counts.LastNanos = frame.TimestampNanos;
                }

                lastChannel = frame.Channel;
                lastSide = side;
                counts.CountIn(side);

                if (frame.Fd || frame.Error)
                {
                    // nanoFramework's CanMessage is classic CAN only: say so instead of dropping silently.
                    recorder.RecordNotDelivered(side, frame.Fd ? ReplayCounts.FdUnsupported : ReplayCounts.ErrorFrame);
                    continue;
                }

                long now = clock.NowMicros;
                if (now - lastTick >= TickMicros)
                {
                    // The device ticks the guard from its main loop; here every 10 ms of capture time.
                    node.Tick(now);
                    lastTick = now;
                }

                if (!node.Receive(side, frame))
                {
                    recorder.RecordNotDelivered(side, ReplayCounts.ReceiveOverrun);
                }
            }

            node.CatchUp(long.MaxValue);
            telemetry.Flush(clock.NowMicros);
            Drain(telemetry, guard.DrainTimeout, clock.NowMicros);
        }
        finally
        {
            node.Close();
            if (guard.AuditTextPath != null)
            {
                // Here, not after the loop: an interrupted replay's audit text is cut where its logs are.
                using var side = SideFile.Create(guard.AuditTextPath);
                using (var text = new StreamWriter(side.Stream, leaveOpen: true))
                {
                    GuardReport.WriteAudit(node.Guard, guardFiles, text);
                }

                side.Commit();
            }
        }

        counts.GuardLines = [.. GuardReport.Lines(node.Guard), .. GuardReport.ReceivePauses(node.Gateway), .. node.Lines()];
        counts.UplinkFailure = telemetry.DestinationRefused > 0 ? "the broker is not on the policy's broker list: nothing was published"
            : telemetry.Uplink is { Pending: > 0 } pending ? $"{pending.Pending} telemetry message(s) still pending: the broker did not acknowledge them"
            : null;
        guard.Report?.Finish(guardFiles);
        return counts;
    }

    // A real broker acknowledges in real time, long after the capture's end in accelerated time:
    // keep pumping until the backlog is acknowledged or the timeout passes (what remains is counted).
    // The budget stays at the capture's end time: waiting for acknowledgements earns no allowance.
    private static void Drain(GuardTelemetry telemetry, TimeSpan timeout, long captureMicros)
    {
        var uplink = telemetry.Uplink;
        if (uplink == null || telemetry.UplinkClock == null)
        {
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((uplink.Pending > 0 || uplink.InFlight > 0) && clock.Elapsed < timeout)
        {
            uplink.Pump(telemetry.UplinkClock.NowMicros, captureMicros);
            Thread.Sleep(5);
        }
    }
}
