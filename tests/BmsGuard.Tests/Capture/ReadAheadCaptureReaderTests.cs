using System.Text;
using BmsGuard.HostSim.Capture;
using Xunit;
using BmsGuard.HostSim.Capture.Candump;

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

    [Fact]
    public void Each_frames_candump_line_is_the_line_the_log_writer_writes()
    {
        // Every frame kind; lines copied as they stand (canonical, upper-case, an interface name)
        // and lines re-formatted (lower-case hex, a channel number that candump writes as can0),
        // each also right after a line on its interface (the reader's fast path); repeated past two batches so recycled batches and their grown text buffers are exercised.
        string[] kinds =
        [
            "(1436509052.249713) can0 12345678#1122334455667788",
            "(0000000001.000002) vcan1 100#r4",
            "(1436509052.249713) can0 123##1112233",
            "(1436509052.249713) can0 321#1122334455667788_e",
            "(1436509052.249713) can0 20000080#0000000000000000",
            "(1436509052.249713) a_fairly_long_interface_name_for_a_bench_adapter 7ff#",
            "(1436509052.249713) can1 1f0#aabb",
            "(1436509052.249713) can1 321##0" + string.Concat(Enumerable.Repeat("ab", 64)),
            "(1436509052.249713) can1 1F0#AABB",
            "(1436509052.249713) can1 1F0#AAbB",
            "(1436509052.249713) can1 18ff50e5#00",
            "(1436509052.249713) 1 1F0#AABB",
            "(1436509052.249713) 1 1F0#AABB",
            "  (1436509052.249713) can1 1F0#AABB \t\r",
            "(1436509052.249713) can1 1F0#AABB R",
        ];
        var sb = new StringBuilder();
        for (int i = 0; i < Frames; i++)
        {
            sb.Append(kinds[i % kinds.Length]).Append('\n');
        }

        var expected = new MemoryStream();
        using (var writer = new CandumpLogWriter(expected, CaptureWriterOptions.KeepStreamOpen))
        using (var direct = new CandumpLogReader(Stream(sb.ToString()), "t.log"))
        {
            var f = new CaptureFrame();
            while (direct.Read(f))
            {
                writer.Write(f);
            }
        }

        var lines = new StringBuilder();
        using (var reader = new ReadAheadCaptureReader(new CandumpLogReader(Stream(sb.ToString()), "t.log"), candumpLines: true))
        {
            Assert.True(reader.HasCandumpLines);
            var f = new CaptureFrame();
            while (reader.Read(f))
            {
                lines.Append(Encoding.UTF8.GetString(reader.CandumpLine)).Append('\n');
            }
        }

        string want = Encoding.UTF8.GetString(expected.ToArray());
        Assert.Equal(Frames, want.Count(c => c == '\n'));
        Assert.Equal(want, lines.ToString());
    }

    [Fact]
    public void A_failure_of_the_read_ahead_thread_itself_reaches_the_reader_not_an_early_end()
    {
        using var reader = new ReadAheadCaptureReader(new FailingProgress());
        var e = Assert.Throws<InvalidOperationException>(() => reader.Read(new CaptureFrame()));
        Assert.Equal("progress unavailable", e.Message);
    }

    [Fact]
    public void Without_the_request_there_are_no_lines()
    {
        using var reader = new ReadAheadCaptureReader(new CandumpLogReader(Stream(Log(3, blankEvery: 0)), "t.log"));
        Assert.True(reader.Read(new CaptureFrame()));
        Assert.False(reader.HasCandumpLines);
        Assert.True(reader.CandumpLine.IsEmpty);
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

    // Reads three frames fine, but fails where the read-ahead thread asks for progress, outside a read.
    private sealed class FailingProgress : ICaptureReader
    {
        private int _frames;

        public long Line => _frames;

        public long BytesConsumed => throw new InvalidOperationException("progress unavailable");

        public bool Read(CaptureFrame frame) => ++_frames <= 3;

        public void Dispose()
        {
        }
    }
}
