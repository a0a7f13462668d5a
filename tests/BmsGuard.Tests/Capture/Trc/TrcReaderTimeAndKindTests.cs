using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Trc;
using Xunit;
using static BmsGuard.Tests.Capture.Trc.TrcTestSupport;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>Start times, offsets and the frame kinds beyond the version examples.</summary>
public class TrcReaderTimeAndKindTests
{
    private const string Header21 = """
        ;$FILEVERSION=2.1
        ;$STARTTIME={0}
        ;$COLUMNS=N,O,T,B,I,d,R,L,D

        """;

    [Theory]
    [InlineData("25569", 0L)] // 1970-01-01 00:00
    [InlineData("25569.5", 43_200_000_000_000L)]
    [InlineData("25569.00000000001", 864L)] // 11 decimals: still exact (1e-11 day = 864 ns)
    [InlineData("25569.000000000001", 86L)] // 86.4 ns rounds down
    [InlineData("25569.000000000006", 518L)] // 518.4 ns rounds down
    [InlineData("25569.000000000007", 605L)] // 604.8 ns rounds up
    [InlineData("25568", -86_400_000_000_000L)] // before 1970
    [InlineData("46023.602859513889", 1_767_277_687_062_000_010L)] // python-can 4.2+ style float digits
    public void Start_time_is_exact_to_the_nanosecond_where_the_decimal_allows(string startTime, long nanos)
    {
        var read = Read(string.Format(Header21, startTime) + "1 0.000 DT 1 0001 Rx - 0\n");
        Assert.Equal(nanos, read.StartTimeNanos);
        Assert.Equal(nanos, read.Frames[0].TimestampNanos);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1841", 1_841_000_000L)]
    [InlineData("1059.9", 1_059_900_000L)]
    [InlineData("1059.900", 1_059_900_000L)]
    [InlineData("0.001", 1_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("43200000.123456", 43_200_000_123_456L)]
    [InlineData("-1.5", -1_500_000L)]
    public void Offsets_are_milliseconds_to_the_nanosecond(string offset, long nanos)
    {
        var read = Read(string.Format(Header21, "25569") + $"1 {offset} DT 1 0001 Rx - 0\n");
        Assert.Equal(nanos, read.Frames[0].TimestampNanos);
    }

    [Fact]
    public void Every_fd_dlc_maps_to_its_length()
    {
        int[] lengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];
        var text = new StringBuilder(string.Format(Header21, "25569"));
        for (int dlc = 0; dlc < 16; dlc++)
        {
            text.Append($"{dlc + 1} {dlc}.000 FD 1 0123 Rx - {dlc} {string.Join(' ', Enumerable.Repeat("5A", lengths[dlc]))}\n");
        }

        var frames = Read(text.ToString()).Frames;
        Assert.Equal(lengths, frames.Select(f => f.Length));
        Assert.All(frames, f => Assert.True(f.Fd && !f.BitRateSwitch && !f.ErrorStateIndicator));
        Assert.Equal(new string('A', 128).Replace("AA", "5A"), Convert.ToHexString(frames[15].Data));
    }

    [Fact]
    public void Error_frame_values_map_to_socketcan_protocol_errors()
    {
        var frames = Read(string.Format(Header21, "25569") + """
            1 1.000 ER 1 - Rx - 5 01 01 0A 7F 80
            2 2.000 ER 1 - Tx - 5 02 00 18 00 01
            3 3.000 ER 2 - Rx - 5 08 01 00 00 00

            """).Frames;

        // data[2]: 01 bit / 02 form / 04 stuff / 00 other, 80 = while sending; [3] position; [6] TX, [7] RX counter.
        Assert.Equal(
            ["1000000 1 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000010A0000807F",
             "2000000 1 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000821800000100",
             "3000000 2 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000000000000000"],
            frames.Select(Describe));
    }

    [Fact]
    public void Status_counter_event_and_warning_lines_are_counted_not_returned()
    {
        var read = Read(string.Format(Header21, "25569") + """
            1 1.000 ST 1 - Rx - 4 00 00 00 08
            2 1.500 EC 1 - Rx - 2 02 02
            3 2.000 EV 1 Event text with many words and a 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80
            4 2.500 EV - for all busses
            5 3.000 DT 1 0001 Rx - 0

            """);
        Assert.Equal(4, read.Skipped);
        Assert.Single(read.Frames);
    }

    [Fact]
    public void Crlf_lines_blank_lines_comments_and_a_last_line_without_newline_are_read()
    {
        string text = string.Format(Header21, "25569").Replace("\n", "\r\n") + "\r\n;Begin Triggerblock\r\n  1 1.000 DT 1 0001 Rx - 1 01 \r\n\r\n2 2.000 DT 1 0002 Rx - 1 02";
        var frames = Read(text).Frames;
        Assert.Equal(["01", "02"], frames.Select(f => Convert.ToHexString(f.Data, 0, f.Length)));
    }

    [Fact]
    public void Custom_column_orders_and_unknown_keywords_are_honoured()
    {
        var frames = Read("""
            ;$FILEVERSION=2.1
            ;$STARTTIME=25569
            ;$SOMEFUTUREKEYWORD=whatever
            ;$COLUMNS=O,T,I,B,L,D
            5.000 DT 0123 3 2 AB CD

            """).Frames;
        Assert.Equal("5000000 3 123 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 ABCD", Describe(frames[0]));
    }

    [Fact]
    public void A_1_0_file_without_a_peak_start_comment_has_bare_offsets()
    {
        // python-can's 1.0 writer puts a Python timedelta in the comment, which is no PEAK date.
        var read = Read(";    Start time: 66802 days, 4:03:17.901210\n     0)       2  0000123 2 01 02\n");
        Assert.Equal(0, read.StartTimeNanos);
        Assert.Equal("2000000 1 123 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0102", Describe(read.Frames[0]));
    }

    [Fact]
    public void Reading_allocates_nothing_per_frame()
    {
        var text = new StringBuilder(string.Format(Header21, "45000.5"));
        for (int i = 0; i < 20_000; i++)
        {
            text.Append($"{i + 1} {i}.125 {(i % 3 == 0 ? "FB" : "DT")} {1 + (i % 2)} {(i % 5 == 0 ? "18EFC034" : "0123")} Rx - 8 01 02 03 04 05 06 07 08\r\n");
        }

        byte[] bytes = Encoding.ASCII.GetBytes(text.ToString());
        using var reader = new TrcReader(new MemoryStream(bytes), "big.trc");
        var f = new CaptureFrame();
        for (int i = 0; i < 100; i++)
        {
            Assert.True(reader.Read(f));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int n = 0;
        while (reader.Read(f))
        {
            n++;
        }

        Assert.Equal(19_900, n);
        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < n, $"reading {n} frames allocated {allocated} bytes");
    }
}
