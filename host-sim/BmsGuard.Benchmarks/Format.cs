using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>Number formatting for the report (invariant culture, fixed units).</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Millions with two decimals, e.g. "23.41".</summary>
    public static string Millions(double v) => (v / 1e6).ToString("F2", Inv);

    /// <summary>One decimal, e.g. "41.9".</summary>
    public static string One(double v) => v.ToString("F1", Inv);

    /// <summary>Two decimals, e.g. "0.00".</summary>
    public static string Two(double v) => v.ToString("F2", Inv);

    /// <summary>Grouped integer, e.g. "1,000,000".</summary>
    public static string Count(long v) => v.ToString("N0", Inv);

    /// <summary>Percentage of a whole, e.g. "37.5 %".</summary>
    public static string Percent(double part, double whole) =>
        (whole == 0 ? 0 : 100.0 * part / whole).ToString("F1", Inv) + " %";

    /// <summary>"ok" or "MISSED".</summary>
    public static string Verdict(bool met) => met ? "ok" : "MISSED";
}
