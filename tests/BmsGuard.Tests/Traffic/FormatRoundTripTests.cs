using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Traffic;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Traffic;

/// <summary>Generated captures in every registered format read back, with our readers and python-can's, as generated.</summary>
public class FormatRoundTripTests
{
    private const int Seconds = 70;

    // argv: file, reader class. Error frames left out: python-can 4.1 has no common view of them.
    private const string Dump = """
        import sys, can
        t0 = None
        for m in getattr(can, sys.argv[2])(sys.argv[1]):
            if m.is_error_frame:
                continue
            t0 = m.timestamp if t0 is None else t0
            print(round((m.timestamp - t0) * 1e6), '%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame),
                  int(m.is_fd), m.dlc, (m.data or b'').hex().upper() or '-')
        """;

    private static readonly Lazy<List<CaptureFrame>> Expected = new(() => ReferenceTrafficGenerator.Generate(Seconds, 3, TrafficScenario.Both));

    [Theory]
    [InlineData("gen.log")]
    [InlineData("gen.asc")]
    [InlineData("gen.trc")]
    [InlineData("gen.blf")]
    [InlineData("gen.csv")]
    [InlineData("gen.log.gz")]
    [InlineData("gen.blf.gz")]
    public void Every_format_reads_back_what_was_generated(string name)
    {
        using var dir = new TempDir();
        string path = dir.File(name);
        var run = CliRun.Of("gen", "--out", path, "--duration", Seconds + "s", "--seed", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"wrote {Expected.Value.Count} frames", run.Stderr, StringComparison.Ordinal);

        var read = new List<string>();
        using (var reader = CaptureFormats.OpenReader(path, name))
        {
            var f = new CaptureFrame();
            while (reader.Read(f))
            {
                read.Add(View(f, name));
            }
        }

        Assert.Equal(Expected.Value.Select(f => View(f, name)), read);
        Assert.Contains(Expected.Value, f => f.Fd);
        Assert.Contains(Expected.Value, f => f.Remote);
        Assert.Contains(Expected.Value, f => f.Error);
        Assert.Contains(Expected.Value, f => f.Extended);
    }

    [PythonCanTheory]
    [InlineData("gen.blf", "BLFReader")]
    [InlineData("gen.asc", "ASCReader")]
    public void Python_can_reads_a_generated_capture_as_generated(string name, string readerClass)
    {
        using var dir = new TempDir();
        string path = dir.File(name);
        Assert.Equal(0, CliRun.Of("gen", "--out", path, "--duration", Seconds + "s", "--seed", "3").ExitCode);
        var frames = Expected.Value.Where(f => !f.Error).ToList();
        long t0 = frames[0].TimestampNanos;
        var ours = frames.Select(f => string.Join(' ',
            ((f.TimestampNanos - t0) / 1000).ToString(CultureInfo.InvariantCulture),
            f.Id.ToString("X", CultureInfo.InvariantCulture),
            f.Extended ? 1 : 0,
            f.Remote ? 1 : 0,
            f.Fd ? 1 : 0,
            f.Length,
            f.Remote || f.Length == 0 ? "-" : Captures.Hex(f))).ToList();
        var theirs = PythonCan.Run(Dump, path, readerClass).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(ours.Count, theirs.Count);
        for (int i = 0; i < ours.Count; i++)
        {
            // python-can's float seconds resolve ~0.24 us at 2026 epoch times: allow one microsecond.
            string[] o = ours[i].Split(' ', 2), p = theirs[i].Split(' ', 2);
            Assert.Equal(o[1], p[1]);
            Assert.InRange(long.Parse(p[0], CultureInfo.InvariantCulture), long.Parse(o[0], CultureInfo.InvariantCulture) - 1, long.Parse(o[0], CultureInfo.InvariantCulture) + 1);
        }
    }

    // Time to the microsecond (what every format keeps), the candump interface name, flags, payload.
    // Format limits, as the capture tests document them: python-can CSV has no channel or BRS column; ASC
    // and TRC error frames cannot carry SocketCAN's error class, so only time and channel count.
    private static string View(CaptureFrame f, string name)
    {
        bool csv = name.StartsWith("gen.csv", StringComparison.Ordinal);
        string channel = csv ? "-" : ChannelNames.ToInterfaceName(f.Channel);
        if (f.Error && (name.StartsWith("gen.asc", StringComparison.Ordinal) || name.StartsWith("gen.trc", StringComparison.Ordinal)))
        {
            return $"{f.TimestampNanos / 1000} {channel} error";
        }

        return $"{f.TimestampNanos / 1000} {channel} {f.Id:X} {f.Extended} {f.Remote} {f.Error} {f.Fd} {(csv ? "-" : f.BitRateSwitch)} {f.Length} {(f.Remote ? "" : Convert.ToHexString(f.Data, 0, f.Length))}";
    }
}
