using System.Globalization;
using BmsGuard.Core.Telemetry;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// The report's telemetry part: per policy signal the raw value on the BMS bus (min-max band and mean
/// per bin) against what was published; identifiers withheld or pseudonymized; egress bytes per hour
/// against the policy's budget.
/// </summary>
public static class TelemetrySection
{
    /// <summary>Published points drawn per signal at most (more are thinned evenly; the table counts all).</summary>
    public const int MaxPoints = 2000;

    /// <summary>The section's HTML.</summary>
    public static string Html(ReportInput input)
    {
        var f = input.Collected.Findings!;
        var sb = new System.Text.StringBuilder("<section id=\"telemetry\"><h2>Telemetry</h2><ul class=\"lines\">");
        foreach (string line in f.Lines.Where(l => l.StartsWith("telemetry", StringComparison.Ordinal) || l.StartsWith("uplink", StringComparison.Ordinal)))
        {
            sb.Append("<li>").Append(Plots.Encode(line)).Append("</li>");
        }

        sb.Append("</ul>");
        var policy = f.Policy;
        if (policy == null)
        {
            return sb.Append("<p class=\"empty\">no telemetry policy was active: nothing was published</p></section>").ToString();
        }

        var published = Published.Decode(input.Outbox);
        sb.Append("<h3>Signals</h3>");
        sb.Append(Plots.Table(
            ["signal", "action", "treatment", "seen on the BMS bus", "emitted", "dropped", "published (outbox)"],
            f.SignalUses.Select((u, i) => (Use: u, Published: published.Samples(i).Count))
                .Where(p => p.Use.Action != TelemetryAction.Name(TelemetryAction.Identifier))
                .Select(p => (IReadOnlyList<string>)[p.Use.Name, p.Use.Action, p.Use.Treatment, Plots.N(p.Use.Seen), Plots.N(p.Use.Emitted), Plots.N(p.Use.Dropped), Plots.N(p.Published)]),
            id: "signals"));
        int parts = f.SignalUses.Count(u => u.Action == TelemetryAction.Name(TelemetryAction.Identifier));
        if (parts > 0)
        {
            sb.Append($"<p class=\"note\">{parts} signals are parts of identifiers: see Identifiers below.</p>");
        }

        for (int i = 0; i < policy.SignalCount; i++)
        {
            var signal = policy.Signal(i);
            if (signal.Treatment.Action == TelemetryAction.Identifier)
            {
                continue;
            }

            sb.Append("<h4>").Append(Plots.Encode($"{signal.Name}: {TreatmentText.Of(signal)}")).Append("</h4>");
            sb.Append(SignalChart(input, signal, published.Samples(i)));
        }

        sb.Append("<h3>Identifiers</h3>");
        sb.Append(Plots.Table(
            ["identifier", "action", "pseudonyms emitted", "distinct pseudonyms published", "unchanged (not re-sent)"],
            f.IdentifierUses.Select((u, i) => (IReadOnlyList<string>)[u.Name, u.Action == "drop" ? "withheld (drop)" : u.Action, Plots.N(u.Emitted), Plots.N(published.DistinctPseudonyms(i)), Plots.N(u.Unchanged)]),
            id: "identifiers"));
        sb.Append($"<p>{Plots.N(f.FramesWithheld)} frames to the TCU withheld whole by the policy; identifier pages forwarded on the bus have the policy's bytes blanked.</p>");
        foreach (string problem in published.Undecoded.Take(20))
        {
            sb.Append("<p class=\"bad\">").Append(Plots.Encode(problem)).Append("</p>");
        }

        sb.Append("<h3>Egress</h3>").Append(Egress(input, policy));
        return sb.Append("</section>").ToString();
    }

