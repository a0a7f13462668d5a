using BmsGuard.HostSim.Capture;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Asc;

public class AscLogReaderTests
{
    private const long Jan1 = 1767225600L * 1_000_000_000; // Thu Jan 01 2026 00:00:00 UTC

    /// <summary>
    /// A Vector-style log with every event kind the reader meets (chip status, statistics, J1939
    /// transport, symbolic names, classic frames on an FD channel, all error frame forms); times
    /// are offsets from 12:00:00.000 am.
    /// </summary>
    internal const string VectorLog = """
        date Thu Jan 01 12:00:00.000 am 2026
        base hex  timestamps absolute
        internal events logged
        // version 9.0.0
        Begin Triggerblock Thu Jan 01 12:00:00.000 am 2026
           0.000000 Start of measurement
           0.015991 CAN 1 Status:chip status error active
           1.015991 1  Statistic: D 0 R 0 XD 0 XR 0 E 0 O 0 B 0.00%
           1.100000 1  1F0             Rx   d 8 F4 0E 17 00 A0 C2 00 84  Length = 228000 BitCount = 118 ID = 496
           1.200000 2  18FF50E5x       Tx   d 3 01 02 03
           1.300000 3  123             Rx   r
           1.400000 3  124             Rx   r 8 Length = 1704000 BitCount = 145 ID = 292
           1.500000 1  3FF             Tx   d D 55 AA 01 02 03 04 05 06
           1.600000 1  ErrorFrame ECC: 10100010
           1.700000 2  J1939TP FEE3p        6    0  0   -   Rx   d 3 A0 0F A6
           1.800000 CANFD   1 Rx        7d  BrakeSnData_4                    1 0 9 12 00 01 02 03 04 05 06 07 08 09 0a 0b   104812  132   323000 a800f6c9 46500250 4b140250 20011736 2001040d
           1.900000 CANFD  12 Tx       167x                                  0 1 f 64 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 20 21 22 23 24 25 26 27 28 29 2A 2B 2C 2D 2E 2F 30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F        0    0     5000        0        0        0        0        0
           2.000000 CANFD   3 Tx     50005x                                  0 1 5 0 140000 73 200050 7a60 46500250 460a0250 20011736 20010205
           2.100000 CANFD   1 Rx        55                                   0 0 8 8 01 02 03 04 05 06 07 08 0 0 0 0 0 0 0 0
           2.200000 CANFD   5 Tx ErrorFrame Not Acknowledge error, dominant error flag fffe c7 31ca Arb. 556 44 0 0 f 64
           2.300000 1  123             TxRq d 0
             2.5010 2  7FF             rx   D 1 FF
        End TriggerBlock
        """;

    [Fact]
    public void Reads_every_frame_kind_and_skips_other_events()
    {
        var f = ReadAsc(VectorLog);
        Assert.Equal(
            [
                $"{Jan1 + 1_100_000_000} 1 1F0 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 F40E1700A0C20084",
                $"{Jan1 + 1_200_000_000} 2 18FF50E5 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 010203",
                $"{Jan1 + 1_300_000_000} 3 123 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
                $"{Jan1 + 1_400_000_000} 3 124 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 -",
                $"{Jan1 + 1_500_000_000} 1 3FF ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=13 55AA010203040506",
                $"{Jan1 + 1_600_000_000} 1 0 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
                $"{Jan1 + 1_800_000_000} 1 7D ext=0 rtr=0 err=0 fd=1 brs=1 esi=0 len=12 dlc8=0 000102030405060708090A0B",
                $"{Jan1 + 1_900_000_000} 12 167 ext=1 rtr=0 err=0 fd=1 brs=0 esi=1 len=64 dlc8=0 {Convert.ToHexString(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray())}",
                $"{Jan1 + 2_000_000_000} 3 50005 ext=1 rtr=1 err=0 fd=0 brs=0 esi=0 len=5 dlc8=0 -",
                $"{Jan1 + 2_100_000_000} 1 55 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 0102030405060708",
                $"{Jan1 + 2_200_000_000} 5 0 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
                $"{Jan1 + 2_300_000_000} 1 123 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=0 dlc8=0 -",
                $"{Jan1 + 2_501_000_000} 2 7FF ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 FF",
            ],
            f.Select(Exact));
    }

