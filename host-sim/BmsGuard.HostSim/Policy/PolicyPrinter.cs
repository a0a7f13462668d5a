using System.Globalization;
using System.Text;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.HostSim.Policy;

/// <summary>
/// Prints a compiled policy as policy YAML: `bmsguard policy compile` reads the print back (with the same DBC)
/// into the same bundle body. Each signal's compiled layout and scaling follow as a comment.
/// </summary>
public static class PolicyPrinter
{
    /// <summary>The policy as YAML; <paramref name="header"/> lines are printed first as comments.</summary>
    public static string Print(TelemetryPolicy policy, IEnumerable<string> header)
    {
        var sb = new StringBuilder();
        foreach (string line in header)
        {
            sb.Append("# ").Append(line).Append('\n');
        }

        sb.Append("destination:\n  brokers: [");
        sb.Append(string.Join(", ", Enumerable.Range(0, policy.BrokerCount).Select(i => Quote(policy.Broker(i)))));
        sb.Append("]\n");
        if (policy.TimeServerCount > 0)
        {
            sb.Append("  time-servers: [");
            sb.Append(string.Join(", ", Enumerable.Range(0, policy.TimeServerCount).Select(i => Quote(policy.TimeServer(i)))));
            sb.Append("]\n");
        }

        sb.Append("  topic-prefix: ").Append(Quote(policy.TopicPrefix)).Append('\n');
        sb.Append("egress:\n  bytes-per-hour: ").Append(policy.EgressBytesPerHour.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  drop: ").Append(policy.DropNewest ? "newest" : "oldest").Append('\n');
        sb.Append("signals:\n");
        for (int i = 0; i < policy.SignalCount; i++)
        {
            var s = policy.Signal(i);
            if (s.Treatment.Action != TelemetryAction.Identifier)
            {
                sb.Append("  ").Append(s.Name).Append(": ").Append(Treatment(s)).Append("  # ").Append(Layout(s)).Append('\n');
            }
        }

        if (policy.IdentifierCount > 0)
        {
            sb.Append("identifiers:\n");
        }

        for (int id = 0; id < policy.IdentifierCount; id++)
        {
            var ident = policy.Identifier(id);
            var parts = Enumerable.Range(0, policy.SignalCount).Select(policy.Signal)
                .Where(s => s.Treatment.Identifier == id).OrderBy(s => s.Treatment.Part).Select(s => s.Name);
            sb.Append("  ").Append(ident.Name).Append(":\n");
            sb.Append("    action: ").Append(IdentifierAction.Name(ident.Action)).Append('\n');
            if (ident.Action == IdentifierAction.Pseudonymize)
            {
                sb.Append("    bytes: ").Append(ident.PseudonymBytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
                if (ident.EveryMicros > 0)
                {
                    sb.Append("    every: ").Append(PolicyDurations.Format(ident.EveryMicros)).Append('\n');
                }
            }

            sb.Append("    signals: [").Append(string.Join(", ", parts)).Append("]  # ")
                .Append(policy.IdentifierRawBytes(id).ToString(CultureInfo.InvariantCulture)).Append(" raw bytes\n");
        }

        return sb.ToString();
    }

    private static string Treatment(TelemetrySignal s)
    {
        var t = s.Treatment;
        var fields = new List<string>();
        if (t.StepUnits > 0)
        {
            fields.Add("step: " + FixedPoint.Format(t.StepUnits, s.Decimals));
        }

        if (t.EveryMicros > 0)
        {
            fields.Add("every: " + PolicyDurations.Format(t.EveryMicros));
        }

        if (t.Action == TelemetryAction.Aggregate)
        {
            fields.Add("window: " + PolicyDurations.Format(t.WindowMicros));
            fields.Add("function: " + AggregateFunction.Name(t.Function));
        }

        if (t.Action == TelemetryAction.Delay)
        {
            fields.Add("by: " + PolicyDurations.Format(t.DelayMicros));
            fields.Add("slots: " + t.DelaySlots.ToString(CultureInfo.InvariantCulture));
        }

        string action = TelemetryAction.Name(t.Action);
        return fields.Count == 0 ? action : "{action: " + action + ", " + string.Join(", ", fields) + "}";
    }

    private static string Layout(TelemetrySignal s)
    {
        var sb = new StringBuilder();
        sb.Append("id=0x").Append(s.Id.ToString(s.Extended ? "X8" : "X3", CultureInfo.InvariantCulture)).Append(s.Extended ? " ext" : "");
        sb.Append(" start=").Append(s.StartBit).Append(" len=").Append(s.Length);
        sb.Append(s.Motorola ? " motorola" : " intel").Append(s.Signed ? " signed" : " unsigned");
        sb.Append(" scale=").Append(FixedPoint.Format(s.ScaleUnits, s.Decimals)).Append(" offset=").Append(FixedPoint.Format(s.OffsetUnits, s.Decimals));
        if (s.Unit.Length > 0)
        {
            sb.Append(" unit=").Append(s.Unit);
        }

        if (s.Mux != null)
        {
            sb.Append(" mux=").Append(s.Mux.StartBit).Append('|').Append(s.Mux.Length).Append(s.Mux.Motorola ? "@0" : "@1").Append(':')
                .Append(s.Mux.Low).Append(s.Mux.High != s.Mux.Low ? "-" + s.Mux.High : "");
        }

        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
