using System.Diagnostics;
using System.Globalization;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.Esp32;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Egress;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Report;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard replay</c>: drive a capture through the firmware in the emulator and report what crossed.</summary>
public static class ReplayCommand
{
    /// <summary>The bundled sample capture, next to the executable.</summary>
    public static string BundledSample => Path.Combine(AppContext.BaseDirectory, "samples", "reference-drive.log");

    /// <summary>Runs the command; Ctrl-C or SIGTERM stops it with every log cut where it stopped.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        using var interrupt = new ReplayInterrupt();
        return Run(cl, stdout, stderr, interrupt);
    }

    /// <summary>
    /// Whether the emulated NUCLEO controllers keep the DLC, as the image built with hardware/patches does: yes,
    /// unless --stock-driver asks for nanoFramework's stock STM32 driver, which gives every frame 8 bytes.
    /// --exact-dlc, the switch from before that was the default, is accepted.
    /// </summary>
    internal static bool KeepsDlc(CommandLine cl)
    {
        bool stock = cl.Flag("--stock-driver");
        if (cl.Flag("--exact-dlc") && stock)
        {
            throw new UsageException("--stock-driver gives every frame 8 bytes and --exact-dlc keeps the DLC: give one");
        }

        return !stock;
    }

    /// <summary>Runs the command, stopping when <paramref name="interrupt"/> is requested (checked every <see cref="ReplayEngine.ProgressEvery"/> frames).</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr, ReplayInterrupt interrupt)
    {
        string? rulesPath = cl.Option("--rules");
        string mapText = cl.Option("--map") ?? ChannelMap.DefaultText;
        string outDir = cl.Option("--out") ?? "bmsguard-out";
        bool decisions = !cl.Flag("--no-decisions");
        bool quiet = cl.Flag("--quiet");
        bool exactDlc = KeepsDlc(cl);
        string? guardDir = cl.Option("--guard");
        string? policyPath = cl.Option("--policy");
        string? mqtt = cl.Option("--mqtt");
        string? waitText = cl.Option("--mqtt-wait");
        string boardName = cl.Option("--board") ?? ReplayBoards.Nucleo;
        var esp32 = new Esp32ReplayOptions
        {
            SpiClockHz = cl.IntOption("--spi-hz", Esp32Mcp2515Board.SpiClockHz, 1_000, 10_000_000),
            TransactionOverheadNanos = cl.IntOption("--spi-overhead-ns", 0, 0, 10_000_000),
        };
        string? reportPath = cl.Option("--report");
        string? inputFormat = cl.Option("--input-format");
        cl.RejectUnknown(1);
        IReplayBoard board = ReplayBoards.Create(boardName, exactDlc, esp32)
            ?? throw new UsageException($"--board must be {ReplayBoards.Nucleo} or {ReplayBoards.Esp32}, not '{boardName}'");
        TimeSpan drain = TimeSpan.FromTicks(Durations.ParseNanos(waitText ?? "15s", "--mqtt-wait") / 100);
        (string Host, int Port)? broker = mqtt == null ? null : ParseBroker(mqtt);
        byte[]? policy = null;
        if (policyPath != null)
        {
            policy = File.Exists(policyPath) ? File.ReadAllBytes(policyPath) : throw new InputException($"{policyPath}: policy bundle not found (bmsguard policy compile ...)");
        }
        if (guardDir != null && !Directory.Exists(guardDir))
        {
            throw new InputException($"{guardDir}: no such guard directory (create one with 'bmsguard provision')");
        }
        string capture = cl.Positional.FirstOrDefault() ?? BundledSample;

        ChannelMap map;
        try
        {
            map = ChannelMap.Parse(mapText);
        }
        catch (FormatException e)
        {
            throw new UsageException("--map: " + e.Message);
        }

        RuleTable rules = RuleFiles.Load(rulesPath);
        string source = cl.Positional.Count > 0 ? CaptureInput.Name(capture) : Path.GetFileName(capture);
        // Parsing runs a batch ahead on a second thread, and the logs are written on a third.
        // The reader warns about oddities from its own thread: the writer is synchronized.
        using var progress = ProgressLine.Start("replay", stderr, CaptureInput.Length(capture), quiet);
        stderr = progress.Errors;
        var warnings = new CaptureWarnings(TextWriter.Synchronized(stderr), cl.Flag("--strict"));
        ICaptureReader reader = new ReadAheadCaptureReader(CaptureInput.Open(capture, source, warnings, inputFormat), candumpLines: true);

        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create output directory '{outDir}': {e.Message}");
        }

        // The logs are written over an earlier replay's (OutputFile.Rewrite): until the summary is
        // written again at the end, its absence says the logs in this directory are incomplete.
        string summaryPath = Path.Combine(outDir, "summary.txt");
        string rulesOutPath = Path.Combine(outDir, "rules.txt");
        File.Delete(summaryPath);
        File.Delete(rulesOutPath);
        if (!decisions)
        {
            // An earlier replay's decision log would sit next to logs it does not describe.
            File.Delete(Path.Combine(outDir, "decisions.log"));
        }

        var clock = Stopwatch.StartNew();
        ReplayCounts counts;
        string outboxPath = Path.Combine(outDir, "outbox.txt");
        File.Delete(outboxPath);
        var collector = reportPath == null ? null : new ReportCollector();
        using var spool = new OutputSpool();
        using (var outbox = OutboxWriter.Open(outboxPath))
        using (reader)
        using (var recorder = new ReplayRecorder(
            map,
            rules,
            board.BmsController,
            board.TcuController,
            OpenLog(spool, outDir, "to-tcu.log"),
            OpenLog(spool, outDir, "to-bms.log"),
            OpenLog(spool, outDir, "dropped-bms-to-tcu.log"),
            OpenLog(spool, outDir, "dropped-tcu-to-bms.log"),
            decisions ? OpenLog(spool, outDir, "decisions.log") : null))
        {
            try
            {
                counts = ReplayEngine.Run(reader, source, rules, map, recorder, frames =>
                {
                    interrupt.ThrowIfRequested(frames);
                    progress.Report(frames, reader.BytesConsumed);
                },
                exactDlc,
                new ReplayGuard
                {
                    Files = guardDir == null ? null : GuardFiles.At(Path.GetFullPath(guardDir) + Path.DirectorySeparatorChar),
                    PolicyBundle = policy,
                    AuditTextPath = Path.Combine(outDir, "audit.txt"),
                    UplinkClock = broker == null ? null : new WallClock(),
                    Uplink = telemetry => Uplink(telemetry, outbox, broker),
                    Booted = outbox.WriteBoot,
                    DrainTimeout = drain,
                    Report = collector,
                },
                board);
            }
            catch (CaptureFormatException e)
            {
                throw new InputException($"{e.Message} (outputs in {outDir} are incomplete)");
            }
            catch (ReplayInterrupt.Requested e)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bmsguard: replay interrupted after {e.Frames:N0} frames; the logs in {outDir}/ hold what the guard did until then (no summary.txt)"));
                return ReplayInterrupt.ExitCode;
            }
        }

        progress.Dispose();
        warnings.Finish();
        string summary = ReplaySummary.Format(source, counts, rules, map);
        File.WriteAllText(rulesOutPath, RuleTableText.Print(rules));
        File.WriteAllText(summaryPath, summary);
        if (collector != null)
        {
            var written = Stopwatch.StartNew();
            long bytes = ReportPage.Write(reportPath!, new ReportInput("replay", source, collector, counts, rules, summary, OutboxReader.Load(outboxPath)));
            if (!quiet)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: {reportPath} ({bytes:N0} bytes, written in {written.Elapsed.TotalSeconds:F2} s)"));
            }
        }

        if (!quiet)
        {
            stdout.Write(summary);
            stdout.WriteLine();
            stdout.WriteLine($"outputs in {outDir}/: to-tcu.log to-bms.log dropped-bms-to-tcu.log dropped-tcu-to-bms.log{(decisions ? " decisions.log" : "")} audit.txt outbox.txt rules.txt summary.txt");
            double seconds = clock.Elapsed.TotalSeconds;
            long frames = counts.In(GatewayPort.Bms) + counts.In(GatewayPort.Tcu);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed in {seconds:F2} s wall time ({frames / Math.Max(seconds, 1e-9):N0} frames/s)"));
        }

        if (broker != null && counts.UplinkFailure != null)
        {
            // The logs are complete; what failed is the broker the user asked for.
            stderr.WriteLine($"bmsguard: --mqtt {broker.Value.Host}:{broker.Value.Port}: {counts.UplinkFailure}");
            return Cli.External;
        }

        return 0;
    }

    // Telemetry goes to the policy's broker for real with --mqtt, else only into the outbox file;
    // either way every publish is an outbox line for 'bmsguard egress report'.
    internal static (BmsGuard.Core.Telemetry.IUplinkTransport, string)? Uplink(GuardTelemetry telemetry, OutboxWriter outbox, (string Host, int Port)? broker)
    {
        var policy = telemetry.Store.Active;
        if (policy == null)
        {
            return null;
        }

        if (broker is not { } b)
        {
            return (new OutboxTransport(outbox, null, OutboxWriter.NotSent), policy.BrokerCount > 0 ? policy.Broker(0) : "outbox");
        }

        var mqtt = new MqttUplinkTransport(b.Host, b.Port, "bmsguard-replay", GuardTelemetry.CommandTopic(policy.TopicPrefix), telemetry, 30);
        return (new OutboxTransport(outbox, mqtt, $"{b.Host}:{b.Port}"), b.Host);
    }

    internal static (string Host, int Port) ParseBroker(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new UsageException($"--mqtt must be host:port, e.g. 127.0.0.1:1883, not '{text}'");
        }

        return (text[..colon], port);
    }

    /// <summary>Creates the candump log <paramref name="name"/> in <paramref name="dir"/>, written on <paramref name="spool"/>'s thread.</summary>
    public static CandumpLogWriter OpenLog(OutputSpool spool, string dir, string name)
    {
        string path = Path.Combine(dir, name);
        try
        {
            return new(spool.Open(OutputFile.Rewrite(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}");
        }
    }
}
