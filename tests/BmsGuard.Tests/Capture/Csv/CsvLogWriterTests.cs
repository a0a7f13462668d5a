using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Csv;

public class CsvLogWriterTests
{
    private const long Jan1 = 1767225600L * 1_000_000_000;

    [Fact]
    public void Writes_python_can_rows()
    {
        string text = CsvText.Write(
        [
            Frame(Jan1 + 13_000, "can0", 0x1F0, "F40E1700A0C20084"),
            Frame(Jan1 + 500_000_000, "can0", 0x18FF50E5, "0102", ext: true),
            Frame(10_000, "can1", 0x7FF, remote: true, length: 4),
            Frame(Jan1 + 1_000_000_001, "can0", 0x4, "0004000000000000", error: true),
            Frame(Jan1 + 2_000_000_000, "can0", 0x5A2, "100C31010000000000000000", fd: true, brs: true),
            Frame(Jan1 + 3_000_000_000, "can0", 0x3FF, "55AA010203040506", len8Dlc: 13),
        ]);
        Assert.Equal(
            CsvText.Header + """
            1767225600.000013,0x1f0,0,0,0,8,9A4XAKDCAIQ=
            1767225600.500000,0x18ff50e5,1,0,0,2,AQI=
            0.000010,0x7ff,0,1,0,4,
            1767225601.000000001,0x4,0,0,1,8,AAQAAAAAAAA=
            1767225602.000000,0x5a2,0,0,0,12,EAwxAQAAAAAAAAAA
            1767225603.000000,0x3ff,0,0,0,13,VaoBAgMEBQY=

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Round_trip_keeps_every_field_the_layout_has()
    {
        var frames = new List<BmsGuard.HostSim.Capture.CaptureFrame>
        {
            Frame(Jan1 + 13_000, "1", 0x1F0, "F40E1700A0C20084"),
            Frame(Jan1 + 20_000, "1", 0x18FF50E5, "0102", ext: true),
            Frame(Jan1 + 30_000, "1", 0x123, remote: true, length: 3),
            Frame(Jan1 + 40_000, "1", 0x124, remote: true, ext: true, length: 8, len8Dlc: 9),
            Frame(Jan1 + 50_000, "1", 0x3FF, "55AA010203040506", len8Dlc: 15),
            Frame(Jan1 + 60_000, "1", 0x20000004, "0004000000000000", error: true),
            Frame(Jan1 + 70_000, "1", 0x167, Convert.ToHexString(new byte[64]), ext: true, fd: true),
            Frame(Jan1 + 80_000_123, "1", 0x7FF, "FF"),
            Frame(-1, "1", 0, ""),
        };
        frames[5].Id = 0x4; // SocketCAN error class bits, as the candump reader gives them
        Assert.Equal(frames.Select(Exact), CsvText.Read(CsvText.Write(frames)).Select(Exact));
    }

    [Fact]
    public void Channel_and_fd_flags_are_not_in_the_layout()
    {
        var back = CsvText.Read(CsvText.Write(
        [
            Frame(Jan1, "can1", 0x10, "0102030405060708090A0B0C", fd: true, brs: true, esi: true),
            Frame(Jan1, "can1", 0x11, "0102", fd: true, brs: true),
        ]));

        // Every frame comes back on channel "1"; more than 8 bytes reads back as FD, without BRS/ESI.
        Assert.Equal(
            [
                $"{Jan1} 1 10 ext=0 rtr=0 err=0 fd=1 brs=0 esi=0 len=12 dlc8=0 0102030405060708090A0B0C",
                $"{Jan1} 1 11 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 0102",
            ],
            back.Select(Exact));
    }

    [Fact]
    public void Writing_allocates_nothing_per_frame()
    {
        var frames = new[] { Frame(Jan1, "1", 0x1F0, "F40E1700A0C20084"), Frame(Jan1 + 1, "1", 0x167, Convert.ToHexString(new byte[64]), ext: true, fd: true), Frame(Jan1 + 2, "1", 1, remote: true, length: 8) };
        using var w = new HostSim.Capture.Csv.CsvLogWriter(Stream.Null);
        w.Write(frames[0]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            w.Write(frames[i % frames.Length]);
        }

        // Under one byte per frame: the runtime's own few KB (tiered JIT) pass, one object per frame would not.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 20_000, $"writing 20000 frames allocated {allocated} bytes");
    }
}
