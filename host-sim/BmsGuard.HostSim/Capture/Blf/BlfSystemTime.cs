using System.Buffers.Binary;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// The file header's start and stop times: Windows SYSTEMTIME (year, month, day of week, day, hour,
/// minute, second, millisecond as eight 16-bit fields) in local wall-clock time. Vector's tools write
/// the local time, and python-can 4.1 both writes and reads it with the local time zone
/// (<c>datetime.fromtimestamp</c> / naive <c>datetime.timestamp()</c>); we do the same, with the zone
/// a parameter so tests and users can pin it.
/// </summary>
internal static class BlfSystemTime
{
    /// <summary>Bytes of one SYSTEMTIME.</summary>
    public const int Size = 16;

    private const long NanosPerTick = 100;
    private const long NanosPerMilli = 1_000_000;

    // python-can writes an all-zero SYSTEMTIME when the first timestamp is before 1990 (relative
    // times, not Unix time) and reads an all-zero one back as 0: object times are then absolute.
    private const long RelativeBefore = 631_152_000L * 1_000_000_000L;

    /// <summary>
    /// The Unix time of <paramref name="st"/> in <paramref name="zone"/>; 0 for an all-zero
    /// SYSTEMTIME; false when the fields are not a date.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> st, TimeZoneInfo zone, out long unixNanos)
    {
        unixNanos = 0;
        if (st[..Size].IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        int year = Field(st, 0);
        int month = Field(st, 1);
        int day = Field(st, 3);
        int hour = Field(st, 4);
        int minute = Field(st, 5);
        int second = Field(st, 6);
        int milli = Field(st, 7);
        if (year < 1601 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || milli > 999)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);

        // An hour repeated when clocks go back: python's naive datetime (fold=0) takes the first
        // occurrence, the one with the larger offset. A skipped hour cannot come from a clock; take
        // the zone's offset for it rather than failing.
        TimeSpan offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        unixNanos = ((local.Ticks - offset.Ticks - DateTime.UnixEpoch.Ticks) * NanosPerTick) + (milli * NanosPerMilli);
        return true;
    }

    /// <summary>Writes <paramref name="unixNanos"/> (whole milliseconds) in <paramref name="zone"/>; 0 writes all zeros.</summary>
    public static void Write(Span<byte> into, long unixNanos, TimeZoneInfo zone)
    {
        into[..Size].Clear();
        if (unixNanos == 0)
        {
            return;
        }

        DateTime utc = DateTime.UnixEpoch.AddTicks(unixNanos / NanosPerTick);
        DateTime local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        ReadOnlySpan<int> fields = [local.Year, local.Month, (int)local.DayOfWeek, local.Day, local.Hour, local.Minute, local.Second, local.Millisecond];
        for (int i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(into[(2 * i)..], (ushort)fields[i]);
        }
    }

    /// <summary>
    /// The file start time for a capture whose first frame is at <paramref name="firstNanos"/>: 0 for
    /// relative times (as python-can), else the millisecond at or before it whose local time in
    /// <paramref name="zone"/> is unambiguous, so the SYSTEMTIME reads back to the same instant.
    /// </summary>
    public static long ChooseStart(long firstNanos, TimeZoneInfo zone)
    {
        if (firstNanos < RelativeBefore)
        {
            return 0;
        }

        long start = firstNanos - (firstNanos % NanosPerMilli);

        // In the hour repeated when clocks go back the local time names two instants; step back
        // until it names one. Object times are relative to the start, so nothing is lost.
        const long Hour = 3_600_000_000_000L;
        for (int i = 0; i < 48 && zone.IsAmbiguousTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddTicks(start / NanosPerTick), zone)); i++)
        {
            start -= Hour;
        }

        return start;
    }

    private static int Field(ReadOnlySpan<byte> st, int index) => BinaryPrimitives.ReadUInt16LittleEndian(st[(2 * index)..]);
}
