using System.Diagnostics;
using System.Globalization;
using System.Text;
using BmsGuard.Core;
using BmsGuard.HostSim.Replay;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// The bench's live status line (frames/s each way over the last second, forwarded, drops by reason,
/// latency) and the bench section of its summary.
/// </summary>
public sealed class BenchStatus
{
    private readonly ReplayCounts _counts;
    private readonly LiveBuses _buses;
    private readonly BenchWire _wire;
    private readonly ICanInterface[] _interfaces;
    private readonly long[] _lastIn = new long[2];
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _lastTicks;

    /// <summary>Reports on a run of <paramref name="interfaces"/> (BMS side first).</summary>
    public BenchStatus(ReplayCounts counts, LiveBuses buses, BenchWire wire, ICanInterface[] interfaces)
    {
        _counts = counts;
        _buses = buses;
        _wire = wire;
        _interfaces = interfaces;
        _lastTicks = _start;
    }

    /// <summary>One status line; each call measures the rates since the previous one.</summary>
    public string Line()
    {
        long now = Stopwatch.GetTimestamp();
        double seconds = Math.Max(1e-6, (now - _lastTicks) / (double)Stopwatch.Frequency);
        _lastTicks = now;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"bench {(now - _start) / (double)Stopwatch.Frequency,6:F1} s");
        foreach (var (from, label) in new[] { (GatewayPort.Bms, "bms->tcu"), (GatewayPort.Tcu, "tcu->bms") })
        {
            long inNow = _counts.In(from);
            sb.Append(inv, $" | {label} {(inNow - _lastIn[(int)from]) / seconds,6:F0} f/s, {_counts.Forwarded(from):N0} fwd");
            _lastIn[(int)from] = inNow;
        }

        sb.Append(" | drops ").Append(Drops());
        sb.Append(inv, $" | latency p50 {Micros(_wire.Latency.Percentile(0.5))} p99 {Micros(_wire.Latency.Percentile(0.99))}");
        return sb.ToString();
    }

    /// <summary>The bench's own lines for the summary: how the run ended, losses outside the guard, latency.</summary>
    public string Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        double seconds = (Stopwatch.GetTimestamp() - _start) / (double)Stopwatch.Frequency;
        sb.AppendLine(inv, $"bench: {seconds:F1} s on the wall clock, ended by {_buses.EndReason ?? "stop"}");
        for (int i = 0; i < _interfaces.Length; i++)
        {
            var side = i == 0 ? GatewayPort.Bms : GatewayPort.Tcu;
            var iface = _interfaces[i];
            sb.Append(inv, $"  {(i == 0 ? "bms" : "tcu")} {iface.Name}: received {_buses.Received(i)}, sent {_wire.Sent(side)}, host queue overruns {_buses.Overruns(i)}, refused by the interface {_wire.Refused(side) + iface.TransmitRefused}");
            if (iface is SlcanInterface slcan)
            {
                sb.Append(inv, $", adapter overruns {slcan.AdapterOverruns}, malformed lines {slcan.Malformed}{(slcan.AdapterTimestamps ? "" : ", no adapter timestamps")}");
            }

            sb.AppendLine();
        }

        sb.AppendLine(inv, $"  arrival to send: p50 {Micros(_wire.Latency.Percentile(0.5))}, p99 {Micros(_wire.Latency.Percentile(0.99))}, max bucket {Micros(_wire.Latency.Percentile(1))} over {_wire.Latency.Count} frames");
        return sb.ToString();
    }

    private string Drops()
    {
        var all = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var side in new[] { GatewayPort.Bms, GatewayPort.Tcu })
        {
            foreach (var (reason, n) in _counts.DropReasons(side))
            {
                all[reason] = all.GetValueOrDefault(reason) + n;
            }
        }

        long overruns = 0;
        long refused = _wire.Refused(GatewayPort.Bms) + _wire.Refused(GatewayPort.Tcu);
        for (int i = 0; i < _interfaces.Length; i++)
        {
            overruns += _buses.Overruns(i);
            refused += _interfaces[i].TransmitRefused;
        }

        if (overruns > 0)
        {
            all["host-queue-overrun"] = overruns;
        }

        if (refused > 0)
        {
            all["tx-refused"] = refused;
        }

        return all.Count == 0 ? "none" : string.Join(' ', all.Select(kv => $"{kv.Key}={kv.Value}"));
    }

    private static string Micros(long nanos) => string.Create(CultureInfo.InvariantCulture, $"{nanos / 1000.0:F0} us");
}
