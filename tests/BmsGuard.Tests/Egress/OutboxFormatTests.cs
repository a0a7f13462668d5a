using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Egress;
using Xunit;

namespace BmsGuard.Tests.Egress;

/// <summary>The outbox text format: <see cref="OutboxWriter"/> and <see cref="OutboxReader"/> round trip, errors name line and reason.</summary>
public sealed class OutboxFormatTests
{
    [Fact]
    public void Writer_lines_read_back_to_the_same_publishes()
    {
        var text = new StringWriter();
        using (var writer = new OutboxWriter(text))
        {
            writer.Write(1_767_225_600_000_250, "broker.owner.example:8883", "owner/bms-guard/t", [0x0A, 0xBC, 0xFF, 0x00], 3);
            writer.Write(5, OutboxWriter.NotSent, "a/b", [], 0);
            writer.Write(7_000_001, "[::1]:1883", "a/b", [1, 2], 2);
        }

        Assert.Equal(
            "1767225600.000250 broker.owner.example:8883 owner/bms-guard/t 3 0ABCFF\n0.000005 outbox a/b 0 -\n7.000001 [::1]:1883 a/b 2 0102\n",
            text.ToString());
        var lines = OutboxReader.Read(new StringReader("# header\n\n" + text), "out.txt");
        Assert.Equal(3, lines.Count);
        Assert.Equal((3, 1_767_225_600_000_250L, "broker.owner.example:8883", "owner/bms-guard/t"), (lines[0].Line, lines[0].TimeMicros, lines[0].Destination, lines[0].Topic));
        Assert.Equal([0x0A, 0xBC, 0xFF], lines[0].Payload);
        Assert.Empty(lines[1].Payload);
        Assert.Equal(OutboxWriter.NotSent, lines[1].Destination);
        Assert.Equal(7_000_001L, lines[2].TimeMicros);
    }

    [Theory]
    [InlineData("1.0 outbox a/b 1", "expected 5 fields (TIME DESTINATION TOPIC SIZE HEX), found 4")]
    [InlineData("1.1234567 outbox a/b 1 00", "time '1.1234567' has more than 6 decimals")]
    [InlineData("-1.0 outbox a/b 1 00", "time '-1.0' is not unix seconds (digits, optionally '.' and up to 6 decimals)")]
    [InlineData("1.0 broker a/b 1 00", "destination 'broker' is not host:port or 'outbox'")]
    [InlineData("1.0 broker:0 a/b 1 00", "destination 'broker:0' is not host:port or 'outbox'")]
    [InlineData("1.0 outbox a/# 1 00", "'a/#' must be printable ASCII without spaces or wildcards")]
    [InlineData("1.0 outbox a/b x 00", "size 'x' is not a byte count")]
    [InlineData("1.0 outbox a/b 1 0G", "payload '0G' is not hex digits in pairs ('-' for none)")]
    [InlineData("1.0 outbox a/b 2 00", "size says 2 bytes, the payload has 1")]
    public void Bad_lines_name_file_line_and_reason(string bad, string reason)
    {
        var e = Assert.Throws<InputException>(() => OutboxReader.Read(new StringReader("# outbox\n1.5 outbox a/b 1 FF\n" + bad + "\n"), "out.txt"));
        Assert.Equal("out.txt:3: " + reason, e.Message);
    }

    [Fact]
    public void Writer_refuses_what_the_reader_would_refuse()
    {
        Assert.Throws<ArgumentException>(() => OutboxWriter.Format(1, "no-port", "a/b", [1], 1));
        Assert.Throws<ArgumentException>(() => OutboxWriter.Format(1, "outbox", "a b", [1], 1));
        Assert.Throws<ArgumentException>(() => OutboxWriter.Format(1, "outbox", "a/b", [1], 2));
        Assert.Throws<ArgumentException>(() => OutboxWriter.Format(-1, "outbox", "a/b", [1], 1));
    }

    [Fact]
    public void Open_appends_and_writes_the_header_once()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bmsguard-outbox-{Guid.NewGuid():N}.txt");
        try
        {
            using (var w = OutboxWriter.Open(path))
            {
                w.Write(1_000_000, "outbox", "a/b", [1], 1);
            }

            using (var w = OutboxWriter.Open(path))
            {
                w.Write(2_000_000, "outbox", "a/b", [2], 1);
            }

            Assert.Equal([OutboxWriter.Header, "1.000000 outbox a/b 1 01", "2.000000 outbox a/b 1 02"], File.ReadAllLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
