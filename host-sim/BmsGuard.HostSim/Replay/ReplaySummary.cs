using System.Globalization;
using System.Text;
using BmsGuard.Core;

namespace BmsGuard.HostSim.Replay;

/// <summary>The terminal summary of a replay: per direction, per drop reason and per rule. Deterministic (no wall time).</summary>
public static class ReplaySummary
{
    /// <summary>Formats the summary.</summary>
    public static string Format(string source, ReplayCounts counts, RuleTable rules, ChannelMap map)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        long total = counts.In(GatewayPort.Bms) + counts.In(GatewayPort.Tcu);
        double span = counts.FirstNanos < 0 ? 0 : (counts.LastNanos - counts.FirstNanos) / 1e9;
        sb.AppendLine(inv, $"BMS Guard replay of {source}: {total} frames over {span:F3} s of capture time");
        sb.AppendLine(inv, $"interfaces: {map}   rules: {rules.Count}");
        if (counts.Ignored > 0)
        {
            sb.AppendLine(inv, $"ignored: {counts.Ignored} frames on interfaces mapped to none");
        }

        if (counts.TimeWentBackwards > 0)
        {
            sb.AppendLine(inv, $"warning: {counts.TimeWentBackwards} frames had a timestamp earlier than the previous one; they were replayed at the previous time");
        }

        sb.AppendLine();
        sb.AppendLine("direction       frames  forwarded    dropped");
        foreach (var (from, label) in Directions)
        {
            sb.AppendLine(inv, $"{label,-12}{counts.In(from),10} {counts.Forwarded(from),10} {counts.Dropped(from),10}");
        }

        if (counts.Originated(GatewayPort.Tcu) + counts.Originated(GatewayPort.Bms) > 0)
        {
            sb.AppendLine(inv, $"guard -> TCU{counts.Originated(GatewayPort.Tcu),21}  (flow control, negative responses, command status)");
            sb.AppendLine(inv, $"guard -> BMS{counts.Originated(GatewayPort.Bms),21}  (native commands after a verified command)");
        }

        if (counts.GuardLines.Count > 0)
        {
            sb.AppendLine();
            foreach (var line in counts.GuardLines)
            {
                sb.AppendLine(line);
            }
        }

        var reasons = counts.DropReasons(GatewayPort.Bms).Keys.Union(counts.DropReasons(GatewayPort.Tcu).Keys).Order(StringComparer.Ordinal).ToList();
        if (reasons.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("dropped because       BMS -> TCU  TCU -> BMS");
            foreach (var reason in reasons)
            {
                sb.AppendLine(inv, $"{reason,-20}{counts.DropReasons(GatewayPort.Bms).GetValueOrDefault(reason),12}{counts.DropReasons(GatewayPort.Tcu).GetValueOrDefault(reason),12}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("rule (BMS -> TCU)      handled    dropped  filter");
        for (int i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            string filter = RuleTableText.PrintRule(r)[("rule " + r.Name).Length..].Trim();
            sb.AppendLine(inv, $"{r.Name,-18}{r.Handled,11}{r.Dropped,11}  {filter}");
        }

        return sb.ToString();
    }

    private static readonly (GatewayPort From, string Label)[] Directions =
        [(GatewayPort.Bms, "BMS -> TCU"), (GatewayPort.Tcu, "TCU -> BMS")];
}
