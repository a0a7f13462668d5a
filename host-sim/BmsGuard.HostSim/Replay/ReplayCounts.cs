using BmsGuard.Core;

namespace BmsGuard.HostSim.Replay;

/// <summary>What a replay saw, per direction: frames in, forwarded, and dropped per reason.</summary>
public sealed class ReplayCounts
{
    /// <summary>Reason for FD frames, which the classic-CAN device path cannot carry.</summary>
    public const string FdUnsupported = "can-fd-unsupported";

    /// <summary>Reason for error frames (bus events, not modelled by the device API).</summary>
    public const string ErrorFrame = "error-frame";

    /// <summary>Reason for frames lost because an emulated receive FIFO was full.</summary>
    public const string ReceiveOverrun = "rx-overrun";

    private readonly long[] _in = new long[2];
    private readonly long[] _forwarded = new long[2];
    private readonly long[] _originated = new long[2];
    // Reasons are a handful of constant strings: count them in slots found by reference first.
    private readonly List<string> _reasons = [];
    private readonly List<long[]> _reasonCounts = [];

    /// <summary>Frames that arrived from <paramref name="from"/>.</summary>
    public long In(GatewayPort from) => _in[(int)from];

    /// <summary>Frames from <paramref name="from"/> that reached the other side.</summary>
    public long Forwarded(GatewayPort from) => _forwarded[(int)from];

    /// <summary>Frames the guard itself sent to <paramref name="to"/> (flow control, negative responses, command status, native commands).</summary>
    public long Originated(GatewayPort to) => _originated[(int)to];

    /// <summary>What the guard decided about commands and diagnostics (verdict counts), one line each; empty when nothing reached it.</summary>
    public IReadOnlyList<string> GuardLines { get; internal set; } = [];

    /// <summary>Why telemetry did not all reach the broker (refused destination, messages still pending); null when it did or none was due.</summary>
    public string? UplinkFailure { get; internal set; }

    /// <summary>Frames from <paramref name="from"/> dropped, all reasons.</summary>
    public long Dropped(GatewayPort from) => _reasonCounts.Sum(c => c[(int)from]);

    /// <summary>Drops from <paramref name="from"/> by reason, in name order.</summary>
    public IReadOnlyDictionary<string, long> DropReasons(GatewayPort from)
    {
        var d = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < _reasons.Count; i++)
        {
            if (_reasonCounts[i][(int)from] > 0)
            {
                d[_reasons[i]] = _reasonCounts[i][(int)from];
            }
        }

        return d;
    }

    /// <summary>Frames whose capture time went backwards (replayed at the last time instead).</summary>
    public long TimeWentBackwards { get; internal set; }

    /// <summary>Frames on interfaces the map sends to none: skipped, neither side saw them.</summary>
    public long Ignored { get; internal set; }

    /// <summary>First and last capture time, nanoseconds.</summary>
    public long FirstNanos { get; internal set; } = -1;

    /// <summary>Last capture time, nanoseconds.</summary>
    public long LastNanos { get; internal set; }

    internal void CountIn(GatewayPort from) => _in[(int)from]++;

    internal void CountForward(GatewayPort from) => _forwarded[(int)from]++;

    internal void CountDrop(GatewayPort from, string reason)
    {
        for (int i = 0; i < _reasons.Count; i++)
        {
            if (ReferenceEquals(_reasons[i], reason))
            {
                _reasonCounts[i][(int)from]++;
                return;
            }
        }

        int slot = _reasons.IndexOf(reason);
        if (slot < 0)
        {
            _reasons.Add(reason);
            _reasonCounts.Add(new long[2]);
            slot = _reasons.Count - 1;
        }

        _reasonCounts[slot][(int)from]++;
    }

    internal void CountOriginated(GatewayPort to) => _originated[(int)to]++;
}
