using System.Globalization;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Times of the egress report: the outbox's unix seconds with 6 decimals (exact, no floating point), and
/// the ISO 8601 form the report prints.
/// </summary>
public static class OutboxTime
{
    /// <summary>Microseconds as unix seconds with 6 decimals, e.g. <c>1767225600.000250</c>.</summary>
    public static string Format(long micros)
    {
        string sign = micros < 0 ? "-" : string.Empty;
        ulong abs = micros < 0 ? (ulong)(-(micros + 1)) + 1 : (ulong)micros;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 1_000_000}.{abs % 1_000_000:D6}");
    }

    /// <summary>
    /// Parses <c>SECONDS[.FRACTION]</c> (up to 6 decimals, no sign) into microseconds; null on success,
    /// else why the text is not a time.
    /// </summary>
    public static string? TryParseSeconds(string text, out long micros)
    {
        micros = 0;
        int dot = text.IndexOf('.');
        string whole = dot < 0 ? text : text[..dot];
        string fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (dot >= 0 && fraction.Length == 0))
        {
            return $"time '{text}' is not unix seconds (digits, optionally '.' and up to 6 decimals)";
        }

        if (fraction.Length > 6)
        {
            return $"time '{text}' has more than 6 decimals";
        }

        // 9223372036854 s is the last whole second whose microseconds fit in a long.
        if (whole.Length > 13 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > long.MaxValue / 1_000_000 - 1)
        {
            return $"time '{text}' is out of range";
        }

        long fractionMicros = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(6, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        micros = (seconds * 1_000_000) + fractionMicros;
        return null;
    }

    /// <summary>A command-line time: unix seconds (decimals allowed) or ISO 8601 (UTC unless an offset is given); null when neither.</summary>
    public static long? ParseArgument(string text)
    {
        if (TryParseSeconds(text, out long micros) == null)
        {
            return micros;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        }

        return null;
    }

    /// <summary>Microseconds as ISO 8601 UTC with 6 decimals, e.g. <c>2026-01-01T00:00:00.000250Z</c> (unix seconds when out of range).</summary>
    public static string Iso(long micros)
    {
        long ticks = DateTime.UnixEpoch.Ticks;
        if (micros > (DateTime.MaxValue.Ticks - ticks) / 10 || micros < -ticks / 10)
        {
            return Format(micros);
        }

        return new DateTime(ticks + (micros * 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }
}
