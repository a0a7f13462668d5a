using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Trc;
using BmsGuard.Tests.Support;
using Xunit;
using static BmsGuard.Tests.Capture.Trc.TrcTestSupport;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>Our 2.1 writer: PEAK's layout, and everything it writes reads back field for field.</summary>
public class TrcWriterTests
{
    private static readonly long Midnight = Utc(2026, 1, 1, 0, 0, 0);

    [Fact]
    public void Writes_peak_2_1_lines_as_in_the_specification()
    {
        string text = Write([
            Frame(Midnight + 1_059_900_000, "can0", 0x300, hex: "00000000040000"),
            Frame(Midnight + 1_334_416_000, "can0", 0x500, hex: "0102030405060708090A0B0C", fd: true),
            Frame(Midnight + 1_334_222_000, "can0", 0x208, hex: "0000840200000000", error: true),
            Frame(Midnight + 1_335_156_000, "can0", 0x18EFC034, extended: true, hex: "0102030405060708"),
            Frame(Midnight + 1_336_543_000, "can0", 0x100, remote: true, length: 3),
            Frame(Midnight + 1_337_000_001, "can1", 0x7FF, hex: "", fd: true, brs: true, esi: true),
        ]);

        string[] lines = text.Split("\r\n");
        Assert.Equal(";$FILEVERSION=2.1", lines[0]);
        Assert.Equal(";$STARTTIME=46023.0000000000", lines[1]); // 2026-01-01 is day 46023 after 1899-12-30
        Assert.Equal(";$COLUMNS=N,O,T,B,I,d,R,L,D", lines[2]);
        Assert.Contains(";   Start time: 01.01.2026 00:00:00.000.0", lines);
        Assert.Equal(
            [
                "      1      1059.900 DT 1      0300 Rx -  7    00 00 00 00 04 00 00",
                "      2      1334.416 FD 1      0500 Rx -  9    01 02 03 04 05 06 07 08 09 0A 0B 0C",
                "      3      1334.222 ER 1         - Rx -  5    04 00 02 00 00",
                "      4      1335.156 DT 1  18EFC034 Rx -  8    01 02 03 04 05 06 07 08",
                "      5      1336.543 RR 1      0100 Rx -  3",
                "      6   1337.000001 BI 2      07FF Rx -  0",
                "",
            ],
            lines.SkipWhile(l => l.StartsWith(';')));
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Theory]
    [InlineData(nameof(TrcExamples.V10))]
    [InlineData(nameof(TrcExamples.V11))]
    [InlineData(nameof(TrcExamples.V12))]
    [InlineData(nameof(TrcExamples.V13))]
    [InlineData(nameof(TrcExamples.V20))]
    [InlineData(nameof(TrcExamples.V21))]
    public void Every_version_example_round_trips_through_our_writer_field_for_field(string example)
    {
        string text = (string)typeof(TrcExamples).GetField(example)!.GetValue(null)!;
        var original = Read(text).Frames;
        Assert.NotEmpty(original);
        Assert.Equal(original.Select(Describe), Read(Write(original)).Frames.Select(Describe));
    }

    [Fact]
    public void Every_frame_kind_and_odd_time_round_trips_field_for_field()
    {
        long t = Utc(2031, 7, 9, 23, 59, 59, 999_999_999);
        CaptureFrame[] frames =
        [
            Frame(t, "can0", 0x123, hex: "11223344"),
            Frame(t + 1, "can1", 0x1FFFFFFF, extended: true, hex: "00"),
            Frame(t + 2, "can0", 0x000, hex: ""),
            Frame(t + 1000, "can0", 0x7FF, remote: true, length: 0),
            Frame(t + 2000, "can0", 0x12345, extended: true, remote: true, length: 8),
            Frame(t + 3000, "can0", 0x321, hex: "1122334455667788", len8Dlc: 0xF),
            Frame(t + 4000, "can0", 0x100, fd: true, hex: new string('A', 128)),
            Frame(t + 5000, "can0", 0x101, fd: true, brs: true, hex: "0102030405060708090A0B0C"),
            Frame(t + 6000, "can0", 0x1234567, extended: true, fd: true, esi: true, hex: "01"),
            Frame(t + 7000, "can0", 0x103, fd: true, brs: true, esi: true, hex: ""),
            Frame(t + 8000, "can0", 0x208, error: true, hex: "0000820A0000117F"),
            Frame(t - 86_400_000_000_000, "can0", 0x1, hex: "01"), // a day before the first: negative offset
            Frame(t + 31_000_000_000_000, "3", 0x2, hex: "02"), // long after: offsets past a day
            Frame(1_000_000_000_000_000_000, "can0", 0x3, hex: "03"), // 2001: 30 years back, 12 digits of ms
        ];
        var back = Read(Write(frames));
        Assert.Equal(frames.Select(f => Describe(f).Replace(" can0 ", " 1 ").Replace(" can1 ", " 2 ")), back.Frames.Select(Describe));
        Assert.Equal(Utc(2031, 7, 9, 0, 0, 0), back.StartTimeNanos);
    }