    private static string SignalChart(ReportInput input, TelemetrySignal signal, IReadOnlyList<(long Micros, long Units)> samples)
    {
        var traces = new List<GenericChart>();
        if (input.Collected.Signals.TryGetValue(signal.Name, out var series) && series.Bins.Count > 0)
        {
            var coarse = series.Bins.Coarsened(Plots.MaxValueBins, 0);
            var bins = Enumerable.Range(0, coarse.Count).Select(b => (B: b, V: series.At(coarse, b))).Where(p => p.V != null).ToList();
            var x = bins.Select(p => Plots.Seconds(coarse.StartMicros(p.B) + (coarse.WidthMicros / 2), input.OriginMicros)).ToArray();
            var band = Color.fromString("rgba(31,119,180,0.25)");
            traces.Add(PlotlyChart.Line<double, double, string>(x, bins.Select(p => Plots.Round(p.V!.Value.Max)), Name: "raw max", ShowLegend: false, LineColor: band, LineWidth: 0.5, UseDefaults: false));
            traces.Add(PlotlyChart.Line<double, double, string>(x, bins.Select(p => Plots.Round(p.V!.Value.Min)), Name: "raw min-max on the BMS bus", LineColor: band, LineWidth: 0.5, Fill: StyleParam.Fill.ToNext_y, FillColor: band, UseDefaults: false));
            traces.Add(PlotlyChart.Line<double, double, string>(x, bins.Select(p => Plots.Round(p.V!.Value.Mean)), Name: "raw mean on the BMS bus", LineColor: Color.fromString("#1f77b4"), LineWidth: 1.5, UseDefaults: false));
        }

        if (samples.Count > 0)
        {
            int step = (samples.Count + MaxPoints - 1) / MaxPoints;
            var shown = samples.Where((_, k) => k % step == 0).ToList();
            double scale = Math.Pow(10, -signal.Decimals);
            traces.Add(PlotlyChart.Point<double, double, string>(
                shown.Select(s => Plots.Seconds(s.Micros, input.OriginMicros)),
                shown.Select(s => Plots.Round(s.Units * scale)),
                Name: step == 1 ? "published" : $"published (every {step}th sample)",
                MarkerColor: Color.fromString("#ff7f0e"),
                UseDefaults: false));
        }

        if (traces.Count == 0)
        {
            return "<p class=\"empty\">not seen on the BMS bus, nothing published</p>";
        }

        string y = string.IsNullOrEmpty(signal.Unit) ? signal.Name : $"{signal.Name} ({signal.Unit})";
        string note = samples.Count == 0 ? "<p class=\"note\">nothing of this signal left the vehicle</p>" : string.Empty;
        return Plots.Html(Plots.Timeline(traces, y), 300) + note;
    }

    private static string Egress(ReportInput input, TelemetryPolicy policy)
    {
        var outbox = input.Outbox;
        if (outbox.Count == 0)
        {
            return "<p class=\"empty\">nothing was published</p>";
        }

        var bins = new TimeBins([BinFold.Sum], 1_000_000, 512);
        long total = 0;
        foreach (var line in outbox)
        {
            bins.Add(line.TimeMicros, 0, line.Payload.Length);
            total += line.Payload.Length;
        }

        double width = bins.WidthMicros / 1e6;
        var x = Enumerable.Range(0, bins.Count).Select(b => Plots.Seconds(bins.StartMicros(b) + (bins.WidthMicros / 2), input.OriginMicros)).ToArray();
        var y = Enumerable.Range(0, bins.Count).Select(b => Plots.Round(bins.Value(b, 0) * 3600 / width)).ToArray();
        var traces = new List<GenericChart>
        {
            PlotlyChart.Column<double, double, string>(y, Keys: x, Name: $"payload bytes/h (each {width:0.###} s bin, as an hourly rate)", MarkerColor: Color.fromString("#9467bd"), UseDefaults: false),
        };
        long budget = policy.EgressBytesPerHour;
        if (budget > 0)
        {
            traces.Add(PlotlyChart.Line<double, double, string>([x[0] - (width / 2), x[^1] + (width / 2)], [budget, budget], Name: "policy budget (bytes/h)", LineColor: Color.fromString("#d62728"), LineDash: StyleParam.DrawingStyle.Dash, UseDefaults: false));
        }

        double span = Math.Max((outbox[^1].TimeMicros - outbox[0].TimeMicros) / 1e6, width);
        double perHour = total * 3600 / span;
        string text = string.Create(CultureInfo.InvariantCulture, $"<p>{Plots.N(total)} payload bytes in {Plots.N(outbox.Count)} messages over {span:0.#} s: {perHour:N0} bytes/h")
            + (budget > 0 ? string.Create(CultureInfo.InvariantCulture, $", {100.0 * perHour / budget:0.#} % of the budget of {budget:N0} bytes/h (the budget starts with one hour's allowance)</p>") : ", no budget set</p>");
        return Plots.Html(Plots.Timeline(traces, "bytes/h"), 300) + text;
    }
}
