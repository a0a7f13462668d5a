using System.Globalization;

namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// TRC time in integer nanoseconds. <c>$STARTTIME</c> is days since 1899-12-30 as a decimal
/// (an OLE automation date, written without a time zone: read as UTC); message offsets are
/// milliseconds with up to three (PEAK) or six (sub-microsecond, ours) decimals.
/// </summary>
/// <remarks>
/// A decimal fraction of a day is exact to the nanosecond up to 11 decimals (1e-11 day = 864 ns),
/// which covers PEAK's 10; longer fractions (python-can 4.2+ writes a float's 17 digits) round to
/// the nearest nanosecond. python-can 4.2+ converts through a float of days, about a microsecond
/// coarse at today's dates, so it agrees with us to the microsecond but for float rounding;
/// python-can 4.1 ignores <c>$STARTTIME</c> and gives the bare offsets.
/// </remarks>
internal static class TrcTime
{
    public const long NanosPerDay = 86_400L * 1_000_000_000;

    /// <summary>Days from 1899-12-30 (the OLE automation epoch) to 1970-01-01.</summary>
    public const int OleDaysAtUnixEpoch = 25569;

    /// <summary>Largest <c>$STARTTIME</c> day (year 2228): start plus offset stays inside a long.</summary>
    public const int MaxOleDays = 120_000;

    /// <summary>Largest time offset either way: 12 digits of milliseconds (31 years) with 6 decimals.</summary>
    public const long MaxOffsetNanos = 999_999_999_999_999_999;

    /// <summary>The value of <c>$STARTTIME</c> as Unix nanoseconds.</summary>
    public static long ParseStartTime(ReadOnlySpan<byte> value)
    {
        // PEAK's own 1.2 example ends the value with ';'.
        if (value.Length > 0 && value[^1] == (byte)';')
        {
            value = value[..^1];
        }

        int i = 0;
        long days = 0;
        while (i < value.Length && IsDigit(value[i]) && days <= MaxOleDays)
        {
            days = (days * 10) + (value[i++] - '0');
        }

        if (i == 0 || days > MaxOleDays)
        {
            throw Bad(value, $"days since 1899-12-30 from 0 to {MaxOleDays}, a point and the fraction of the day");
        }

        ulong fraction = 0;
        ulong scale = 1;
        if (i < value.Length && value[i] == (byte)'.')
        {
            i++;
            int digits = 0;
            while (i < value.Length && IsDigit(value[i]))
            {
                // Digits past the 18th weigh under 1e-4 ns: checked, not used.
                if (++digits <= 18)
                {
                    fraction = (fraction * 10) + (ulong)(value[i] - '0');
                    scale *= 10;
                }

                i++;
            }
        }

        if (i != value.Length)
        {
            throw Bad(value, "a decimal number of days since 1899-12-30");
        }

        long ofDay = (long)((((UInt128)fraction * NanosPerDay) + (scale / 2)) / scale);
        return ((days - OleDaysAtUnixEpoch) * NanosPerDay) + ofDay;
    }

    /// <summary>
    /// The start of a 1.0 trace from PEAK's header comment <c>Start time: 11.09.2002 16:00:20.682</c>
    /// (digits after a further point are a fraction of the millisecond); false for any other text.
    /// </summary>
    public static bool TryParseStartComment(ReadOnlySpan<byte> text, out long nanos)
    {
        nanos = 0;
        int i = 0;
        if (!Number(text, ref i, 2, out int day) || !Expect(text, ref i, '.')
            || !Number(text, ref i, 2, out int month) || !Expect(text, ref i, '.')
            || !Number(text, ref i, 4, out int year) || !Expect(text, ref i, ' ')
            || !Number(text, ref i, 2, out int hour) || !Expect(text, ref i, ':')
            || !Number(text, ref i, 2, out int minute) || !Expect(text, ref i, ':')
            || !Number(text, ref i, 2, out int second) || !Expect(text, ref i, '.')
            || !Number(text, ref i, 3, out int milli))
        {
            return false;
        }

        long subMilli = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            long scale = 1_000_000;
            while (i < text.Length && IsDigit(text[i]) && scale > 1)
            {
                scale /= 10;
                subMilli += (text[i++] - '0') * scale;
            }
        }

        if (i != text.Length || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)
            || year < 1 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var date = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        nanos = ((date - DateTime.UnixEpoch).Ticks * 100) + (milli * 1_000_000L) + subMilli;
        return true;
    }

    /// <summary>A message's time offset in milliseconds (optional sign, up to 6 decimals) as nanoseconds.</summary>
    public static long ParseOffset(ReadOnlySpan<byte> field)
    {
        int i = 0;
        bool negative = field.Length > 0 && field[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        int start = i;
        long millis = 0;
        while (i < field.Length && IsDigit(field[i]) && i - start < 12)
        {
            millis = (millis * 10) + (field[i++] - '0');
        }

        bool ok = i > start;
        long nanos = millis * 1_000_000;
        if (ok && i < field.Length && field[i] == (byte)'.')
        {
            i++;
            long scale = 1_000_000;
            int fractionStart = i;
            while (i < field.Length && IsDigit(field[i]) && scale > 1)
            {
                scale /= 10;
                nanos += (field[i++] - '0') * scale;
            }

            ok = i > fractionStart;
        }

        if (!ok || i != field.Length)
        {
            throw new TrcSyntaxException($"time offset '{TrcFields.Text(field)}' is not milliseconds with up to 6 decimals");
        }

        return negative ? -nanos : nanos;
    }

    /// <summary>
    /// Writes an offset as milliseconds: three decimals (microseconds, as PEAK writes) unless the
    /// time has a sub-microsecond part, then six. Returns the bytes written.
    /// </summary>
    public static int FormatOffset(Span<byte> into, long nanos)
    {
        int n = 0;
        if (nanos < 0)
        {
            into[n++] = (byte)'-';
            nanos = -nanos;
        }

        long millis = nanos / 1_000_000;
        long rest = nanos % 1_000_000;
        n += TrcText.Decimal(into[n..], millis);
        into[n++] = (byte)'.';
        if (rest % 1000 == 0)
        {
            n += TrcText.Fixed(into[n..], rest / 1000, 3);
        }
        else
        {
            n += TrcText.Fixed(into[n..], rest, 6);
        }

        return n;
    }

    /// <summary>The <c>$STARTTIME</c> text for the UTC midnight that starts Unix day <paramref name="unixDay"/>: exact, as whole days.</summary>
    public static string StartTimeText(long unixDay) =>
        (unixDay + OleDaysAtUnixEpoch).ToString(CultureInfo.InvariantCulture) + ".0000000000";

    /// <summary>PEAK's human-readable start comment (<c>dd.mm.yyyy hh:mm:ss.fff.u</c>) for a UTC midnight.</summary>
    public static string StartCommentText(long unixDay) =>
        DateTime.UnixEpoch.AddDays(unixDay).ToString("dd.MM.yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture) + ".0";

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static TrcSyntaxException Bad(ReadOnlySpan<byte> value, string expected) =>
        new($"$STARTTIME '{TrcFields.Text(value)}' is not {expected}");

    private static bool Number(ReadOnlySpan<byte> s, ref int i, int digits, out int value)
    {
        value = 0;
        if (i + digits > s.Length)
        {
            return false;
        }

        for (int k = 0; k < digits; k++)
        {
            int d = s[i + k] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        i += digits;
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == (byte)c)
        {
            i++;
            return true;
        }

        return false;
    }
}
