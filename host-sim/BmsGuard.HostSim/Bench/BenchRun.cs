using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Egress;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Report;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// <c>bmsguard bench</c>: the replay's engine and recorder, fed by two live interfaces on the wall
/// clock instead of a file, with the firmware's transmissions put on the buses. The logs are the
/// replay's (flushed every second); summary.txt and rules.txt are written when the run ends.
/// </summary>
public static class BenchRun
{
    /// <summary>The BMS side's frames are labelled can0 and the TCU side's can1, so the logs replay with the default map.</summary>
    public static readonly string[] Channels = ["can0", "can1"];

    /// <summary>Exit code when an interface failed during the run (its logs are kept).</summary>
    public const int InterfaceFailed = 3;

    /// <summary>Runs until the duration passes, <paramref name="stop"/> is cancelled or an interface fails.</summary>
    public static int Run(BenchOptions o, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        RuleTable rules = RuleFiles.Load(o.Rules);
        byte[]? policy = o.Policy == null ? null
            : File.Exists(o.Policy) ? File.ReadAllBytes(o.Policy) : throw new InputException($"{o.Policy}: policy bundle not found (bmsguard policy compile ...)");
        if (o.GuardDir != null && !Directory.Exists(o.GuardDir))
        {
            throw new InputException($"{o.GuardDir}: no such guard directory (create one with 'bmsguard provision')");
        }

        var map = ChannelMap.Default;
        var interfaces = new[] { Make(o.Bms), Make(o.Tcu) };
        try
        {
            foreach (var iface in interfaces)
            {
                Open(iface);
            }

            return Live(o, rules, policy, map, interfaces, stdout, stderr, stop);
        }
        finally
        {
            foreach (var iface in interfaces)
            {
                iface.Dispose();
            }
        }
    }

    /// <summary>Makes an interface from its name; a bad name is a usage error.</summary>
    public static ICanInterface Make(string name)
    {
        try
        {
            return CanInterfaces.Create(name);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Opens an interface; its failure is an input error naming it.</summary>
    public static void Open(ICanInterface iface)
    {
        try
        {
            iface.Open();
        }
        catch (CanInterfaceException e)
        {
            throw new InputException(e.Message);
        }
    }

    private static int Live(BenchOptions o, RuleTable rules, byte[]? policy, ChannelMap map, ICanInterface[] interfaces, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        string outDir = o.OutDir;
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create output directory '{outDir}': {e.Message}");
        }

        string summaryPath = Path.Combine(outDir, "summary.txt");
        string rulesOutPath = Path.Combine(outDir, "rules.txt");
        File.Delete(summaryPath);
        File.Delete(rulesOutPath);
        if (!o.Decisions)
        {
            File.Delete(Path.Combine(outDir, "decisions.log"));
        }

        string outboxPath = Path.Combine(outDir, "outbox.txt");
        File.Delete(outboxPath);
        using var buses = new LiveBuses(interfaces, Channels, hostTime: true, stop);
        if (o.Duration is { } d)
        {
            buses.DeadlineTicks = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        }

        using var spool = new OutputSpool();
        var outboxText = new StreamWriter(outboxPath) { NewLine = "\n" };
        outboxText.WriteLine(OutboxWriter.Header);
        CandumpLogWriter?[] logs =
        [
            ReplayCommand.OpenLog(spool, outDir, "to-tcu.log"),
            ReplayCommand.OpenLog(spool, outDir, "to-bms.log"),
            ReplayCommand.OpenLog(spool, outDir, "dropped-bms-to-tcu.log"),
            ReplayCommand.OpenLog(spool, outDir, "dropped-tcu-to-bms.log"),
            o.Decisions ? ReplayCommand.OpenLog(spool, outDir, "decisions.log") : null,
        ];
        ReplayCounts counts;
        BenchStatus status;
        var collector = o.Report == null ? null : new ReportCollector();
        using (var outbox = new OutboxWriter(outboxText, ownsWriter: true))
        using (var recorder = new ReplayRecorder(map, rules, NucleoF767ZiBoard.BmsController, NucleoF767ZiBoard.TcuController, logs[0], logs[1], logs[2], logs[3], logs[4]))
        {
            var wire = new BenchWire(buses, interfaces[0], interfaces[1], NucleoF767ZiBoard.TcuController, recorder);
            status = new BenchStatus(recorder.Counts, buses, wire, interfaces);
            bool terminal = !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
            buses.EverySecond = () =>
            {
                foreach (var log in logs)
                {
                    log?.Flush();
                }

                outboxText.Flush();
                if (!o.Quiet)
                {
                    // On a terminal the line is rewritten in place; into a file or pipe, one line a second.
                    stderr.Write(terminal ? "\r" + status.Line() + "\u001b[K" : status.Line() + "\n");
                }
            };
            buses.Start();
            counts = ReplayEngine.Run(buses, "the bench", rules, map, recorder, null, o.ExactDlc, new ReplayGuard
            {
                Files = o.GuardDir == null ? null : GuardFiles.At(Path.GetFullPath(o.GuardDir) + Path.DirectorySeparatorChar),
                PolicyBundle = policy,
                AuditTextPath = Path.Combine(outDir, "audit.txt"),
                UplinkClock = o.Broker == null ? null : new WallClock(),
                Uplink = telemetry => ReplayCommand.Uplink(telemetry, outbox, o.Broker),
                Booted = outbox.WriteBoot,
                Wire = wire,
                Report = collector,
            });
            if (!o.Quiet && terminal)
            {
                stderr.WriteLine();
            }
        }

        string summary = ReplaySummary.Format($"{interfaces[0].Name} (bms) and {interfaces[1].Name} (tcu)", counts, rules, map) + Environment.NewLine + status.Summary();
        File.WriteAllText(rulesOutPath, RuleTableText.Print(rules));
        File.WriteAllText(summaryPath, summary);
        if (collector != null)
        {
            string source = $"{interfaces[0].Name} (bms) and {interfaces[1].Name} (tcu)";
            ReportPage.Write(o.Report!, new ReportInput("bench", source, collector, counts, rules, summary, OutboxReader.Load(outboxPath)));
        }

        if (!o.Quiet)
        {
            stdout.Write(summary);
            stdout.WriteLine($"outputs in {outDir}/: to-tcu.log to-bms.log dropped-bms-to-tcu.log dropped-tcu-to-bms.log{(o.Decisions ? " decisions.log" : "")} audit.txt outbox.txt rules.txt summary.txt");
        }

        if (buses.Failure is { } failure)
        {
            stderr.WriteLine($"bmsguard: {failure.Message} (the logs in {outDir}/ hold everything until then)");
            return InterfaceFailed;
        }

        return 0;
    }
}
