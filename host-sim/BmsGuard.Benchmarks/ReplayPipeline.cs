using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Benchmarks;

/// <summary>Which files a replay writes.</summary>
internal enum ReplayOutputs
{
    /// <summary>No file: the recorder only counts (isolates reader + engine + emulation).</summary>
    None,

    /// <summary>to-tcu, to-bms and both dropped logs: <c>bmsguard replay --no-decisions</c>.</summary>
    NoDecisions,

    /// <summary>Everything, decisions.log included: <c>bmsguard replay</c>'s default.</summary>
    All,
}

/// <summary>
/// The path <c>bmsguard replay</c> runs (see ReplayCommand): the built-in reference rules, a
/// 64 KiB sequential FileStream into <see cref="CandumpLogReader"/>, <see cref="ReplayEngine.Run"/>
/// and a <see cref="ReplayRecorder"/> writing 64 KiB-buffered candump logs. The timed region is
/// what the CLI's own "replayed in" clock covers: opening the outputs to flushing them.
/// </summary>
internal static class ReplayPipeline
{
    /// <summary>Replays <paramref name="log"/> once, writing <paramref name="outputs"/> into <paramref name="outDir"/>.</summary>
    public static Sample Run(ReplayLog log, string outDir, ReplayOutputs outputs)
    {
        RuleTable rules = RuleFiles.Load(null);
        ChannelMap map = ChannelMap.Default;
        bool files = outputs != ReplayOutputs.None;
        ReplayCounts counts;
        var probe = Probe.Start();
        using (var spool = new OutputSpool())
        using (var reader = new ReadAheadCaptureReader(CaptureFormats.OpenReader(log.Path, "input.log"), candumpLines: files))
        using (var recorder = new ReplayRecorder(
            map,
            rules,
            NucleoF767ZiBoard.BmsController,
            NucleoF767ZiBoard.TcuController,
            files ? ReplayCommand.OpenLog(spool, outDir, "to-tcu.log") : null,
            files ? ReplayCommand.OpenLog(spool, outDir, "to-bms.log") : null,
            files ? ReplayCommand.OpenLog(spool, outDir, "dropped-bms-to-tcu.log") : null,
            files ? ReplayCommand.OpenLog(spool, outDir, "dropped-tcu-to-bms.log") : null,
            outputs == ReplayOutputs.All ? ReplayCommand.OpenLog(spool, outDir, "decisions.log") : null))
        {
            counts = ReplayEngine.Run(reader, "input.log", rules, map, recorder);
        }

        Sample sample = probe.Stop(log.Frames, log.Bytes);
        long replayed = counts.In(GatewayPort.Bms) + counts.In(GatewayPort.Tcu);
        if (replayed != log.Frames)
        {
            throw new InvalidOperationException($"replay saw {replayed} frames, the log has {log.Frames}");
        }

        return sample;
    }
}
