using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture;

public class CandumpLogWriterTests
{
    [Fact]
    public void Every_frame_kind_round_trips_byte_for_byte()
    {
        const string text = """
            (1436509052.249713) can0 123#11223344
            (1436509052.249714) can0 12345678#1122
            (0000000001.000001) vcan1 7FF#R
            (0000000001.000002) vcan1 100#R4
            (1436509052.249713) can0 123##1112233
            (1436509052.249713) can0 123##3
            (1436509052.249713) can0 20000080#0000000000000000
            (1436509052.249713) can0 321#1122334455667788_E
            (1436509052.249713) can0 000#

            """;
        Assert.Equal(text.ReplaceLineEndings("\n"), Rewrite(text));
    }

    [Fact]
    public void The_bundled_sample_round_trips_byte_for_byte()
    {
        string text = File.ReadAllText(Captures.BundledSample);
        Assert.Equal(text, Rewrite(text));
    }

    [Fact]
    public void Timestamps_are_zero_padded_like_candump()
    {
        var ms = new MemoryStream();
        using (var w = new CandumpLogWriter(ms, leaveOpen: true))
        {
            w.Write(5_000_042_000L, "can0", 0x7, false, false, [0xAB], 1);
        }

        Assert.Equal("(0000000005.000042) can0 007#AB\n", Encoding.ASCII.GetString(ms.ToArray()));
    }

    [Fact]
    public void A_copied_line_is_the_line_the_writer_would_have_formatted()
    {
        var frames = Captures.Parse("""
            (1436509052.249713) can0 12345678#1122334455667788
            (0000000001.000002) vcan1 100#R4
            (1436509052.249713) can0 123##1112233
            (1436509052.249713) can0 321#1122334455667788_E

            """);
        var first = new MemoryStream();
        var copied = new MemoryStream();
        var direct = new MemoryStream();
        using (var w = new CandumpLogWriter(first, leaveOpen: true))
        using (var c = new CandumpLogWriter(copied, leaveOpen: true))
        using (var d = new CandumpLogWriter(direct, leaveOpen: true))
        {
            byte[] note = "-> drop reason=not-allowed"u8.ToArray();
            foreach (var f in frames)
            {
                w.Write(f);
                w.CopyLastLine(c, note);
                d.Write(f.TimestampNanos, f.Channel, f.Id, f.Extended, f.Remote, f.Error, f.Fd, f.BitRateSwitch, f.ErrorStateIndicator, f.Data, f.Length, f.Len8Dlc, note);
            }

            Assert.Equal(frames.Count, c.Count);
        }

        Assert.Equal(Encoding.ASCII.GetString(direct.ToArray()), Encoding.ASCII.GetString(copied.ToArray()));
        Assert.Contains("123##1112233 -> drop reason=not-allowed\n", Encoding.ASCII.GetString(copied.ToArray()));
    }

    [Fact]
    public void Copying_needs_a_line_to_copy()
    {
        using var w = new CandumpLogWriter(new MemoryStream());
        using var c = new CandumpLogWriter(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => w.CopyLastLine(c, default));
    }

    private static string Rewrite(string text)
    {
        var ms = new MemoryStream();
        using (var w = new CandumpLogWriter(ms, leaveOpen: true))
        {
            foreach (var f in Captures.Parse(text))
            {
                w.Write(f);
            }
        }

        return Encoding.ASCII.GetString(ms.ToArray());
    }
}
