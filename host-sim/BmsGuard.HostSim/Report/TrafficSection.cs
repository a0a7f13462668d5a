using System.Globalization;
using BmsGuard.Core;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BmsGuard.HostSim.Report;

/// <summary>The report's traffic part: frames/s per direction stacked by verdict, and the rule table with its share of the traffic.</summary>
public static class TrafficSection
{
    /// <summary>The section's HTML.</summary>
    public static string Html(ReportInput input)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("<section id=\"traffic\"><h2>Traffic</h2>");
        foreach (var (from, title) in new[] { (GatewayPort.Bms, "BMS → TCU (leaving toward the vehicle's uplink)"), (GatewayPort.Tcu, "TCU → BMS (trying to reach the battery)") })
        {
            sb.Append("<h3>").Append(Plots.Encode(title)).Append("</h3>");
            sb.Append(Timeline(input, from));
            sb.Append(VerdictTable(input, from));
        }

        sb.Append("<h3>Rules (BMS → TCU)</h3>");
        sb.Append(RuleTable(input));
        return sb.Append("</section>").ToString();
    }

    /// <summary>Total frames of <paramref name="verdict"/> from <paramref name="from"/> over the run.</summary>
    public static long Total(TimeBins traffic, GatewayPort from, Verdict verdict)
    {
        long n = 0;
        int column = ((int)from * VerdictNames.Count) + (int)verdict;
        for (int b = 0; b < traffic.Count; b++)
        {
            n += traffic.Value(b, column);
        }

        return n;
    }

    private static string Timeline(ReportInput input, GatewayPort from)
    {
        if (input.Collected.Traffic.Count == 0)
        {
            return "<p class=\"empty\">no frames</p>";
        }

        var traffic = input.Collected.Traffic.Coarsened(Plots.MaxRateBins, Plots.MinRateBinMicros);

        double width = traffic.WidthMicros / 1e6;
        var x = Enumerable.Range(0, traffic.Count).Select(b => Plots.Seconds(traffic.StartMicros(b) + (traffic.WidthMicros / 2), input.OriginMicros)).ToArray();
        var traces = new List<GenericChart>();
        int drop = 0;
        for (int v = 0; v < VerdictNames.Count; v++)
        {
            var verdict = (Verdict)v;
            if (Total(traffic, from, verdict) == 0)
            {
                continue;
            }

            int column = ((int)from * VerdictNames.Count) + v;
            var y = Enumerable.Range(0, traffic.Count).Select(b => Plots.Round(traffic.Value(b, column) / width)).ToArray();
            string color = verdict == Verdict.Forward ? Plots.ForwardColor : Plots.DropPalette[drop++ % Plots.DropPalette.Length];
            string name = verdict == Verdict.Forward ? "forwarded" : "dropped: " + VerdictNames.Name(verdict);
            traces.Add(PlotlyChart.StackedArea<double, double, string>(x, y, Name: name, LineColor: Color.fromString(color), FillColor: Color.fromString(color), UseDefaults: false));
        }

        if (traces.Count == 0)
        {
            return "<p class=\"empty\">no frames in this direction</p>";
        }

        string binText = string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\">frames/s in bins of {width:0.###} s, stacked by verdict</p>");
        return Plots.Html(Plots.Timeline(traces, "frames/s"), 340) + binText;
    }

    private static string VerdictTable(ReportInput input, GatewayPort from)
    {
        var traffic = input.Collected.Traffic;
        long all = input.Counts.In(from);
        var rows = new List<string[]>();
        for (int v = 0; v < VerdictNames.Count; v++)
        {
            long n = Total(traffic, from, (Verdict)v);
            if (n > 0)
            {
                rows.Add([VerdictNames.Name((Verdict)v), Plots.N(n), Plots.Percent(n, all)]);
            }
        }

        foreach (var (reason, n) in input.Counts.DropReasons(from).Where(p => VerdictNames.Count > 0 && !IsVerdict(p.Key)))
        {
            rows.Add([reason + " (not delivered to the firmware)", Plots.N(n), Plots.Percent(n, all)]);
        }

        return Plots.Table(["verdict", "frames", "share of frames in"], rows, r => rows[r][0] == "forward" ? "ok" : "drop");
    }

    private static bool IsVerdict(string name)
    {
        for (int v = 0; v < VerdictNames.Count; v++)
        {
            if (VerdictNames.Name((Verdict)v) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string RuleTable(ReportInput input)
    {
        var rules = input.Rules;
        long all = input.Counts.In(GatewayPort.Bms);
        var rows = new List<string[]>();
        var shares = new List<(string Name, long Frames)>();
        for (int i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            long frames = r.Handled + r.Dropped;
            string match = string.Create(CultureInfo.InvariantCulture, $"{(r.Inverse ? "not " : string.Empty)}{r.Id.ToString(r.Extended ? "X8" : "X3", CultureInfo.InvariantCulture)}/{r.Mask.ToString(r.Extended ? "X8" : "X3", CultureInfo.InvariantCulture)}");
            string limit = r.MinIntervalMicros > 0 ? string.Create(CultureInfo.InvariantCulture, $"≥ {r.MinIntervalMicros / 1000.0:0.###} ms apart") : "-";
            rows.Add([r.Name, match, limit, r.Edit != null ? "yes" : "-", Plots.N(r.Handled), Plots.N(r.Dropped), Plots.Percent(frames, all)]);
            shares.Add((r.Name, frames));
        }

        long unmatched = Total(input.Collected.Traffic, GatewayPort.Bms, Verdict.NotAllowed);
        rows.Add(["(no rule: not-allowed)", "-", "-", "-", "0", Plots.N(unmatched), Plots.Percent(unmatched, all)]);
        shares.Add(("(no rule)", unmatched));
        string table = Plots.Table(["rule", "id/mask", "rate limit", "edits", "forwarded", "dropped", "share of BMS frames"], rows, id: "rules");
        var top = shares.Where(s => s.Frames > 0).OrderByDescending(s => s.Frames).Take(30).Reverse().ToList();
        if (top.Count == 0 || all == 0)
        {
            return table;
        }

        var chart = PlotlyChart.Bar<double, string, string>(
            top.Select(s => 100.0 * s.Frames / all),
            Keys: top.Select(s => s.Name).ToArray(),
            Name: "share of BMS frames (%)",
            MarkerColor: Color.fromString("#1f77b4"),
            UseDefaults: false);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "% of frames from the BMS handled by the rule");
        return Plots.Html(chart, Math.Max(220, 60 + (22 * top.Count))) + table;
    }
}
