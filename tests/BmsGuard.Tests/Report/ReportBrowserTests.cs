using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Report;

/// <summary>
/// The report as a person opens it: headless chromium loads the file with no network, and the test
/// fails on any console error or exception, on any request for anything but the file, or when a
/// chart the page defines was not drawn.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    // Every chart div plotly.js drew into (it adds .js-plotly-plot and an svg.main-svg), and those
    // with at least one trace drawn; the sections' text for the assertions below.
    private const string Probe = """
        (() => {
          const charts = [...document.querySelectorAll('div.js-plotly-plot')];
          const text = id => (document.getElementById(id) || {innerText: ''}).innerText;
          return {
            charts: charts.length,
            drawn: charts.filter(c => c.querySelector('svg.main-svg') && c.querySelectorAll('g.trace').length > 0).length,
            audit: document.querySelector('[data-audit]')?.getAttribute('data-audit') ?? '',
            attempts: text('attempts'), rules: text('rules'), signals: text('signals'), identifiers: text('identifiers'),
            sections: [...document.querySelectorAll('section')].map(s => s.id).join(','),
          };
        })()
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [ChromiumFact]
    public void The_sample_report_opens_offline_with_every_chart_drawn_and_no_error()
    {
        string capture = ReportSample.Stage(_dir.Path);
        string report = P("report.html");
        ReportSample.Cli("replay", capture, "--guard", P("guard"), "--policy", P("policy.bin"), "--out", P("out"), "--report", report, "--quiet");
        string html = File.ReadAllText(report);
        int defined = Regex.Matches(html, @"var renderPlotly_[0-9a-f]+ = function").Count;

        var visit = HeadlessChromium.Visit(report, Probe);

        Assert.Empty(visit.Errors);
        Assert.Empty(visit.Requests);
        var p = visit.Probe!;
        // Two traffic timelines, the rule shares, the attempts over the vehicle state, 10 plotted policy signals... and egress.
        Assert.True(defined >= 14, $"only {defined} charts defined");
        Assert.Equal(defined, p["charts"]!.GetValue<int>());
        Assert.Equal(defined, p["drawn"]!.GetValue<int>());
        Assert.Equal("traffic,commands,telemetry,audit", p["sections"]!.GetValue<string>());
        Assert.Equal("verified", p["audit"]!.GetValue<string>());

        string attempts = p["attempts"]!.GetValue<string>();
        foreach (string verdict in new[] { "role-mismatch", "replayed", "below-threshold", "denied-no-window" })
        {
            Assert.Contains(verdict, attempts, StringComparison.Ordinal);
        }

        // Open contactors at standstill passes; the same command while driving is refused as unsafe, judged at speed.
        var rows = attempts.Split('\n');
        Assert.Contains(rows, r => r.Contains("command-accepted\topen-contactors\taccepted\t0 km/h", StringComparison.Ordinal));
        Assert.Contains(rows, r => Regex.IsMatch(r, @"command-denied\topen-contactors\tunsafe\t[1-9][0-9.]* km/h"));
        Assert.Contains("pack_status", p["rules"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("SOC", p["signals"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("pseudonymize", p["identifiers"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void The_check_catches_a_chart_that_fails_to_draw_a_script_error_and_a_request()
    {
        string report = P("report.html");
        ReportSample.Cli("replay", "--out", P("out"), "--report", report, "--quiet");
        string html = File.ReadAllText(report);
        int defined = Regex.Matches(html, @"var renderPlotly_[0-9a-f]+ = function").Count;
        var clean = HeadlessChromium.Visit(report, Probe);
        Assert.Empty(clean.Errors);
        Assert.Equal(defined, clean.Probe!["drawn"]!.GetValue<int>());

        // One chart's script broken: an exception, and one chart fewer drawn.
        int first = html.IndexOf("Plotly.newPlot('", StringComparison.Ordinal);
        File.WriteAllText(P("broken.html"), html[..first] + "Plotly.newPlotX(" + html[(first + "Plotly.newPlot(".Length)..]);
        var broken = HeadlessChromium.Visit(P("broken.html"), Probe);
        Assert.Contains(broken.Errors, e => e.Contains("newPlotX", StringComparison.Ordinal));
        Assert.Equal(defined - 1, broken.Probe!["drawn"]!.GetValue<int>());

        // Without the page's content policy an external image is requested (a closed loopback port).
        string open = Regex.Replace(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", string.Empty);
        File.WriteAllText(P("request.html"), open.Replace("<body>", "<body><img src=\"http://127.0.0.1:9/x.png\">", StringComparison.Ordinal));
        var request = HeadlessChromium.Visit(P("request.html"), Probe);
        Assert.Contains("http://127.0.0.1:9/x.png", request.Requests);

        // With it, the same image is refused before any request, and the refusal is a console error.
        File.WriteAllText(P("blocked.html"), html.Replace("<body>", "<body><img src=\"http://127.0.0.1:9/x.png\">", StringComparison.Ordinal));
        var blocked = HeadlessChromium.Visit(P("blocked.html"), Probe);
        Assert.NotEmpty(blocked.Errors);
    }

    private string P(string name) => Path.Combine(_dir.Path, name);
}
