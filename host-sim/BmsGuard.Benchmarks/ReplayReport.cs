using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Benchmarks;

/// <summary>Prints parts 2 and 3: replay end to end against the target, then the per-stage breakdown.</summary>
internal static class ReplayReport
{
    /// <summary>Writes both sections; returns true when the replay target was met.</summary>
    public static bool Write(TextWriter o, BenchSettings s, ReplayResults r)
    {
        var log = r.Log;
        o.WriteLine($"2. Replay end to end: {Format.Count(log.Frames)}-frame candump log ({Format.One(log.Bytes / 1e6)} MB, reference traffic), in {s.ReplayProcesses} fresh processes each: median of {s.ReplayRepetitions} after >= {s.MinWarmupSeconds:F1} s of warm-up");
        o.WriteLine("   path: as bmsguard replay: CandumpLogReader on a read-ahead thread -> ReplayEngine.Run (GatewayNode on EmulatedBoard) -> ReplayRecorder -> candump logs written on a spool thread, in a temp dir");
        o.WriteLine($"   target: >= {Format.Millions(Targets.ReplayFramesPerSecond)} M frames/s, judged on the median process");
        var table = new TextTable("configuration", "M frames/s median process", "each process", "min", "max", "MB/s in", "ns/frame", "replay thread CPU ns/frame", "all threads CPU ns/frame", "B/frame", "target");
        bool met = true;
        foreach (var row in r.Isolated)
        {
            var m = row.Median;
            bool ok = m.MedianRate >= Targets.ReplayFramesPerSecond;
            met &= ok;
            string each = string.Join(" ", row.Processes.Select(p => Format.Millions(p.MedianRate)));
            table.Add(row.Name, Format.Millions(m.MedianRate), each, Format.Millions(row.All.MinRate), Format.Millions(row.All.MaxRate), Format.One(m.MedianMegabytesPerSecond), Format.One(m.NanosPerItem), Format.One(m.ThreadCpuNanosPerItem), Format.One(m.ProcessCpuNanosPerItem), Format.One(m.AllocatedPerItem), Format.Verdict(ok));
        }

        foreach (var row in r.EndToEnd)
        {
            var m = row.Stats;
            table.Add(row.Name + ", in this process", Format.Millions(m.MedianRate), "", Format.Millions(m.MinRate), Format.Millions(m.MaxRate), Format.One(m.MedianMegabytesPerSecond), Format.One(m.NanosPerItem), Format.One(m.ThreadCpuNanosPerItem), Format.One(m.ProcessCpuNanosPerItem), Format.One(m.AllocatedPerItem), "(breakdown)");
        }

        var first = r.FirstRun;
        table.Add("first run in process, all outputs", Format.Millions(first.Rate), "", "", "", Format.One(log.Bytes / first.Seconds / 1e6), Format.One(1e9 / first.Rate), Format.One(first.ThreadCpuNanosPerItem), Format.One(first.ProcessCpuNanosPerItem), Format.One(first.AllocatedPerItem), "(JIT warm-up)");
        o.Write(table.Render());
        o.WriteLine("   one all-outputs replay writes: " + string.Join(", ", r.OutputFiles.Select(f => $"{f.File} {Format.Count(f.Lines)} lines")));
        var k = r.KernelWrite.Stats;
        o.WriteLine($"   {r.KernelWrite.Name} in {OutputSpool.ChunkSize / 1024} KiB writes, nothing else: {Format.One(k.NanosPerItem)} ns/frame (min-max {Format.One(1e9 / k.MaxRate)}-{Format.One(1e9 / k.MinRate)}),");
        o.WriteLine("   the floor for the spool thread (written over the last run's file, as the replay does: see OutputFile.Rewrite)");
        o.WriteLine();

        o.WriteLine("3. Breakdown: the same log through ever longer prefixes of the replay path (medians; from the emulation row on, parsing and file writes run on their own threads)");
        var stages = new TextTable("stage", "M frames/s", "ns/frame", "adds ns/frame", "replay thread CPU ns/frame", "all threads CPU ns/frame", "B/frame", "adds B/frame", "share of full replay");
        double fullNs = r.Stages[^1].Stats.NanosPerItem;
        double prevNs = 0;
        double prevAlloc = 0;
        foreach (var row in r.Stages)
        {
            double ns = row.Stats.NanosPerItem;
            double alloc = row.Stats.AllocatedPerItem;
            stages.Add(row.Name, Format.Millions(row.Stats.MedianRate), Format.One(ns), Format.One(ns - prevNs), Format.One(row.Stats.ThreadCpuNanosPerItem), Format.One(row.Stats.ProcessCpuNanosPerItem), Format.One(alloc), Format.One(alloc - prevAlloc), Format.Percent(ns - prevNs, fullNs));
            prevNs = ns;
            prevAlloc = alloc;
        }

        o.Write(stages.Render());
        var lines = new TextTable("one output line (writer alone)", "M lines/s", "ns/line", "B/line");
        foreach (var row in r.OutputLine)
        {
            lines.Add(row.Name, Format.Millions(row.Stats.MedianRate), Format.One(row.Stats.NanosPerItem), Format.One(row.Stats.AllocatedPerItem));
        }

        o.Write(lines.Render());
        return met;
    }
}
