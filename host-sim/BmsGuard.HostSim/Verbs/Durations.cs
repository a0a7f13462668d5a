using System.Text;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Verbs;

/// <summary>Command-line durations: "12.5" or "12.5s", "250ms", "10m", "2h", exact to the nanosecond (no floating point).</summary>
public static class Durations
{
    /// <summary>Parses a duration option value into nanoseconds; a bad value is a usage error naming the option.</summary>
    public static long ParseNanos(string text, string option)
    {
        (string number, long scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 1L),
            _ when text.EndsWith('s') => (text[..^1], 1000L),
            _ when text.EndsWith('m') => (text[..^1], 60_000L),
            _ when text.EndsWith('h') => (text[..^1], 3_600_000L),
            _ => (text, 1000L),
        };

        // DecimalNanos reads seconds; scale is in milliseconds per unit.
        if (number.Length == 0 || DecimalNanos.TryParse(Encoding.ASCII.GetBytes(number), false, out long nanos) != null)
        {
            throw new UsageException($"{option} must be a duration like 12.5s, 250ms, 10m or 2h, not '{text}'");
        }

        try
        {
            return checked(nanos / 1000 * scale);
        }
        catch (OverflowException)
        {
            throw new UsageException($"{option} is too long: '{text}'");
        }
    }
}
