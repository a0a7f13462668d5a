using System.Globalization;

namespace BmsGuard.HostSim.Policy;

/// <summary>Policy durations: an integer and a unit, us, ms, s, m or h ("500ms", "10s", "5m").</summary>
public static class PolicyDurations
{
    private static readonly (string Unit, long Micros)[] Units = [("us", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000), ("h", 3_600_000_000)];

    /// <summary>Parses a duration into microseconds; errors name the policy line.</summary>
    public static long Parse(PolicyDocument doc, string text, int line)
    {
        // Longest units first would mis-split "ms" as "m"; so try the two-letter units before the one-letter ones.
        foreach (var (unit, micros) in Units.OrderByDescending(u => u.Unit.Length))
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && long.TryParse(text[..^unit.Length], NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                && n > 0 && n <= long.MaxValue / micros / 4)
            {
                return n * micros;
            }
        }

        throw doc.Error(line, $"'{text}' is not a duration (a positive integer with us, ms, s, m or h)");
    }

    /// <summary>The largest whole unit that states <paramref name="micros"/> exactly.</summary>
    public static string Format(long micros)
    {
        for (int i = Units.Length - 1; i >= 0; i--)
        {
            if (micros % Units[i].Micros == 0)
            {
                return (micros / Units[i].Micros).ToString(CultureInfo.InvariantCulture) + Units[i].Unit;
            }
        }

        return micros.ToString(CultureInfo.InvariantCulture) + "us";
    }
}
