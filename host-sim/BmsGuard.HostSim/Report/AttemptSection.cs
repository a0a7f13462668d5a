using System.Globalization;
using BmsGuard.Core.Safety;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// The report's commands and diagnostics part: every audited attempt on a timeline, let through or
/// refused with its reason, above the vehicle speed and charging state it was judged against.
/// </summary>
public static class AttemptSection
{
    /// <summary>Rows listed in the table; the chart shows every attempt.</summary>
    public const int MaxRows = 1000;

    /// <summary>The section's HTML.</summary>
    public static string Html(ReportInput input)
    {
        var findings = input.Collected.Findings!;
        var guard = input.Collected.Guard!;
        var sb = new System.Text.StringBuilder("<section id=\"commands\"><h2>Commands and diagnostics</h2>");
        sb.Append("<ul class=\"lines\">");
        foreach (string line in findings.Lines.Where(l => !l.StartsWith("telemetry", StringComparison.Ordinal) && !l.StartsWith("uplink", StringComparison.Ordinal)))
        {
            sb.Append("<li>").Append(Plots.Encode(line)).Append("</li>");
        }

        sb.Append("</ul>");
        var attempts = findings.Attempts;
        var state = guard.VehicleState;
        var charts = new List<GenericChart>();
        if (attempts.Count > 0)
        {
            var chart = PlotlyChart.Combine(new[] { true, false }.Select(allowed => Markers(input, attempts.Where(a => a.Allowed == allowed).ToList(), allowed, state)).Where(c => c != null).Select(c => c!));
            charts.Add(Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "attempt"));
        }

        charts.AddRange(VehicleLines(input, state));
        if (charts.Count == 0)
        {
            return sb.Append("<p class=\"empty\">no command or diagnostic attempt, and no vehicle state seen</p></section>").ToString();
        }

        var grid = PlotlyChart.Grid(charts, charts.Count, 1, Pattern: StyleParam.LayoutGridPattern.Coupled);
        grid = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(grid, TitleText: "time since capture start (s)");
        sb.Append(Plots.Html(grid, 200 + (180 * charts.Count)));
        if (attempts.Count == 0)
        {
            sb.Append("<p class=\"empty\">no command or diagnostic attempt reached the guard</p>");
        }
        else
        {
            sb.Append(Plots.Table(
                ["time (s)", "audit seq", "record", "subject", "verdict", "vehicle speed", "charging state", "detail"],
                attempts.Take(MaxRows).Select(a => (IReadOnlyList<string>)[
                    a.Micros < input.OriginMicros ? "at boot" : Plots.Time(Plots.Seconds(a.Micros, input.OriginMicros)), a.Sequence.ToString(CultureInfo.InvariantCulture), a.Kind, a.Subject, a.Reason,
                    TapText(state, "vehicle_speed", StateOf(input, a)?.Speed), TapText(state, "charging_state", StateOf(input, a)?.Charging), a.Detail]),
                r => attempts[r].Allowed ? "ok" : "drop",
                "attempts"));
            if (attempts.Count > MaxRows)
            {
                sb.Append($"<p class=\"note\">{Plots.N(attempts.Count - MaxRows)} more attempts are on the chart and in audit.txt</p>");
            }
        }

        return sb.Append("</section>").ToString();
    }

    /// <summary>A tap's value as text with its unit or value name, "stale" or "never seen".</summary>
    public static string TapText(VehicleState state, string tap, TapValue? value)
    {
        int i = state.IndexOf(tap);
        if (i < 0 || value is not { } v)
        {
            return "never seen";
        }

        var t = state.Tap(i);
        string text = Physical(t, v.Units);
        return v.Fresh ? text : text + " (stale)";
    }

    // A record from the guard's boot was judged before any frame: no vehicle state yet.
    private static StateAt? StateOf(ReportInput input, Attempt a) => a.Micros < input.OriginMicros ? null : a.State;

    private static string Physical(SignalTap tap, long units)
    {
        for (int k = 0; k < tap.ValueCount; k++)
        {
            if (tap.ToUnits(tap.ValueRaw(k)) == units)
            {
                return tap.ValueName(k);
            }
        }

        string unit = string.IsNullOrEmpty(tap.Unit) ? string.Empty : " " + tap.Unit;
        return (units * Math.Pow(10, -tap.Decimals)).ToString("0.###", CultureInfo.InvariantCulture) + unit;
    }

    private static GenericChart? Markers(ReportInput input, List<Attempt> attempts, bool allowed, VehicleState state)
    {
        if (attempts.Count == 0)
        {
            return null;
        }

        // Records from the guard's boot (a policy offered at start) carry the clock before the first frame: drawn at 0.
        var x = attempts.Select(a => Math.Max(0, Plots.Seconds(a.Micros, input.OriginMicros))).ToArray();
        var y = attempts.Select(a => a.Subject).ToArray();
        var text = attempts.Select(a =>
            $"{a.Kind}: {a.Subject}<br>verdict: {a.Reason}<br>speed: {TapText(state, "vehicle_speed", StateOf(input, a)?.Speed)}<br>charging: {TapText(state, "charging_state", StateOf(input, a)?.Charging)}<br>audit seq {a.Sequence}").ToArray();
        return PlotlyChart.Point<double, string, string>(
            x,
            y,
            Name: allowed ? "let through" : "refused",
            MultiText: text,
            MarkerColor: Color.fromString(allowed ? Plots.ForwardColor : "#d62728"),
            MarkerSymbol: allowed ? StyleParam.MarkerSymbol.Circle : StyleParam.MarkerSymbol.X,
            UseDefaults: false);
    }

    private static IEnumerable<GenericChart> VehicleLines(ReportInput input, VehicleState state)
    {
        var bins = input.Collected.Vehicle.Coarsened(Plots.MaxValueBins, 0);
        string[] taps = ["vehicle_speed", "charging_state"];
        for (int column = 0; column < taps.Length; column++)
        {
            int tap = state.IndexOf(taps[column]);
            var points = Enumerable.Range(0, bins.Count).Where(b => bins.Value(b, column) != TimeBins.Empty).ToList();
            if (tap < 0 || points.Count == 0)
            {
                continue;
            }

            var t = state.Tap(tap);
            var x = points.Select(b => Plots.Seconds(bins.StartMicros(b), input.OriginMicros)).ToArray();
            GenericChart line;
            if (t.ValueCount > 0)
            {
                var y = points.Select(b => Physical(t, bins.Value(b, column))).ToArray();
                line = PlotlyChart.Line<double, string, string>(x, y, Name: t.Name, LineColor: Color.fromString("#555555"), UseDefaults: false);
            }
            else
            {
                var y = points.Select(b => Plots.Round(bins.Value(b, column) * Math.Pow(10, -t.Decimals))).ToArray();
                line = PlotlyChart.Line<double, double, string>(x, y, Name: t.Name, LineColor: Color.fromString("#1f77b4"), UseDefaults: false);
            }

            string title = string.IsNullOrEmpty(t.Unit) ? t.Name : $"{t.Name} ({t.Unit})";
            yield return Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(line, TitleText: title);
        }
    }
}
