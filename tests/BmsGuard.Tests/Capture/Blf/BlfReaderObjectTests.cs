using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>Objects our writer does not produce but Vector's tools and python-can do, read from hand-built files.</summary>
public class BlfReaderObjectTests
{
    private static readonly byte[] Eight = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Reads_every_CAN_object_type_and_both_header_versions()
    {
        byte[] fd12 = Enumerable.Range(0x10, 12).Select(i => (byte)i).ToArray();
        byte[] data = BlfBytes.Concat(
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x123, 3, [0xAA, 0xBB, 0xCC]), ticks: 5, flags: 1),
            BlfBytes.Object(86, BlfBytes.CanMessage(2, 0x80000000 | 0x1ABCDEF, 12, Eight, message2: true), ticks: 1_000_000_007),
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x7FF, 4, [], remote: true), ticks: 7, version: 2),
            BlfBytes.Object(73, ErrorExt(3, 0x004, 8, Eight), ticks: 8),
            BlfBytes.Object(100, BlfBytes.CanFdMessage(1, 0x80000000 | 0x42, 9, 0x1 | 0x2 | 0x4, fd12), ticks: 9),
            BlfBytes.Object(100, BlfBytes.CanFdMessage(1, 0x43, 2, 0, [9, 9], flags: 0x80), ticks: 10),
            BlfBytes.Object(101, BlfBytes.CanFdMessage64(4, 0x44, 9, 0x1000 | 0x4000, fd12), ticks: 11, version: 2),
            BlfBytes.Object(101, BlfBytes.CanFdMessage64(4, 0x45, 1, 0, [0xEE]), ticks: 12),
            BlfBytes.Object(101, BlfBytes.CanFdMessage64(4, 0x46, 6, 0x10, []), ticks: 13));
        var frames = BlfFrames.Read(BlfBytes.File(BlfBytes.Container(data)));
        const long T = BlfFrames.Start2026;
        Assert.Equal(
            [
                $"{T + 50_000} 1 123 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=3 dlc8=0 AABBCC",
                $"{T + 1_000_000_007} 2 1ABCDEF ext=1 rtr=0 err=0 fd=0 brs=0 esi=0 len=8 dlc8=12 0102030405060708",
                $"{T + 7} 1 7FF ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=4 dlc8=0 -",
                $"{T + 8} 3 4 ext=0 rtr=0 err=1 fd=0 brs=0 esi=0 len=8 dlc8=0 0102030405060708",
                $"{T + 9} 1 42 ext=1 rtr=0 err=0 fd=1 brs=1 esi=1 len=12 dlc8=0 {Convert.ToHexString(fd12)}",
                $"{T + 10} 1 43 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=2 dlc8=0 -",
                $"{T + 11} 4 44 ext=0 rtr=0 err=0 fd=1 brs=0 esi=1 len=12 dlc8=0 {Convert.ToHexString(fd12)}",
                $"{T + 12} 4 45 ext=0 rtr=0 err=0 fd=0 brs=0 esi=0 len=1 dlc8=0 EE",
                $"{T + 13} 4 46 ext=0 rtr=1 err=0 fd=0 brs=0 esi=0 len=6 dlc8=0 -",
            ],
            frames.Select(BlfFrames.Exact));
    }

    [Fact]
    public void Skips_other_objects_by_size_with_their_padding()
    {
        // APP_TEXT (65) and GLOBAL_MARKER (96) are padded by size % 4; an unknown type 200 is not.
        byte[] data = BlfBytes.Concat(
            BlfBytes.Object(65, new byte[13], ticks: 0), [0],
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, [0x11]), ticks: 1),
            BlfBytes.Object(96, new byte[7], ticks: 0), [0, 0, 0],
            BlfBytes.Object(200, new byte[5], ticks: 0),
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x2, 1, [0x22]), ticks: 2),
            BlfBytes.Object(115, new byte[64], ticks: 0));
        var frames = BlfFrames.Read(BlfBytes.File(BlfBytes.Container(data)));
        Assert.Equal([1u, 2u], frames.Select(f => f.Id));
    }

    [Fact]
    public void Accepts_zero_padding_where_none_is_expected()
    {
        // A writer that aligns every object to 4 bytes (python-can's reader scans for the next "LOBJ").
        byte[] data = BlfBytes.Concat(
            BlfBytes.Object(101, BlfBytes.CanFdMessage64(1, 0x1, 1, 0x1000, [0x11]), ticks: 1), [0, 0, 0],
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x2, 1, [0x22]), ticks: 2));
        Assert.Equal([1u, 2u], BlfFrames.Read(BlfBytes.File(BlfBytes.Container(data))).Select(f => f.Id));
    }

    [Fact]
    public void Reads_stored_containers_and_skips_top_level_non_containers()
    {
        byte[] a = BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, [0x11]), ticks: 1);
        byte[] b = BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x2, 1, [0x22]), ticks: 2);
        byte[] marker = BlfBytes.Object(65, new byte[6], ticks: 0);
        byte[] file = BlfBytes.File(BlfBytes.Container(a[..20], compress: false), [.. marker, 0, 0], BlfBytes.Container([.. a[20..], .. b], compress: false));
        Assert.Equal([1u, 2u], BlfFrames.Read(file).Select(f => f.Id));
    }

    [Fact]
    public void All_zero_start_time_means_relative_times()
    {
        byte[] file = BlfBytes.Concat(
            BlfBytes.FileHeader(start: new ushort[8]),
            BlfBytes.Container(BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 0, []), ticks: 123_456)));
        Assert.Equal(123_456, BlfFrames.Read(file)[0].TimestampNanos);
    }

    [Fact]
    public void Start_time_is_local_time_in_the_given_zone()
    {
        // 2026-01-01 00:00 in Berlin (CET, UTC+1) is 2025-12-31 23:00 UTC.
        byte[] file = BlfBytes.File(BlfBytes.Container(BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 0, []), ticks: 0)));
        Assert.Equal(BlfFrames.Start2026 - 3_600_000_000_000L, BlfFrames.Read(file, BlfFrames.Berlin)[0].TimestampNanos);
    }

    private static byte[] ErrorExt(int channel, uint id, byte dlc, byte[] data)
    {
        var p = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)channel);
        p[10] = dlc;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(16), id);
        data.CopyTo(p, 24);
        return p;
    }
}
