using Xunit;
using static BmsGuard.Tests.Capture.Trc.TrcTestSupport;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>Each file version's example, frame by frame, with every field.</summary>
public class TrcReaderVersionTests
{
    private const long Ms = 1_000_000;

    // PEAK 1.x error line "0008 4 00 19 08 08": other error while sending at the ACK slot, RX and TX
    // counters 8, as a SocketCAN protocol error with counters (CAN_ERR_PROT | CAN_ERR_CNT).
    private const string AckSlotError = "208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000801900000808";

    [Fact]
    public void Version_1_0_takes_its_start_from_the_start_time_comment()
    {
        var read = Read(TrcExamples.V10);
        long start = Utc(2002, 9, 11, 16, 0, 20, 682 * Ms);
        Assert.Equal(("1.0", start, 1L), (read.Version, read.StartTimeNanos, read.Skipped));
        Assert.Equal(
            [
                $"{start + (1841 * Ms)} 1 1 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 0000000000000000",
                $"{start + (1842 * Ms)} 1 {AckSlotError}",
                $"{start + (1844 * Ms)} 1 100 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 ",
                $"{start + (1845 * Ms)} 1 18EFC034 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 AABB",
            ],
            read.Frames.Select(Describe));
    }

    [Fact]
    public void Version_1_1_has_a_type_column_and_no_bus()
    {
        var read = Read(TrcExamples.V11);
        long start = Utc(2003, 3, 24, 12, 52, 32, 483_997_120);
        Assert.Equal(("1.1", start, 1L), (read.Version, read.StartTimeNanos, read.Skipped));
        Assert.Equal(
            [
                $"{start + (1059_900_000)} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + (1283_200_000)} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + (1298_900_000)} 1 400 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0000",
                $"{start + (1323_000_000)} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000060000",
                $"{start + (1349_200_000)} 1 {AckSlotError}",
                $"{start + (1352_700_000)} 1 100 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 ",
                $"{start + (1353_100_000)} 1 18EFC034 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 0102030405060708",
            ],
            read.Frames.Select(Describe));
    }

    [Fact]
    public void Version_1_2_adds_the_bus()
    {
        var read = Read(TrcExamples.V12);
        long start = Utc(2009, 3, 6, 16, 15, 12, 317_302_080);
        Assert.Equal(("1.2", start, 1L), (read.Version, read.StartTimeNanos, read.Skipped));
        Assert.Equal(["1", "1", "2", "1", "1", "1"], read.Frames.Select(f => f.Channel));
        Assert.Equal(start + 1298_945_000, read.Frames[2].TimestampNanos);
        Assert.Equal($"{start + 1349_222_000} 1 {AckSlotError}", Describe(read.Frames[4]));
        Assert.True(read.Frames[5].Remote);
    }

    [Fact]
    public void Version_1_3_adds_the_reserved_column()
    {
        var read = Read(TrcExamples.V13);
        long start = Utc(2009, 7, 29, 12, 35, 20, 701_098_240);
        Assert.Equal(("1.3", start, 1L), (read.Version, read.StartTimeNanos, read.Skipped));
        Assert.Equal(
            [
                $"{start + 1059_900_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1283_231_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1298_945_000} 2 400 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0000",
                $"{start + 1323_201_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000060000",
                $"{start + 1349_222_000} 1 {AckSlotError}",
                $"{start + 1352_743_000} 1 100 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 ",
                $"{start + 1353_001_000} 2 18EFC034 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 FF",
            ],
            read.Frames.Select(Describe));
    }

    [Fact]
    public void Version_2_0_uses_its_columns_line_with_lengths_in_bytes()
    {
        var read = Read(TrcExamples.V20);
        long start = Utc(2015, 7, 24, 9, 46, 56, 614_995_840);
        Assert.Equal(("2.0", start, 2L), (read.Version, read.StartTimeNanos, read.Skipped));
        Assert.Equal(
            [
                $"{start + 1059_900_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1283_231_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1298_945_000} 1 400 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0000",
                $"{start + 1323_201_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000060000",
                $"{start + 1334_416_000} 1 500 ext=0 rtr=0 err=0 fd=1 brs=0 esi=0 len=12 dlc8=0 0102030405060708090A0B0C",

                // Stuff error while sending at position 02 (ID.28-21), both counters 0.
                $"{start + 1334_522_000} 1 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000840200000000",
                $"{start + 1335_156_000} 1 18EFC034 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 0102030405060708",
                $"{start + 1336_543_000} 1 100 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 ",
                $"{start + 1337_000_000} 1 501 ext=0 rtr=0 err=0 fd=1 brs=1 esi=1 len=16 dlc8=0 000102030405060708090A0B0C0D0E0F",
            ],
            read.Frames.Select(Describe));
    }

    [Fact]
    public void Version_2_1_maps_dlcs_flags_and_buses()
    {
        var read = Read(TrcExamples.V21);
        long start = Utc(2014, 5, 7, 11, 9, 27, 47_854_080); // PEAK's example comment says 2015: its $STARTTIME is 2014
        Assert.Equal(("2.1", start, 4L), (read.Version, read.StartTimeNanos, read.Skipped));
        string fe64 = Convert.ToHexString([.. Enumerable.Range(0, 64).Select(i => (byte)i)]);
        Assert.Equal(
            [
                $"{start + 1059_900_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1283_231_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000040000",
                $"{start + 1298_945_000} 1 400 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0000",
                $"{start + 1323_201_000} 1 300 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=7 dlc8=0 00000000060000",
                $"{start + 1334_416_000} 1 500 ext=0 rtr=0 err=0 fd=1 brs=0 esi=0 len=12 dlc8=0 0102030405060708090A0B0C",
                $"{start + 1334_222_000} 1 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000840200000000",
                $"{start + 1334_268_000} 1 208 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0000840200000008",
                $"{start + 1335_156_000} 1 18EFC034 ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=0 0102030405060708",
                $"{start + 1336_543_000} 1 100 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 ",
                $"{start + 1337_001_000} 2 501 ext=0 rtr=0 err=0 fd=1 brs=1 esi=0 len=20 dlc8=0 000102030405060708090A0B0C0D0E0F10111213",
                $"{start + 1337_002_000} 2 502 ext=1 rtr=0 err=0 fd=1 brs=0 esi=1 len=64 dlc8=0 {fe64}",
                $"{start + 1337_003_000} 2 503 ext=0 rtr=0 err=0 fd=1 brs=1 esi=1 len=0 dlc8=0 ",
                $"{start + 1337_004_000} 2 504 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=12 1122334455667788",
            ],
            read.Frames.Select(Describe));
    }

    [Fact]
    public void Bus_channels_are_shared_string_instances()
    {
        var frames = Read(TrcExamples.V21).Frames;
        Assert.Same(frames[0].Channel, frames[1].Channel);
        Assert.Same(frames[9].Channel, frames[12].Channel);
    }
}
