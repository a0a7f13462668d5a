using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Capture;

/// <summary>Our candump reader and writer against python-can's CanutilsLogReader/Writer.</summary>
public class PythonCanCrossCheckTests
{
    // One line per message: micros channel id ext remote fd brs esi dlc datahex
    private const string Dump = """
        import can, sys
        for m in can.CanutilsLogReader(sys.argv[1]):
            print(round(m.timestamp * 1e6), m.channel, '%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame),
                  int(m.is_fd), int(m.bitrate_switch), int(m.error_state_indicator), m.dlc, (m.data or b'').hex().upper() or '-')
        """;

    [PythonCanFact]
    public void Python_can_reads_our_sample_as_we_do()
    {
        // python-can 4.1 reads an error frame (20000004#...) as a data frame with extended id 4, so
        // error frames are left out of this comparison; ours are checked in CandumpLogReaderTests.
        using var dir = new TempDir();
        string path = dir.File("no-error-frames.log", string.Concat(File.ReadAllLines(Captures.BundledSample).Where(l => !l.Contains(" 2000000", StringComparison.Ordinal)).Select(l => l + "\n")));
        var ours = Captures.Read(path).Select(Line).ToList();
        Assert.Equal(Captures.Read(Captures.BundledSample).Count(f => !f.Error), ours.Count);
        var theirs = Lines(PythonCan.Run(Dump, path));
        Assert.Equal(ours.Count, theirs.Count);
        Assert.Equal(ours, theirs);
    }

    [PythonCanFact]
    public void We_read_what_python_can_writes()
    {
        using var dir = new TempDir();
        string path = dir.File("py.log");
        const string write = """
            import can, sys, random
            r = random.Random(7)
            w = can.CanutilsLogWriter(sys.argv[1])
            t = 1767225600.0
            for i in range(500):
                t += r.randint(1, 5000) / 1e6
                kind = r.randint(0, 9)
                ext = kind in (1, 2)
                aid = r.randint(0, 0x1FFFFFFF if ext else 0x7FF)
                if kind == 3:
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_remote_frame=True, dlc=0, channel='can1')
                elif kind == 4:
                    n = r.choice([0, 1, 8, 12, 16, 20, 24, 32, 48, 64])
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_fd=True, bitrate_switch=r.random() < .5,
                                    error_state_indicator=r.random() < .5, data=bytes(r.randrange(256) for _ in range(n)), channel='can0')
                else:
                    n = r.randint(0, 8)
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, data=bytes(r.randrange(256) for _ in range(n)), channel='can0')
                w.on_message_received(m)
            w.stop()
            """;
        PythonCan.Run(write, path);
        var theirs = Lines(PythonCan.Run(Dump, path));
        var ours = Captures.Read(path).Select(Line).ToList();
        Assert.Equal(500, ours.Count);
        Assert.Equal(theirs, ours);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Line(CaptureFrame f)
    {
        int dlc = f.Length;
        string data = f.Remote || f.Length == 0 ? "-" : Captures.Hex(f);
        return string.Create(CultureInfo.InvariantCulture, $"{f.TimestampNanos / 1000} {f.Channel} {f.Id:X} {(f.Extended ? 1 : 0)} {(f.Remote ? 1 : 0)} {(f.Fd ? 1 : 0)} {(f.BitRateSwitch ? 1 : 0)} {(f.ErrorStateIndicator ? 1 : 0)} {dlc} {data}");
    }
}
