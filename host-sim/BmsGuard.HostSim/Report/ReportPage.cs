using System.Text;
using BmsGuard.Core;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// Writes the report: one self-contained HTML file (plotly.js and the data inline, no request to any
/// server) with the traffic, the commands and diagnostics, the telemetry and the audit check.
/// </summary>
public static class ReportPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 40px;color:#222}
        h1{font-size:1.5em;margin:18px 0 4px} h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:36px} h3{margin-top:24px} h4{margin:18px 0 0;font-weight:600}
        table{border-collapse:collapse;font-size:13px;margin:8px 0} th,td{border:1px solid #ddd;padding:3px 8px;text-align:left} th{background:#f3f3f3}
        td:nth-child(n+2){font-variant-numeric:tabular-nums} tr.drop td:first-child{border-left:4px solid #d62728} tr.ok td:first-child{border-left:4px solid #2ca02c}
        .verdict{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600} .good{background:#e6f4ea;color:#1e6b34} .bad{background:#fdecea;color:#a11a14}
        .note,.empty{color:#666;font-size:13px} ul.lines{font-family:ui-monospace,monospace;font-size:13px} pre{background:#f7f7f7;padding:10px;overflow:auto;font-size:12px}
        nav a{margin-right:14px}
        """;

    /// <summary>The report's HTML.</summary>
    public static string Build(ReportInput input)
    {
        var findings = input.Collected.Findings ?? throw new InvalidOperationException("the collector has not finished");
        var sb = new StringBuilder(1 << 20);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:\">");
        sb.Append("<title>").Append(Plots.Encode($"BMS Guard {input.Kind} report: {input.Source}")).Append("</title>");
        sb.Append("<style>").Append(Style).Append("</style>");
        sb.Append("<script>").Append(Plots.PlotlyJs()).Append("</script></head><body>");
        sb.Append("<h1>").Append(Plots.Encode($"BMS Guard {input.Kind} report")).Append("</h1>");
        sb.Append("<p>").Append(Plots.Encode(Header(input))).Append("</p>");
        sb.Append(AuditVerdict(findings.Audit));
        sb.Append("<nav><a href=\"#traffic\">Traffic</a><a href=\"#commands\">Commands and diagnostics</a><a href=\"#telemetry\">Telemetry</a><a href=\"#audit\">Audit</a></nav>");
        sb.Append(TrafficSection.Html(input));
        sb.Append(AttemptSection.Html(input));
        sb.Append(TelemetrySection.Html(input));
        sb.Append("<section id=\"audit\"><h2>Audit</h2>").Append(AuditVerdict(findings.Audit));
        sb.Append($"<p>{Plots.N(findings.Attempts.Count)} decision records and {Plots.N(findings.PublishRecords)} publish records in this run (after sequence {input.Collected.FirstSequence}).</p>");
        sb.Append("<h3>Summary</h3><pre>").Append(Plots.Encode(input.Summary)).Append("</pre></section>");
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> beside it and renames it over, so an earlier report stays whole until the new one is.</summary>
    public static long Write(string path, ReportInput input)
    {
        byte[] html = Encoding.UTF8.GetBytes(Build(input));
        try
        {
            using var side = SideFile.Create(path);
            side.Stream.Write(html);
            side.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write report '{path}': {e.Message}");
        }

        return html.Length;
    }

    private static string Header(ReportInput input)
    {
        var c = input.Counts;
        double span = c.FirstNanos < 0 ? 0 : (c.LastNanos - c.FirstNanos) / 1e9;
        string start = c.FirstNanos < 0 ? "-" : DateTimeOffset.FromUnixTimeMilliseconds(c.FirstNanos / 1_000_000).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{input.Source}: {c.In(GatewayPort.Bms) + c.In(GatewayPort.Tcu):N0} frames over {span:0.###} s from {start}; BMS → TCU {c.Forwarded(GatewayPort.Bms):N0} of {c.In(GatewayPort.Bms):N0} forwarded, TCU → BMS {c.Forwarded(GatewayPort.Tcu):N0} of {c.In(GatewayPort.Tcu):N0} forwarded, guard → BMS {c.Originated(GatewayPort.Bms):N0}, guard → TCU {c.Originated(GatewayPort.Tcu):N0}.");
    }

    private static string AuditVerdict(AuditCheck a)
    {
        string head = $"{Plots.N(a.Records)} records, last sequence {a.LastSequence}, head tag {a.HeadTag}";
        string html = a.Problem == null
            ? $"<div class=\"verdict good\" data-audit=\"verified\">audit chain verified: {Plots.Encode(head)}</div>"
            : $"<div class=\"verdict bad\" data-audit=\"broken\">audit chain broken: {Plots.Encode(a.Problem)} ({Plots.Encode(head)})</div>";
        return a.TornTail == null ? html : html + $"<p class=\"bad\">{Plots.Encode(a.TornTail)}</p>";
    }
}
