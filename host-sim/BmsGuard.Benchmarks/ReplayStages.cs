using BmsGuard.Core;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.HostSim.Output;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Pieces of the replay path timed alone, so the end-to-end time can be split: reading the file,
/// parsing it, deciding it without the emulated controllers, and formatting output lines.
/// </summary>
internal static class ReplayStages
{
    /// <summary>Only the 64 KiB FileStream reads (page-cache bandwidth, the floor of any replay).</summary>
    public static Sample FileRead(ReplayLog log)
    {
        var buffer = new byte[1 << 16];
        var probe = Probe.Start();
        using (var input = OpenInput(log))
        {
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        return probe.Stop(log.Frames, log.Bytes);
    }

    /// <summary>FileStream + <see cref="CandumpLogReader"/>: every line parsed into a frame, nothing else.</summary>
    public static Sample Parse(ReplayLog log)
    {
        var frame = new CaptureFrame();
        long frames = 0;
        var probe = Probe.Start();
        using (var reader = new CandumpLogReader(OpenInput(log), "input.log"))
        {
            while (reader.Read(frame))
            {
                frames++;
            }
        }

        return Checked(probe.Stop(frames, log.Bytes), log);
    }

    /// <summary>
    /// Parse + <see cref="Gateway.Decide"/> called directly on the parsed frame, with the reference
    /// rules and capture time: the replay minus the emulated controllers and the recorder. With
    /// <paramref name="withGuard"/>, the guard is attached as on the device (vehicle state, telemetry,
    /// UDS responses, TCU ingress) and ticked every 10 ms of capture time: that splits the engine row
    /// into the guard's share and the emulation's.
    /// </summary>
    public static Sample ParseAndDecide(ReplayLog log, bool withGuard = false)
    {
        var gateway = new Gateway(RuleFiles.Load(null));
        BmsGuard.Device.Guard? guard = null;
        if (withGuard)
        {
            guard = new BmsGuard.Device.Guard(BmsGuard.Device.GuardFiles.InMemory(), new DiscardingOutbox(), 0);
            guard.Attach(gateway);
        }

        ChannelMap map = ChannelMap.Default;
        var frame = new CaptureFrame();
        long frames = 0;
        long forwarded = 0;
        long lastTick = long.MinValue / 2;
        var probe = Probe.Start();
        using (var reader = new CandumpLogReader(OpenInput(log), "input.log"))
        {
            while (reader.Read(frame))
            {
                frames++;
                if (frame.Fd || frame.Error || !map.TryGetSide(frame.Channel, out var side))
                {
                    continue;
                }

                long now = frame.TimestampNanos / 1000;
                if (guard != null && now - lastTick >= ReplayEngine.TickMicros)
                {
                    guard.Tick(now);
                    lastTick = now;
                }

                var v = gateway.Decide(side, frame.Id, frame.Extended, frame.Remote, frame.Data, frame.Length, now);
                forwarded += v == Verdict.Forward ? 1 : 0;
            }
        }

        GC.KeepAlive(forwarded);
        return Checked(probe.Stop(frames, log.Bytes), log);
    }

    /// <summary>
    /// <see cref="CandumpLogWriter"/> formatting <paramref name="lines"/> frames (the generated
    /// cycle, repeated) into <paramref name="target"/>: the cost of one output line.
    /// </summary>
    public static Sample Write(IReadOnlyList<CaptureFrame> cycle, long lines, Func<Stream> target)
    {
        var probe = Probe.Start();
        using (var writer = new CandumpLogWriter(target()))
        {
            for (long i = 0; i < lines; i++)
            {
                writer.Write(cycle[(int)(i % cycle.Count)]);
            }
        }

        return probe.Stop(lines);
    }

    /// <summary>
    /// Only the kernel's part of writing the outputs: <paramref name="bytes"/> bytes in chunks of
    /// the spool's size over the file of the last run (as the replay writes its logs), counted per
    /// replayed frame. No replay can beat this floor.
    /// </summary>
    public static Sample KernelWrite(string path, long bytes, long frames)
    {
        var chunk = new byte[OutputSpool.ChunkSize];
        chunk.AsSpan().Fill((byte)'0');
        var probe = Probe.Start();
        using (var file = OutputFile.Rewrite(path))
        {
            for (long left = bytes; left > 0; left -= chunk.Length)
            {
                file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }

        return probe.Stop(frames);
    }

    private static FileStream OpenInput(ReplayLog log) =>
        new(log.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static Sample Checked(Sample sample, ReplayLog log) =>
        sample.Items == log.Frames ? sample : throw new InvalidOperationException($"read {sample.Items} frames, the log has {log.Frames}");

    // The guard's own frames (negative responses, flow control) go nowhere here.
    private sealed class DiscardingOutbox : IFrameOutbox
    {
        public bool Send(GatewayPort to, uint id, bool extended, byte[] data, int length) => true;
    }
}
