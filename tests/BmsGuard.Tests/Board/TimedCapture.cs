using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BmsGuard.Tests.Support;

namespace BmsGuard.Tests.Board;

/// <summary>Captures the board tests write (candump lines at microsecond times) and the replay summary's verdict counts.</summary>
internal static class TimedCapture
{
    /// <summary>Writes <paramref name="events"/> (time in µs from 2026-01-01, candump "channel id#data") in time order.</summary>
    public static string Write(TempDir dir, string name, IEnumerable<(long Micros, string Line)> events)
    {
        var text = new StringBuilder();
        foreach (var (micros, line) in events.OrderBy(e => e.Micros))
        {
            text.Append(CultureInfo.InvariantCulture, $"({1767225600 + (micros / 1_000_000)}.{micros % 1_000_000:D6}) {line}\n");
        }

        return dir.File(name, text.ToString());
    }

    /// <summary>The count of a verdict in the replay summary's TCU-to-BMS column (0 when it is not listed).</summary>
    public static long Count(string stdout, string reason)
    {
        var m = Regex.Match(stdout, "^" + Regex.Escape(reason) + @"\s+\d+\s+(\d+)", RegexOptions.Multiline);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