    [Fact]
    public void The_bundled_sample_round_trips_but_for_its_controller_error_frame()
    {
        var original = Captures.Read(Captures.BundledSample);
        byte[] trc = WriteBytes(original, out long approximated);
        var back = Read(trc).Frames;
        Assert.Equal(6549, back.Count);
        Assert.Equal(1, approximated);

        // The sample's one error frame is a SocketCAN controller warning (class CAN_ERR_CRTL,
        // RX warning), which a PEAK error frame cannot express: it reads back as an other error.
        int error = original.FindIndex(f => f.Error);
        Assert.Equal("4 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0004000000000000", Describe(original[error]).Split(' ', 3)[2]);
        Assert.Equal("208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000000000000000", Describe(back[error]).Split(' ', 3)[2]);
        for (int i = 0; i < original.Count; i++)
        {
            if (i != error)
            {
                Assert.Equal(Describe(original[i]).Replace(" can0 ", " 1 ").Replace(" can1 ", " 2 "), Describe(back[i]));
            }
        }
    }

    [Theory]
    [InlineData(0x208u, "0000010A0000117F", "01 01 0A 7F 11", true)] // protocol bit error while receiving, counters: exact
    [InlineData(0x008u, "0000010A0000117F", "01 01 0A 00 00", false)] // without CAN_ERR_CNT the counter bytes mean nothing
    [InlineData(0x208u, "0000880A0000117F", "01 00 0A 7F 11", false)] // CAN_ERR_PROT_BIT0 while sending: a bit error
    [InlineData(0x020u, "0000000000000000", "08 00 19 00 00", false)] // no ACK: other error while sending at the ACK slot
    [InlineData(0x044u, "0004000000000000", "08 01 00 00 00", false)] // controller warning and bus-off: other error
    [InlineData(0x204u, "0004000000000520", "08 01 00 20 05", false)] // ...keeping the counters it reports
    public void Socketcan_error_frames_become_the_nearest_peak_error(uint errorClass, string hex, string peak, bool exact)
    {
        var bytes = WriteBytes([Frame(Midnight, "can0", errorClass, error: true, hex: hex)], out long approximated);
        string line = Encoding.ASCII.GetString(bytes).Split("\r\n").First(l => l.Contains(" ER "));
        Assert.EndsWith(" 5    " + peak, line);
        Assert.Equal(exact ? 0 : 1, approximated);
    }

    [Theory]
    [InlineData("bms", 0x1, false, 1, "channel 'bms' has no TRC bus number 1..255 (name it canN for bus N+1, or N)")]
    [InlineData("0", 0x1, false, 1, "channel '0' has no TRC bus number 1..255 (name it canN for bus N+1, or N)")]
    [InlineData("can0", 0x1, true, 10, "10 is not a CAN FD payload length")]
    [InlineData("can0", 0x1, false, 9, "classic frame with length 9 (at most 8)")]
    [InlineData("can0", 0x0, false, 0, "frame more than 31 years from the first one: beyond what a TRC time offset holds")]
    public void Frames_trc_cannot_hold_are_errors_naming_the_frame(string channel, uint id, bool fd, int length, string reason)
    {
        var ms = new MemoryStream();
        using var w = new TrcWriter(ms, CaptureWriterOptions.KeepStreamOpen);
        w.Write(Frame(Midnight, "can0", 0x7, hex: "07"));
        long time = id == 0 ? long.MinValue : Midnight;
        var e = Assert.Throws<CaptureFormatException>(() => w.Write(Frame(time, channel, id, fd: fd, hex: "", length: length)));
        Assert.Equal((2L, reason), (e.Line, e.Reason));
        Assert.StartsWith("TRC output:2: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_frame_outside_the_start_time_range_is_an_error()
    {
        using var w = new TrcWriter(new MemoryStream());
        var e = Assert.Throws<CaptureFormatException>(() => w.Write(Frame(long.MaxValue, "can0", 0x1)));
        Assert.Equal((1L, "frame time outside 1899-12-30 to 2228, the dates $STARTTIME can hold"), (e.Line, e.Reason));
    }

    [Fact]
    public void An_empty_capture_is_a_valid_empty_trace()
    {
        var read = Read(Write([]));
        Assert.Equal(("2.1", 0L), (read.Version, read.Frames.Count));
    }

    [Fact]
    public void Writing_allocates_nothing_per_frame()
    {
        var frames = Enumerable.Range(0, 64).Select(i => Frame(Midnight + (i * 1_000_123L), i % 2 == 0 ? "can0" : "can1", (uint)i, fd: i % 3 == 0, hex: "0102030405060708")).ToArray();
        using var w = new TrcWriter(Stream.Null);
        foreach (var f in frames)
        {
            w.Write(f);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            w.Write(frames[i % frames.Length]);
        }

        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 20_000, $"writing 20,000 frames allocated {allocated} bytes");
    }
}