    [Fact]
    public void Reports_lines_and_bytes_for_progress()
    {
        using var reader = new HostSim.Capture.Asc.AscLogReader(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(VectorLog)), "v.asc", zone: TimeZoneInfo.Utc);
        var f = new CaptureFrame();
        Assert.True(reader.Read(f));
        Assert.Equal(9, reader.Line);
        while (reader.Read(f))
        {
        }

        Assert.Equal(VectorLog.Length, reader.BytesConsumed);
    }

    [Fact]
    public void Decimal_base_reads_ids_dlc_and_data_in_decimal()
    {
        var f = ReadAsc("""
            date Thu Jan 01 01:30:00 pm 2026
            base dec  timestamps absolute
               0.5 1  496 Rx d 8 244 14 23 0 160 194 0 132
               0.6 1  419385573x Rx d 1 255
               0.7 CANFD 2 Rx 125 1 1 9 12 0 1 2 3 4 5 6 7 8 9 10 11
               0.8 1  2047 Tx r 8
            """);
        long start = 1767274200L * 1_000_000_000; // 13:30:00 UTC
        Assert.Equal(
            [
                $"{start + 500_000_000} 1 1F0 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 F40E1700A0C20084",
                $"{start + 600_000_000} 1 18FF50E5 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 FF",
                $"{start + 700_000_000} 2 7D ext=0 rtr=0 err=0 fd=1 brs=1 esi=1 len=12 dlc8=0 000102030405060708090A0B",
                $"{start + 800_000_000} 1 7FF ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 -",
            ],
            f.Select(Exact));
    }

    [Fact]
    public void Relative_timestamps_add_up_over_every_event_and_restart_at_each_trigger_block()
    {
        var f = ReadAsc("""
            date Thu Jan 01 12:00:00.000 am 2026
            base hex  timestamps relative
            internal events logged
            Begin Triggerblock Thu Jan 01 12:00:01.000 am 2026
               0.000000 Start of measurement
               0.010000 1  100 Rx d 1 01
               0.000250 2  200x Rx d 0
               0.500000 1  Statistic: D 2 R 0 XD 0 XR 0 E 0 O 0 B 0.04%
               0.000000001 1  300 Tx r 4
            End TriggerBlock
            Begin Triggerblock Thu Jan 01 12:00:05.000 am 2026
               0.000007 1  ErrorFrame
            End TriggerBlock
            """);
        long s = Jan1 + 1_000_000_000;
        Assert.Equal(
            [s + 10_000_000, s + 10_250_000, s + 510_250_001, Jan1 + 5_000_007_000],
            f.Select(x => x.TimestampNanos));
    }

    [Fact]
    public void Absolute_times_count_from_the_latest_date_without_float_rounding()
    {
        var f = ReadAsc("""
            date Thu Jan 01 11:59:59.999 pm 2026
               0.000000001 1 1 Rx d 0
            Begin Triggerblock Fri Jan 02 12:00:00 am 2026
               123.456789012 1 2 Rx d 0
            """);
        Assert.Equal([Jan1 + (86_399_999_000_000) + 1, Jan1 + 86_400_000_000_000 + 123_456_789_012], f.Select(x => x.TimestampNanos));
    }

    [Theory]
    [InlineData("Thu Jan 01 12:00:00.000 am 2026", 1767225600_000L)]
    [InlineData("Thu Jan 01 12:00:00.5 pm 2026", 1767268800_500L)]
    [InlineData("Thu Jan 01 23:59:59.999 2026", 1767311999_999L)]
    [InlineData("Thu 1 1 00:00:00 2026", 1767225600_000L)]
    [InlineData("Do Mär 12 08:15:00.250 2026", 1773303300_250L)]
    [InlineData("Fr Dez 31 11:00:00 pm 2027", 1830294000_000L)]
    [InlineData("Sat May 01 12:00:00 AM 2027", 1809129600_000L)]
    public void Dates_parse_like_python_can(string date, long epochMillis)
    {
        var f = ReadAsc($"date {date}\n   0.000000 1 1 Rx d 0\n");
        Assert.Equal(epochMillis * 1_000_000, f[0].TimestampNanos);
    }

    [Fact]
    public void Dates_are_wall_clock_time_in_the_given_zone()
    {
        // CEST (UTC+2) in summer; 02:30 on the night clocks go back is the first (summer) 02:30.
        var f = ReadAsc("""
            Begin Triggerblock Wed Jul 15 02:00:00.000 pm 2026
               0.000000 1 1 Rx d 0
            Begin Triggerblock Sun Oct 25 02:30:00.000 am 2026
               0.000000 1 2 Rx d 0
            Begin Triggerblock Sun Mar 29 02:30:00.000 am 2026
               0.000000 1 3 Rx d 0
            """, Berlin);
        Assert.Equal(
            [
                new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
                new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000,
                new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, // in the gap: the winter offset
            ],
            f.Select(x => x.TimestampNanos));
    }

    [Fact]
    public void Header_lines_in_any_case_and_crlf_and_bom_are_accepted()
    {
        var f = ReadAsc("\uFEFFDATE Thu Jan 01 12:00:00.000 AM 2026\r\nBASE HEX TIMESTAMPS ABSOLUTE\r\nno internal events logged\r\n\r\nbegin triggerblock\r\n   1.000000 1  7ff Rx d 2 aa bb\r\nEND TRIGGERBLOCK");
        Assert.Equal([$"{Jan1 + 1_000_000_000} 1 7FF ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 AABB"], f.Select(Exact));
    }

    [Fact]
    public void Without_a_date_times_are_offsets_from_the_unix_epoch()
    {
        var f = ReadAsc("   1767225600.000001 1 1 Rx d 0\n");
        Assert.Equal(Jan1 + 1000, f[0].TimestampNanos);
    }

    [Fact]
    public void Very_long_event_lines_are_skipped()
    {
        // Vector writes Ethernet and J1939 transport events as long lines; they must not stop the read.
        string longEvent = "   1.000000 ETH 1 Rx 0:" + new string('A', 300_000);
        var f = ReadAsc("   0.5 1  001 Rx d 1 01\n" + longEvent + "\n   2.0 1  002 Rx d 1 02\n");
        Assert.Equal([1u, 2u], f.Select(x => x.Id));
    }

    [Fact]
    public void Empty_and_header_only_files_have_no_frames()
    {
        Assert.Empty(ReadAsc(""));
        Assert.Empty(ReadAsc("date Thu Jan 01 12:00:00.000 am 2026\nbase hex  timestamps absolute\nEnd TriggerBlock\n"));
    }

    [Fact]
    public void Reading_allocates_nothing_per_frame()
    {
        var frames = Enumerable.Range(0, 3000).SelectMany(i => AscLogWriterTests.AllKinds(Jan1 + (i * 4_000_000_000_000L)));
        byte[] text = System.Text.Encoding.ASCII.GetBytes(WriteAsc(frames));
        using var reader = new HostSim.Capture.Asc.AscLogReader(new MemoryStream(text), "a.asc", zone: TimeZoneInfo.Utc);
        var f = new CaptureFrame();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(reader.Read(f)); // warm-up: channel names are created once
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int n = 100;
        while (reader.Read(f))
        {
            n++;
        }

        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < n, $"reading {n} frames allocated {allocated} bytes");
        Assert.Equal(3000 * 14, n);
    }
}
