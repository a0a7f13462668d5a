using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;
using BmsGuard.HostSim.Capture.Candump;

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
        using (var w = new CandumpLogWriter(ms, CaptureWriterOptions.KeepStreamOpen))
        {
            var f = new CaptureFrame { TimestampNanos = 5_000_042_000L, Channel = "can0", Id = 0x7, Length = 1 };
            f.Data[0] = 0xAB;
            w.Write(f);
        }

        Assert.Equal("(0000000005.000042) can0 007#AB\n", Encoding.ASCII.GetString(ms.ToArray()));
    }

    [Fact]
    public void A_preformatted_line_is_written_as_formatted_then_its_annotation()
    {
        string text = """
            (1436509052.249713) can0 12345678#1122334455667788
            (0000000001.000002) vcan1 100#R4
            (1436509052.249713) can0 123##1112233
            (1436509052.249713) can0 321#1122334455667788_E

            """;
        var frames = Captures.Parse(text);
        var annotated = new MemoryStream();
        var bare = new MemoryStream();
        var formatter = new CandumpLineFormatter();
        var line = new byte[CandumpLineFormatter.MaxLine];
        using (var a = new CandumpLogWriter(annotated, CaptureWriterOptions.KeepStreamOpen))
        using (var b = new CandumpLogWriter(bare, CaptureWriterOptions.KeepStreamOpen))
        {
            byte[] note = "-> drop reason=not-allowed"u8.ToArray();
            foreach (var f in frames)
            {
                int n = formatter.Format(line, f);
                a.WriteLine(line.AsSpan(0, n), note);
                b.WriteLine(line.AsSpan(0, n), default);
            }

            Assert.Equal(frames.Count, a.Count);
        }

        string direct = Rewrite(text);
        Assert.Equal(direct, Encoding.ASCII.GetString(bare.ToArray()));
        Assert.Equal(direct.Replace("\n", " -> drop reason=not-allowed\n"), Encoding.ASCII.GetString(annotated.ToArray()));
        Assert.Contains("123##1112233 -> drop reason=not-allowed\n", Encoding.ASCII.GetString(annotated.ToArray()));
    }

    [Fact]
    public void A_line_is_written_on_another_interface_by_swapping_the_name()
    {
        var ms = new MemoryStream();
        using (var w = new CandumpLogWriter(ms, CaptureWriterOptions.KeepStreamOpen))
        {
            byte[] line = "(0000000001.000002) can0 123#1122"u8.ToArray();
            w.WriteLineOnInterface(line, 20, 24, "vcan12"u8);
            w.WriteLineOnInterface(line, 20, 24, "c"u8);
        }

        Assert.Equal("(0000000001.000002) vcan12 123#1122\n(0000000001.000002) c 123#1122\n", Encoding.ASCII.GetString(ms.ToArray()));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_refused_not_cut()
    {
        using var w = new CandumpLogWriter(new MemoryStream());
        var ex = Assert.Throws<ArgumentException>(() => w.WriteLine(new byte[1 << 17], default));
        Assert.Contains("does not fit", ex.Message);
    }

    private static string Rewrite(string text)
    {
        var ms = new MemoryStream();
        using (var w = new CandumpLogWriter(ms, CaptureWriterOptions.KeepStreamOpen))
        {
            foreach (var f in Captures.Parse(text))
            {
                w.Write(f);
            }
        }

        return Encoding.ASCII.GetString(ms.ToArray());
    }
}
