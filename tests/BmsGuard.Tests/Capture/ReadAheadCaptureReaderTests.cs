using System.Text;
using BmsGuard.HostSim.Capture;
using Xunit;

namespace BmsGuard.Tests.Capture;

public class ReadAheadCaptureReaderTests
{
    // More than two batches, so hand-overs and recycled batches are exercised.
    private const int Frames = (ReadAheadCaptureReader.BatchFrames * 2) + 37;

    [Fact]
    public void Gives_the_same_frames_and_lines_as_the_wrapped_reader()
    {
        string text = Log(Frames, blankEvery: 100);
        var direct = ReadAll(new CandumpLogReader(Stream(text), "t.log"), out _);
        var ahead = ReadAll(new ReadAheadCaptureReader(new CandumpLogReader(Stream(text), "t.log")), out _);

        Assert.Equal(Frames, direct.Count);
        Assert.Equal(direct, ahead);
    }

    [Fact]
    public void A_malformed_line_is_thrown_in_its_place_after_every_frame_before_it()
    {
        int bad = ReadAheadCaptureReader.BatchFrames + 500;
        var lines = Log(Frames, blankEvery: 0).Split('\n').ToList();
        lines[bad - 1] = "(1436509052.000000) can0 12G#00";
        string text = string.Join('\n', lines);

        using var reader = new ReadAheadCaptureReader(new CandumpLogReader(Stream(text), "t.log"));
        var frame = new CaptureFrame();
        int read = 0;
        var e = Assert.Throws<CaptureFormatException>(() =>
        {
            while (reader.Read(frame))
            {
                read++;
            }
        });

        Assert.Equal(bad - 1, read);
        Assert.Equal(bad, e.Line);
        Assert.Equal(bad, reader.Line);
        Assert.StartsWith($"t.log:{bad}: ", e.Message);
    }

    [Fact]
    public async Task Disposing_before_the_end_stops_the_background_reader()
    {
        var input = Stream(Log(Frames * 4, blankEvery: 0));
        var reader = new ReadAheadCaptureReader(new CandumpLogReader(input, "t.log"));
        var frame = new CaptureFrame();
        Assert.True(reader.Read(frame));

        var dispose = Task.Run(reader.Dispose);
        Assert.Same(dispose, await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.False(input.CanRead, "the wrapped reader (and its stream) must be closed");
    }

    [Fact]
    public void Reports_the_bytes_consumed_for_progress()
    {
        string text = Log(Frames, blankEvery: 0);
        using var reader = new ReadAheadCaptureReader(new CandumpLogReader(Stream(text), "t.log"));
        var frame = new CaptureFrame();
        long last = 0;
        while (reader.Read(frame))
        {
            Assert.True(reader.BytesConsumed >= last);
            last = reader.BytesConsumed;
        }

        Assert.Equal(Encoding.ASCII.GetByteCount(text), last);
    }

    private static string Log(int frames, int blankEvery)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < frames; i++)
        {
            if (blankEvery > 0 && i % blankEvery == 0)
            {
                sb.Append('\n');
            }

            sb.Append($"(1436509052.{i % 1_000_000:D6}) can{i % 2} {(i * 7) & 0x7FF:X3}#{i:X8}\n");
        }

        return sb.ToString();
    }

    private static MemoryStream Stream(string text) => new(Encoding.ASCII.GetBytes(text));

    private static List<string> ReadAll(ICaptureReader reader, out long lastLine)
    {
        var seen = new List<string>();
        var f = new CaptureFrame();
        using (reader)
        {
            while (reader.Read(f))
            {
                seen.Add($"{reader.Line} {f.TimestampNanos} {f.Channel} {f.Id:X} {f.Length} {Convert.ToHexString(f.Data, 0, f.Length)}");
            }

            lastLine = reader.Line;
        }

        return seen;
    }
}
