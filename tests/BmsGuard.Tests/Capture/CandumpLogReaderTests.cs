using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Tests.Capture;

public class CandumpLogReaderTests
{
    [Fact]
    public void Reads_every_frame_kind_with_exact_timestamps()
    {
        var frames = Captures.Parse("""
            (1436509052.249713) can0 123#11223344
            (1436509052.249714) can0 12345678#1122

            (0000000001.000001) vcan1 7FF#R
            (0000000001.000002) vcan1 100#R4
            (1436509052.249713) can0 123##1112233
            (1436509052.249713) can0 123##3
            (1436509052.249713) can0 20000080#0000000000000000
            (1436509052.249713) can0 321#1122334455667788_E
            (1436509052.249713) can0 321#11.22.33
            (1436509052.123456789) can0 001# R
            """);

        Assert.Equal(10, frames.Count);
        Assert.Equal(1436509052_249713000L, frames[0].TimestampNanos);
        Assert.Equal(("can0", 0x123u, false, "11223344"), (frames[0].Channel, frames[0].Id, frames[0].Extended, Captures.Hex(frames[0])));
        Assert.Equal((0x12345678u, true, 2), (frames[1].Id, frames[1].Extended, frames[1].Length));
        Assert.Equal(("vcan1", true, 0, 1_000_001_000L), (frames[2].Channel, frames[2].Remote, frames[2].Length, frames[2].TimestampNanos));
        Assert.Equal((true, 4), (frames[3].Remote, frames[3].Length));
        Assert.True(frames[4].Fd);
        Assert.True(frames[4].BitRateSwitch);
        Assert.False(frames[4].ErrorStateIndicator);
        Assert.Equal("112233", Captures.Hex(frames[4]));
        Assert.True(frames[5].Fd && frames[5].BitRateSwitch && frames[5].ErrorStateIndicator && frames[5].Length == 0);
        Assert.True(frames[6].Error);
        Assert.Equal(0x80u, frames[6].Id);
        Assert.Equal((8, 0xE), (frames[7].Length, frames[7].Len8Dlc));
        Assert.Equal("112233", Captures.Hex(frames[8]));
        Assert.Equal(1436509052_123456789L, frames[9].TimestampNanos);
        Assert.Equal(0, frames[9].Length);
    }

    [Fact]
    public void Reads_last_line_without_newline_and_crlf_lines()
    {
        var frames = Captures.Parse("(1.000000) can0 001#01\r\n(2.000000) can0 002#02");
        Assert.Equal([1u, 2u], frames.Select(f => f.Id));
        Assert.Equal("02", Captures.Hex(frames[1]));
    }

    [Theory]
    [InlineData("1436509052.249713 can0 123#11", "expected '(seconds.microseconds)'")]
    [InlineData("(1436509052,249713) can0 123#11", "malformed timestamp")]
    [InlineData("(1436509052.249713) can0 123:11", "missing '#'")]
    [InlineData("(1436509052.249713) can0 1234#11", "3 (standard) or 8 (extended) hex digits")]
    [InlineData("(1436509052.249713) can0 800#11", "standard identifier 800 above 7FF")]
    [InlineData("(1436509052.249713) can0 40000000#11", "above 1FFFFFFF")]
    [InlineData("(1436509052.249713) can0 12G#11", "invalid hex digit in the identifier")]
    [InlineData("(1436509052.249713) can0 123#112", "odd number of hex digits")]
    [InlineData("(1436509052.249713) can0 123#1Z", "invalid hex digit in the data")]
    [InlineData("(1436509052.249713) can0 123#112233445566778899", "at most 8 data bytes")]
    [InlineData("(1436509052.249713) can0 123##1112233445566778899", "not a valid CAN FD payload length")]
    [InlineData("(1436509052.249713) can0 123##", "flags digit")]
    [InlineData("(1436509052.249713) can0 123###11", "CAN XL")]
    [InlineData("(1436509052.249713) can0 123#R9", "id#R<length 0-8>")]
    [InlineData("(1436509052.249713) can0 123#1122_9", "'_' suffix")]
    [InlineData("(1436509052.249713) can0", "expected a frame")]
    [InlineData("(1436509052.249713) can0 123#11 extra", "unexpected text after the frame")]
    [InlineData("(1436509052.249713) an_interface_name_of_sixty_five_bytes_is_longer_than_any_real_one 123#11", "interface name longer than 64 bytes")]
    public void Malformed_lines_name_file_line_and_reason(string bad, string reason)
    {
        string text = "(1.000000) can0 001#01\n\n" + bad + "\n(2.000000) can0 002#02\n";
        var e = Assert.Throws<CaptureFormatException>(() => Captures.Parse(text));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("test.log:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_an_error_not_a_split()
    {
        string text = "(1.000000) can0 001#" + new string('0', 300) + "\n";
        using var reader = new CandumpLogReader(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)), "long.log", bufferSize: 128);
        var e = Assert.Throws<CaptureFormatException>(() => reader.Read(new CaptureFrame()));
        Assert.Contains("longer than 128 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_buffers_read_the_same_frames_as_large_ones()
    {
        byte[] bytes = File.ReadAllBytes(Captures.BundledSample);
        var big = Captures.Read(Captures.BundledSample);
        using var reader = new CandumpLogReader(new MemoryStream(bytes), "x", bufferSize: 80);
        var f = new CaptureFrame();
        int i = 0;
        while (reader.Read(f))
        {
            Assert.Equal((big[i].TimestampNanos, big[i].Id, Captures.Hex(big[i])), (f.TimestampNanos, f.Id, Captures.Hex(f)));
            i++;
        }

        Assert.Equal(big.Count, i);
        Assert.Equal(bytes.Length, reader.BytesConsumed);
    }
}
