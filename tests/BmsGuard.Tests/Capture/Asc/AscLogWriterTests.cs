using BmsGuard.HostSim.Capture;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Asc;

public class AscLogWriterTests
{
    private const long Jan1 = 1767225600L * 1_000_000_000; // Thu Jan 01 2026 00:00:00 UTC

    /// <summary>Every frame kind ASC can hold, with the fields it keeps.</summary>
    public static List<CaptureFrame> AllKinds(long start) =>
    [
        Frame(start + 13_000, "1", 0x1F0, "F40E1700A0C20084"),
        Frame(start + 20_000, "2", 0x18FF50E5, "0102", ext: true),
        Frame(start + 30_000, "2", 0x000, ""),
        Frame(start + 40_000, "1", 0x123, remote: true, length: 0),
        Frame(start + 50_000, "3", 0x1ABCDEF0, remote: true, ext: true, length: 8),
        Frame(start + 55_000, "3", 0x124, remote: true, length: 8, len8Dlc: 0xF),
        Frame(start + 60_000, "1", 0x3FF, "55AA010203040506", len8Dlc: 0xD),
        Frame(start + 70_000, "12", 0, error: true),
        Frame(start + 80_000, "1", 0x7D, "000102030405060708090A0B", fd: true, brs: true),
        Frame(start + 90_000, "2", 0x167, Convert.ToHexString(Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray()), ext: true, fd: true, esi: true),
        Frame(start + 100_000, "1", 0x55, "", fd: true, brs: true, esi: true),
        Frame(start + 110_000, "1", 0x56, "0102030405", fd: true),
        Frame(start + 120_000_001, "1", 0x7FF, "FF"), // sub-microsecond: nine decimals
        Frame(start + 3_600_000_000_000, "1", 0x100, "00"),
    ];

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    public void Round_trip_keeps_every_field(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var frames = AllKinds(Jan1 + 123_456_789_000);
        var back = ReadAsc(WriteAsc(frames, zone), zone);
        Assert.Equal(frames.Select(Exact), back.Select(Exact));
    }

    [Fact]
    public void Writes_vector_header_classic_remote_error_and_fd_lines()
    {
        string text = WriteAsc(
        [
            Frame(Jan1 + 1_500_013_000, "can0", 0x1F0, "F40E"),
            Frame(Jan1 + 1_600_000_000, "can1", 0x18FF50E5, "01", ext: true),
            Frame(Jan1 + 1_700_000_000, "can0", 0x123, remote: true, length: 4),
            Frame(Jan1 + 1_800_000_000, "vcan2", 0x20, "0004", error: true),
            Frame(Jan1 + 1_900_000_000, "can0", 0x5A2, "100C31010000000000000000", fd: true, brs: true),
            Frame(Jan1 + 12_000_000_000, "can0", 0x7FF, "", len8Dlc: 0),
        ]);
        Assert.Equal(
            """
            date Thu Jan 01 12:00:01.000 am 2026
            base hex  timestamps absolute
            internal events logged
            // version 9.0.0
            Begin Triggerblock Thu Jan 01 12:00:01.000 am 2026
               0.000000 Start of measurement
               0.500013 1  1F0             Rx   d 2 F4 0E
               0.600000 2  18FF50E5x       Rx   d 1 01
               0.700000 1  123             Rx   r 4
               0.800000 3  ErrorFrame
               0.900000 CANFD   1 Rx        5A2                                   1 0 9 12 10 0C 31 01 00 00 00 00 00 00 00 00        0    0     3000        0        0        0        0        0
              11.000000 1  7FF             Rx   d 0
            End TriggerBlock

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Channel_names_become_numbers_and_error_frames_keep_time_and_channel_only()
    {
        var back = ReadAsc(WriteAsc(
        [
            Frame(Jan1, "can0", 1, "01"),
            Frame(Jan1 + 1000, "vcan1", 2, "02"),
            Frame(Jan1 + 2000, "can1", 0x4, "0004000000000000", error: true),
        ]));
        Assert.Equal(["1", "2", "2"], back.Select(f => f.Channel));

        // ASC's ErrorFrame has no field for SocketCAN's error class (id) or its data bytes.
        Assert.Equal($"{Jan1 + 2000} 2 0 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=0 dlc8=0 -", Exact(back[2]));
    }

    [Fact]
    public void A_start_in_the_repeated_hour_is_moved_so_it_reads_back_exactly()
    {
        // 01:30:00.5 UTC is the second 02:30 in Berlin (CET) that night; "02:30" reads back as
        // the first one (CEST), so the writer starts an hour earlier and offsets absorb it.
        long t = new DateTimeOffset(2026, 10, 25, 1, 30, 0, 500, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
        string text = WriteAsc([Frame(t, "1", 1, "01")], Berlin);
        Assert.Contains("Begin Triggerblock Sun Oct 25 02:30:00.000 am 2026", text, StringComparison.Ordinal);
        Assert.Contains("3600.500000 1  1 ", text, StringComparison.Ordinal);
        Assert.Equal(t, ReadAsc(text, Berlin)[0].TimestampNanos);
    }

    [Fact]
    public void An_empty_capture_is_a_valid_empty_log()
    {
        string text = WriteAsc([]);
        Assert.StartsWith("date Thu Jan 01 12:00:00.000 am 1970\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Start of measurement\nEnd TriggerBlock\n", text, StringComparison.Ordinal);
        Assert.Empty(ReadAsc(text));
    }

    [Fact]
    public void A_frame_before_the_start_is_an_error_naming_the_frame()
    {
        // The measurement starts at the first frame's whole second: slightly out-of-order frames
        // within it are fine, earlier ones cannot be written.
        WriteAsc([Frame(Jan1 + 10_500_000_000, "1", 1), Frame(Jan1 + 10_000_000_000, "1", 2)]);
        var e = Assert.Throws<CaptureFormatException>(() => WriteAsc([Frame(Jan1 + 10_500_000_000, "1", 1), Frame(Jan1 + 9_900_000_000, "1", 2)]));
        Assert.Equal(2, e.Line);
        Assert.Contains("frame 2 is 0.1 s before the measurement start", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bms", "channel 'bms' has no number")]
    [InlineData("1", "classic (non-FD) frame with 12 data bytes")]
    public void Frames_asc_cannot_hold_are_errors(string channel, string reason)
    {
        var e = Assert.Throws<CaptureFormatException>(() => WriteAsc([Frame(Jan1, channel, 1, "000102030405060708090A0B")]));
        Assert.Equal(1, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_allocates_nothing_per_frame()
    {
        var frames = AllKinds(Jan1);
        using var w = new HostSim.Capture.Asc.AscLogWriter(Stream.Null, new HostSim.Capture.CaptureWriterOptions { TimeZone = TimeZoneInfo.Utc });
        frames.ForEach(w.Write); // warm-up: the header
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            w.Write(frames[i % frames.Count]);
        }

        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 20_000, $"writing 20000 frames allocated {allocated} bytes");
    }
}
