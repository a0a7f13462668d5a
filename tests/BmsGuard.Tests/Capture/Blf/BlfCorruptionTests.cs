using System.Buffers.Binary;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>Damaged files: every one is an error naming the byte offset and the reason, never a shorter capture.</summary>
public class BlfCorruptionTests
{
    private static readonly byte[] Good = BlfFrames.Write(BlfFrames.Varied(3_000, seed: 12), containerSize: 4096);
    private static readonly List<(int Offset, int Size)> Containers = BlfBytes.TopLevel(Good);

    [Fact]
    public void Fixture_has_several_containers() => Assert.True(Containers.Count > 10);

    [Theory]
    [InlineData(0, "at byte offset 0: empty file")]
    [InlineData(50, "at byte offset 50: file ends inside the 144-byte BLF file header (truncated file)")]
    [InlineData(100, "at byte offset 100: file ends inside the BLF file header (truncated file)")]
    public void Truncated_header(int length, string reason) => Assert.Contains(reason, Fails(Good[..length]).Message, StringComparison.Ordinal);

    [Fact]
    public void Bad_file_signature_and_header_fields()
    {
        Assert.Equal("test.blf: at byte offset 0: not a BLF file: signature 'XOGG', expected 'LOGG'", Fails(Patch(Good, 0, (byte)'X')).Message);
        Assert.Contains("at byte offset 4: file header size 10 is not plausible", Fails(Patch32(Good, 4, 10)).Message, StringComparison.Ordinal);
        Assert.Contains("at byte offset 40: the start time (SYSTEMTIME) is not a valid date", Fails(Patch(Good, 42, 13)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_container_signature_names_its_file_offset()
    {
        int at = Containers[3].Offset;
        var e = Fails(Patch(Good, at + 1, 0));
        Assert.Equal(at, e.Line);
        Assert.Equal($"test.blf: at byte offset {at}: object signature 0x4C00424A, expected 'LOBJ'", e.Message);
    }

    [Fact]
    public void Bad_container_sizes()
    {
        Assert.Contains("at byte offset 144: LOG_CONTAINER object size 20 is smaller than its 32-byte header", Fails(Patch32(Good, 144 + 8, 20)).Message, StringComparison.Ordinal);

        // Too large: the container swallows the rest of the file and more.
        Assert.Contains($"at byte offset {Good.Length}: file ends inside the LOG_CONTAINER at byte offset 144, which claims 2147483632 bytes (truncated file)", Fails(Patch32(Good, 144 + 8, 0x7FFFFFF0)).Message, StringComparison.Ordinal);

        // Slightly too large or small: the next container's signature is not where it should be.
        int next = Containers[1].Offset;
        Assert.Contains($"at byte offset {next + 4}: object signature", Fails(Patch32(Good, 144 + 8, (uint)Containers[0].Size + 4)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_cut_inside_a_container()
    {
        int at = Containers[5].Offset;
        Assert.Contains($"at byte offset {at}: file ends 10 bytes into an object header (truncated file)", Fails(Good[..(at + 10)]).Message, StringComparison.Ordinal);
        foreach (int cut in new[] { at + 20, at + 40, at + (Containers[5].Size / 2) })
        {
            Assert.Contains($"at byte offset {cut}: file ends inside the LOG_CONTAINER at byte offset {at}, which claims {Containers[5].Size} bytes (truncated file)", Fails(Good[..cut]).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void File_cut_between_containers_is_caught_by_the_header_file_size()
    {
        int cut = Containers[7].Offset;
        Assert.Contains($"at byte offset {cut}: file ends here, but its header says it is {Good.Length} bytes long (truncated file)", Fails(Good[..cut]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_cut_between_containers_without_statistics_is_caught_inside_the_split_object()
    {
        // 48-byte CAN_MESSAGEs in 1000-byte containers: object 20 (at 960) continues in container 2.
        var frames = BlfFrames.Varied(100, seed: 13).Select(f =>
        {
            (f.Error, f.Fd, f.Remote, f.Length, f.Len8Dlc) = (false, false, false, 8, 0);
            f.Id &= f.Extended ? 0x1FFFFFFFu : 0x7FFu;
            return f;
        }).ToList();
        byte[] blf = BlfFrames.Write(frames, containerSize: 1000, seekable: false);
        var e = Fails(blf[..BlfBytes.TopLevel(blf)[1].Offset]);
        Assert.Equal(960, e.Line);
        Assert.Contains("at byte offset 960: the object stream ends inside this object (48 bytes; truncated file) [offset in the uncompressed object stream; reading the LOG_CONTAINER at file byte offset 144]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_zlib_data()
    {
        int at = Containers[2].Offset;
        int end = at + Containers[2].Size;
        foreach (var bad in new[] { Patch(Good, at + 32, 0), Patch(Good, end - 1, (byte)~Good[end - 1]), Patch(Good, at + 32 + 100, (byte)~Good[at + 32 + 100]) })
        {
            var e = Fails(bad);
            Assert.Contains($"at byte offset {at}: the LOG_CONTAINER", e.Message, StringComparison.Ordinal);
            Assert.Contains("zlib data is corrupt", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Container_size_fields_that_disagree_with_the_data()
    {
        int at = Containers[2].Offset;
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(Good.AsSpan(at + 24));
        Assert.Contains($"at byte offset {at}: the LOG_CONTAINER's data ends after {declared} bytes, its header says {declared + 1}", Fails(Patch32(Good, at + 24, declared + 1)).Message, StringComparison.Ordinal);
        Assert.Contains($"at byte offset {at}: the LOG_CONTAINER decompresses to more than the {declared - 1} bytes its header says", Fails(Patch32(Good, at + 24, declared - 1)).Message, StringComparison.Ordinal);
        Assert.Contains($"at byte offset {at}: LOG_CONTAINER compression method 5 is unknown", Fails(Patch(Good, at + 16, 5)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signature", "object signature 'LOBX', expected 'LOBJ'")]
    [InlineData("size8", "object size 8 is smaller than the 16-byte object header")]
    [InlineData("size40", "CAN_MESSAGE object size 40 is too small: its fields need 48 bytes")]
    [InlineData("huge", "the object stream ends 9952 bytes before the end of this object (truncated file)")]
    [InlineData("version", "CAN_MESSAGE with object header version 3 (known: 1, 2)")]
    [InlineData("headersize", "CAN_MESSAGE header size 40 does not match header version 1 (32 bytes)")]
    [InlineData("flags", "CAN_MESSAGE with timestamp flags 0x0 (known: 1 = 10 µs, 2 = 1 ns)")]
    public void Bad_objects_inside_a_container_name_their_offset_in_the_object_stream(string damage, string reason)
    {
        byte[] second = BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x2, 1, [0x22]), ticks: 2);
        switch (damage)
        {
            case "signature": second[3] = (byte)'X'; break;
            case "size8": second[8] = 8; break;
            case "size40": second[8] = 40; break;
            case "huge": second[8] = 0x10; second[9] = 0x27; break; // 10,000 bytes
            case "version": second[6] = 3; break;
            case "headersize": second[4] = 40; break;
            case "flags": second[16] = 0; break;
        }

        byte[] data = BlfBytes.Concat(BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, [0x11]), ticks: 1), second);
        var e = Fails(BlfBytes.File(BlfBytes.Container(data)));
        Assert.Equal(48, e.Line);
        Assert.Equal($"test.blf: at byte offset 48: {reason} [offset in the uncompressed object stream; reading the LOG_CONTAINER at file byte offset 144]", e.Message);
    }

    [Fact]
    public void Object_stream_ending_inside_an_object_header()
    {
        byte[] first = BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, [0x11]), ticks: 1);
        var e = Fails(BlfBytes.File(BlfBytes.Container([.. first, .. first[..10]])));
        Assert.Equal(48, e.Line);
        Assert.Contains("at byte offset 48: the object stream ends inside this object's header (truncated file)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CAN_object_outside_a_container_is_not_skipped()
    {
        byte[] file = BlfBytes.File(BlfBytes.Object(1, BlfBytes.CanMessage(1, 0x1, 1, [0x11]), ticks: 1));
        Assert.Contains("at byte offset 144: CAN_MESSAGE outside a LOG_CONTAINER is not supported", Fails(file).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_before_the_damage_are_delivered_then_the_error()
    {
        byte[] bad = Good[..(Containers[5].Offset + 100)];
        var seen = new List<CaptureFrame>();
        using var reader = new HostSim.Capture.Blf.BlfReader(new MemoryStream(bad), "test.blf", timeZone: TimeZoneInfo.Utc);
        var f = new CaptureFrame();
        Assert.Throws<CaptureFormatException>(() =>
        {
            while (reader.Read(f))
            {
                seen.Add(f);
            }
        });
        Assert.InRange(seen.Count, 100, 2_999);
    }

    private static CaptureFormatException Fails(byte[] blf) => Assert.Throws<CaptureFormatException>(() => BlfFrames.Read(blf));

    private static byte[] Patch(byte[] blf, int at, byte value)
    {
        byte[] copy = (byte[])blf.Clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] Patch32(byte[] blf, int at, uint value)
    {
        byte[] copy = (byte[])blf.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), value);
        return copy;
    }
}
