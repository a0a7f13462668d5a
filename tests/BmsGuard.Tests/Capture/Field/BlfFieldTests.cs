using System.Buffers.Binary;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Capture.Blf;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>
/// BLF objects as Vector's tools and other writers leave them, read as python-can reads them with a
/// warning naming the byte offset, and refused under --strict.
/// </summary>
public class BlfFieldTests
{
    private const uint Edl = 0x1000;
    private const uint Brs = 0x2000;

    /// <summary>CAN_FD_MESSAGE_64 as CANoe writes it: 64 valid data bytes declared, only 48 stored (object size 120).</summary>
    public static byte[] ShortFd64File()
    {
        byte[] data48 = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();
        byte[] payload = BlfBytes.CanFdMessage64(1, 0x6A9, 15, Edl | Brs, data48);
        payload[2] = 64; // valid data bytes
        byte[] shortObject = BlfBytes.Object(101, payload, ticks: 1000);
        byte[] next = BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x7, 1, [0x77]), ticks: 2000);
        return BlfBytes.File(BlfBytes.Container(BlfBytes.Concat(shortObject, next)));
    }

    /// <summary>DLC fields above 15, as in python-can's own test files: CAN_MESSAGE, CAN_MESSAGE2, CAN_FD_MESSAGE, CAN_ERROR_EXT.</summary>
    public static byte[] HugeDlcFile()
    {
        byte[] eight = [0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC];
        byte[] fd64 = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var error = new byte[32];
        BinaryPrimitives.WriteUInt16LittleEndian(error, 2);
        error[10] = 102;
        BinaryPrimitives.WriteUInt32LittleEndian(error.AsSpan(16), 0x80000000 | 0x1999999);
        eight.CopyTo(error, 24);
        return BlfBytes.File(BlfBytes.Container(BlfBytes.Concat(
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x444, 51, eight), ticks: 1000),
            BlfBytes.Object(86, BlfBytes.CanMessage(1, 0x445, 51, eight, message2: true), ticks: 2000),
            BlfBytes.Object(100, BlfBytes.CanFdMessage(1, 0x446, 51, 0x01 | 0x02, fd64), ticks: 3000),
            BlfBytes.Object(73, error, ticks: 4000))));
    }

    [Fact]
    public void A_CAN_FD_MESSAGE_64_shorter_than_its_valid_bytes_reads_the_rest_as_zeros_with_a_warning()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "short.blf");
        File.WriteAllBytes(path, ShortFd64File());
        var (frames, warnings, printed) = FieldReads.Read(path);

        Assert.Equal(2, frames.Count);
        Assert.True(frames[0].Fd && frames[0].BitRateSwitch);
        Assert.Equal(64, frames[0].Length);
        Assert.Equal(Enumerable.Range(1, 48).Select(i => (byte)i).Concat(new byte[16]), frames[0].DataCopy());
        Assert.Equal(0x7u, frames[1].Id); // the next object is found where the short one ends
        Assert.Equal(1, warnings.Count);
        Assert.Contains("short.blf: at byte offset 0: CAN_FD_MESSAGE_64 object size 120 holds 48 of its 64 valid data bytes: the other 16 read as zeros", printed, StringComparison.Ordinal);

        var e = Assert.Throws<CaptureFormatException>(() => FieldReads.Read(path, strict: true));
        Assert.Contains("at byte offset 0: CAN_FD_MESSAGE_64 object size 120 holds 48", e.Message, StringComparison.Ordinal);
        Assert.Contains("refused by --strict", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DLC_fields_above_15_read_as_the_largest_length_with_a_warning_each()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "dlc.blf");
        File.WriteAllBytes(path, HugeDlcFile());
        var (frames, warnings, printed) = FieldReads.Read(path);

        Assert.Equal(
            ["444 0 0 0 0 0 0 8 5566778899AABBCC", "445 0 0 0 0 0 0 8 5566778899AABBCC", "446 0 0 1 1 0 0 64 " + Convert.ToHexString(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray()), "ERR"],
            frames.Select(FieldReads.Line));
        Assert.All(frames.Take(2), f => Assert.Equal(0, f.Len8Dlc)); // 51 is no raw classic DLC 9..15
        Assert.Equal(4, warnings.Count);
        Assert.Contains("CAN_MESSAGE with DLC 51 (at most 15): read as DLC 15 (8 data bytes", printed, StringComparison.Ordinal);
        Assert.Contains("CAN_MESSAGE2 with DLC 51", printed, StringComparison.Ordinal);
        Assert.Contains("CAN_FD_MESSAGE with DLC 51 (at most 15): read as DLC 15 (64 data bytes)", printed, StringComparison.Ordinal);
        Assert.Contains("CAN_ERROR_EXT with DLC 102", printed, StringComparison.Ordinal);
        Assert.Throws<CaptureFormatException>(() => FieldReads.Read(path, strict: true));
    }

    [Fact]
    public void A_standard_flagged_identifier_above_7FF_is_kept_whole_as_29_bits_with_a_warning()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "id.blf");
        File.WriteAllBytes(path, BlfBytes.File(BlfBytes.Container(BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x4444444, 1, [0x11]), ticks: 1))));
        var (frames, warnings, printed) = FieldReads.Read(path);
        Assert.Equal("4444444 1 0 0 0 0 0 1 11", FieldReads.Line(frames.Single()));
        Assert.Contains("standard identifier 4444444 above 7FF (extended flag clear): read as a 29-bit identifier", printed, StringComparison.Ordinal);
        Assert.Equal(1, warnings.Count);
    }

    [Fact]
    public void Direction_bits_are_read_and_written_for_every_CAN_object()
    {
        byte[] tx = [0x01];
        var fd64Tx = BlfBytes.CanFdMessage64(1, 0x10, 1, Edl, [0xAA]);
        fd64Tx[34] = 1;
        byte[] blf = BlfBytes.File(BlfBytes.Container(BlfBytes.Concat(
            BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, tx), ticks: 1),
            BlfBytes.Object(1, Flag(BlfBytes.CanMessage(1, 0x2, 1, tx), 2, 0x01), ticks: 2),
            BlfBytes.Object(100, BlfBytes.CanFdMessage(1, 0x3, 1, 0x01, tx, flags: 0x01), ticks: 3),
            BlfBytes.Object(101, fd64Tx, ticks: 4))));
        var frames = BlfFrames.Read(blf);
        Assert.Equal([false, true, true, true], frames.Select(f => f.Transmit));
        Assert.Equal([false, true, true, true], BlfFrames.Read(BlfFrames.Write(frames)).Select(f => f.Transmit));
    }

    [PythonCanFact]
    public void Python_can_reads_the_huge_DLC_objects_as_we_do()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "dlc.blf");
        File.WriteAllBytes(path, HugeDlcFile());
        Assert.Equal(FieldReads.Lines(PythonCan.Run(FieldReads.PythonDump, path)), FieldReads.Read(path).Frames.Select(FieldReads.Line));
    }

    [PythonCanFact]
    public void Python_can_reads_the_directions_we_write()
    {
        using var dir = new TempDir();
        var frames = BlfFrames.Varied(40, seed: 3);
        for (int i = 0; i < frames.Count; i++)
        {
            frames[i].Transmit = i % 3 == 0;
        }

        string path = Path.Combine(dir.Path, "dir.blf");
        File.WriteAllBytes(path, BlfFrames.Write(frames));
        var theirs = FieldReads.Lines(PythonCan.Run(FieldReads.PythonDump, path));
        var ours = FieldReads.Read(path).Frames;
        Assert.Equal(ours.Where(f => !f.Error).Select(f => f.Transmit ? 1 : 0), theirs.Where(l => l != "ERR").Select(l => l.Split(' ')[6] == "1" ? 1 : 0));
        Assert.Contains(ours, f => f.Transmit && !f.Error);
    }

    private static byte[] Flag(byte[] payload, int at, byte value)
    {
        payload[at] |= value;
        return payload;
    }
}
