using System.Globalization;
using System.Net;
using System.Text;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace BmsGuard.HostSim.Report;

/// <summary>
/// What every chart of the report shares: Plotly.NET figures turned into a div and its script (plotly.js
/// itself is embedded once, from the copy Plotly.NET ships), the time axis, HTML tables.
/// </summary>
public static class Plots
{
    /// <summary>Colours of the verdicts: forwarded green, drops in distinct warm and grey tones.</summary>
    public static readonly string[] DropPalette =
    [
        "#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#1f77b4", "#aa4499", "#882255", "#999933", "#44aa99", "#332288",
    ];

    /// <summary>Most bins a rate is plotted in.</summary>
    public const int MaxRateBins = 600;

    /// <summary>Narrowest bin a rate is plotted in (1 s).</summary>
    public const long MinRateBinMicros = 1_000_000;

    /// <summary>Most bins a value over time is plotted in.</summary>
    public const int MaxValueBins = 600;

    /// <summary>The colour of forwarded traffic.</summary>
    public const string ForwardColor = "#2ca02c";

    // A light look of our own: Plotly.NET's default template is tens of kB per chart and slow to serialize.
    private static readonly Dictionary<string, object> Template = new()
    {
        ["layout"] = new Dictionary<string, object>
        {
            ["plot_bgcolor"] = "#fafafa",
            ["paper_bgcolor"] = "#ffffff",
            ["font"] = new Dictionary<string, object> { ["size"] = 12, ["color"] = "#333333" },
            ["xaxis"] = new Dictionary<string, object> { ["gridcolor"] = "#e3e3e3", ["zeroline"] = false },
            ["yaxis"] = new Dictionary<string, object> { ["gridcolor"] = "#e3e3e3", ["zeroline"] = false, ["automargin"] = true },
        },
    };

    /// <summary>plotly.js as Plotly.NET ships it (its assembly resource), for one inline script element.</summary>
    public static string PlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // A "</script" inside the library would end the inline element early.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The chart as a div and the script that draws it (plotly.js must be loaded before), <paramref name="height"/> px high.</summary>
    public static string Html(GenericChart chart, int height)
    {
        // Set as plotly.js layout keys: Plotly.NET's F# optional arguments are all required from C#.
        var layout = new Layout();
        layout.SetProperty("height", height);
        layout.SetProperty("autosize", true);
        layout.SetProperty("hovermode", "closest");
        layout.SetProperty("template", Template);
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = Math.Round(-90.0 / height, 3) });
        layout.SetProperty("margin", new Dictionary<string, int> { ["l"] = 60, ["r"] = 20, ["t"] = 30, ["b"] = 50 });
        var config = new Config();
        config.SetProperty("responsive", true);
        config.SetProperty("displaylogo", false);
        var styled = GenericChart.setConfig(config, GenericChart.addLayout(layout, chart));
        return GenericChart.toChartHTML(styled);
    }

    /// <summary>Seconds since <paramref name="originMicros"/>, to the millisecond (the page carries no more digits than it shows).</summary>
    public static double Seconds(long micros, long originMicros) => Math.Round((micros - originMicros) / 1e6, 3);

    /// <summary><paramref name="value"/> to 5 significant digits: a 1 h page holds tens of thousands of numbers.</summary>
    public static double Round(double value) =>
        value == 0 || !double.IsFinite(value) ? value : Math.Round(value, Math.Clamp(4 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15));

    /// <summary>Combines traces into one chart with a time x axis and a titled y axis.</summary>
    public static GenericChart Timeline(IEnumerable<GenericChart> traces, string yTitle) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
            Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(PlotlyChart.Combine(traces), TitleText: "time since capture start (s)"),
            TitleText: yTitle);

    /// <summary>An HTML table; cells are encoded; a row's first cell may carry a CSS class via <paramref name="rowClass"/>.</summary>
    public static string Table(IReadOnlyList<string> head, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null, string? id = null)
    {
        var sb = new StringBuilder();
        sb.Append("<table").Append(id == null ? string.Empty : $" id=\"{id}\"").Append("><thead><tr>");
        foreach (string h in head)
        {
            sb.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        int r = 0;
        foreach (var row in rows)
        {
            string? cls = rowClass?.Invoke(r);
            sb.Append(cls == null ? "<tr>" : $"<tr class=\"{cls}\">");
            foreach (string cell in row)
            {
                sb.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            sb.Append("</tr>");
            r++;
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>HTML-encodes <paramref name="text"/>.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A count with thousands separators.</summary>
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal.</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>A time in seconds with 3 decimals.</summary>
    public static string Time(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);
}
