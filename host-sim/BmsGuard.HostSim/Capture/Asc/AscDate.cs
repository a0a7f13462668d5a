using System.Globalization;

namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// The date of an ASC <c>date</c> or <c>Begin Triggerblock</c> line ("Thu Jan 01 12:00:00.000 am 2026"),
/// a wall-clock time in the recording machine's zone. Parsed exactly as python-can 4.1 does
/// (weekday ignored; month by English or German name, or number; 12-hour with am/pm or 24-hour;
/// fraction optional), including its conversion of the local time to the Unix epoch: an
/// ambiguous time (clocks going back) is the first occurrence, a skipped one uses the offset
/// before the gap.
/// </summary>
internal static class AscDate
{
    private static readonly string[] WeekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // python-can's month_map: the English names plus the German ones that differ.
    private static readonly (string Name, int Month)[] GermanMonths = [("Mär", 3), ("Mai", 5), ("Okt", 10), ("Dez", 12)];

    /// <summary>
    /// Parses the words after <c>date</c> or <c>Begin Triggerblock</c>: weekday, month, day, time,
    /// optional am/pm, year.
    /// </summary>
    /// <returns>False when the text is not a date python-can would accept.</returns>
    public static bool TryParse(string text, TimeZoneInfo zone, out long epochNanos)
    {
        epochNanos = 0;
        string[] w = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (w.Length is not (5 or 6))
        {
            return false;
        }

        bool twelveHour = w.Length == 6;
        if (!TryMonth(w[1], out int month)
            || !TryNumber(w[2], 1, 2, out int day)
            || !TryTime(w[3], twelveHour, out int hour, out int minute, out int second, out long fractionNanos)
            || !TryNumber(w[^1], 4, 4, out int year))
        {
            return false;
        }

        if (twelveHour)
        {
            bool pm = w[4].Equals("pm", StringComparison.OrdinalIgnoreCase);
            if (!pm && !w[4].Equals("am", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        long utcSeconds = (long)(local - DateTime.UnixEpoch).TotalSeconds - (long)Offset(zone, local).TotalSeconds;
        epochNanos = (utcSeconds * 1_000_000_000L) + fractionNanos;
        return true;
    }

    /// <summary>
    /// Formats <paramref name="epochNanos"/> as Vector does: local time, three decimals (CANoe
    /// accepts no more), 12-hour clock with lower-case am/pm. Sub-millisecond time is truncated.
    /// </summary>
    public static string Format(long epochNanos, TimeZoneInfo zone)
    {
        long ms = Math.DivRem(epochNanos, 1_000_000L, out long rest) - (rest < 0 ? 1 : 0);
        DateTime local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddMilliseconds(ms), zone);
        int hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{WeekdayNames[(int)local.DayOfWeek]} {MonthNames[local.Month - 1]} {local.Day:00} {hour12:00}:{local.Minute:00}:{local.Second:00}.{local.Millisecond:000} {(local.Hour < 12 ? "am" : "pm")} {local.Year}");
    }

    // CPython's naive datetime.timestamp() (fold=0): first occurrence of an ambiguous time, and
    // for a time in a gap the smaller of the offsets around it.
    private static TimeSpan Offset(TimeZoneInfo zone, DateTime local)
    {
        if (zone.IsAmbiguousTime(local))
        {
            return zone.GetAmbiguousTimeOffsets(local).Max();
        }

        if (zone.IsInvalidTime(local))
        {
            TimeSpan before = zone.GetUtcOffset(local.AddDays(-1));
            TimeSpan after = zone.GetUtcOffset(local.AddDays(1));
            return before < after ? before : after;
        }

        return zone.GetUtcOffset(local);
    }

    private static bool TryMonth(string word, out int month)
    {
        int i = Array.FindIndex(MonthNames, m => m.Equals(word, StringComparison.Ordinal));
        if (i >= 0)
        {
            month = i + 1;
            return true;
        }

        foreach (var (name, number) in GermanMonths)
        {
            if (name.Equals(word, StringComparison.Ordinal))
            {
                month = number;
                return true;
            }
        }

        return TryNumber(word, 1, 2, out month) && month >= 1;
    }

    private static bool TryTime(string text, bool twelveHour, out int hour, out int minute, out int second, out long fractionNanos)
    {
        hour = minute = second = 0;
        fractionNanos = 0;
        string[] parts = text.Split(':');
        if (parts.Length != 3)
        {
            return false;
        }

        string secondsText = parts[2];
        int dot = secondsText.IndexOf('.');
        if (dot >= 0)
        {
            string fraction = secondsText[(dot + 1)..];
            if (!TryNumber(fraction, 1, 6, out int f))
            {
                return false;
            }

            fractionNanos = f * (long)Math.Pow(10, 9 - fraction.Length);
            secondsText = secondsText[..dot];
        }

        return TryNumber(parts[0], 1, 2, out hour)
            && (!twelveHour || (hour >= 1 && hour <= 12))
            && TryNumber(parts[1], 1, 2, out minute)
            && TryNumber(secondsText, 1, 2, out second);
    }

    private static bool TryNumber(string text, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        if (text.Length < minDigits || text.Length > maxDigits)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
