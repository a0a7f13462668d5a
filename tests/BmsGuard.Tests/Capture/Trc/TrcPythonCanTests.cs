using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.Tests.Support;
using Xunit;
using static BmsGuard.Tests.Capture.Trc.TrcTestSupport;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>
/// Our TRC reader and writer against python-can's TRCReader and TRCWriter (Debian python3-can 4.1).
/// </summary>
/// <remarks>
/// python-can 4.1's TRC support, and its quirks these tests work around:
/// <list type="bullet">
/// <item>TRCReader knows $FILEVERSION 1.1 and 2.1; anything else (none, 1.0, 1.2, 1.3, 2.0) is
/// parsed with the 1.0 columns, which aborts on 1.2, 1.3 and 2.0 lines (ValueError on "Rx" or
/// "DT"): only 1.0, 1.1 and 2.1 are compared. It ignores $STARTTIME and $COLUMNS: timestamps are the bare offsets (we compare our
/// time minus our start), and 2.1 columns are taken at their fixed 2.1 positions.</item>
/// <item>It returns only data frames (1.x Rx/Tx, 2.1 DT): RR, FD/FB/FE/BI and ER lines are
/// skipped, so no remote, CAN FD or error frame ever comes back; in 1.x an RTR or 1.0 ERROR line
/// even aborts the read (int("RTR", 16) raises ValueError), so those lines are removed before it
/// reads. A DT line whose DLC is 9..15 (a classic frame's raw DLC, which we keep) is dropped
/// with a warning, as it looks for more data bytes than the line has.</item>
/// <item>TRCWriter writes 2.1 (or 1.0 when file_version is set) but drops remote, CAN FD and error
/// frames with a warning; $STARTTIME is now() plus the first timestamp, written as days "." and
/// milliseconds of the day (not a fraction), so only offsets are comparable; 1.0 offsets are whole
/// milliseconds. Numeric channels are shifted (channel 1 becomes bus 2), "canN" becomes bus N+1,
/// so these tests name channels can0/can1. Extended IDs are written with 7 hex digits, which
/// both readers take as 29-bit by the "more than 4 digits" rule.</item>
/// </list>
/// </remarks>
public class TrcPythonCanTests
{
    // One line per classic data frame: offset_us bus id ext rtr fd brs esi err dlc data.
    private const string Dump = """
        import can, sys
        r = can.TRCReader(sys.argv[1])
        msgs = list(r)
        # python-can 4.1 has no start_time and gives bare offsets; later versions add $STARTTIME.
        start = r.start_time.timestamp() if getattr(r, 'start_time', None) else 0
        for m in msgs:
            print(round((m.timestamp - start) * 1e6), m.channel, '%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame),
                  int(m.is_fd), int(m.bitrate_switch), int(m.error_state_indicator), int(m.is_error_frame), m.dlc, (m.data or b'').hex().upper() or '-')
        """;

    private const string WriteRandom = """
        import can, sys, random
        from can.io.trc import TRCFileVersion
        r = random.Random(int(sys.argv[3]))
        w = can.TRCWriter(sys.argv[1])
        if sys.argv[2] == '1.0':
            w.file_version = TRCFileVersion.V1_0
        us = 0
        for i in range(500):
            us += r.randint(1, 5000)
            kind = r.randint(0, 9)
            ext = kind in (1, 2)
            aid = r.randint(0, 0x1FFFFFFF if ext else 0x7FF)
            ch = r.choice(['can0', 'can1'])
            ts = 1767225600 + us / 1e6
            if kind == 3:
                m = can.Message(timestamp=ts, arbitration_id=aid, is_extended_id=ext, is_remote_frame=True, dlc=2, channel=ch)
            elif kind == 4:
                m = can.Message(timestamp=ts, arbitration_id=aid, is_extended_id=ext, is_fd=True, data=bytes(12), channel=ch)
            elif kind == 5:
                m = can.Message(timestamp=ts, is_error_frame=True, channel=ch)
            else:
                m = can.Message(timestamp=ts, arbitration_id=aid, is_extended_id=ext, channel=ch,
                                data=bytes(r.randrange(256) for _ in range(r.randint(0, 8))))
            w.on_message_received(m)
        w.stop()
        """;

    [PythonCanFact]
    public void We_read_what_python_can_writes_in_2_1_as_python_can_does()
    {
        using var dir = new TempDir();
        string path = dir.File("py21.trc");
        PythonCan.Run(WriteRandom, path, "2.1", "11");
        var theirs = Lines(PythonCan.Run(Dump, path));
        var read = ReadFile(path);
        Assert.Equal(theirs, read.Frames.Select(f => Line(f, read.StartTimeNanos)));
        Assert.InRange(theirs.Count, 300, 450); // the remote, FD and error frames python-can did not write
        Assert.Contains(read.Frames, f => f.Channel == "2");
        Assert.Contains(read.Frames, f => f.Extended);
    }

    [PythonCanFact]
    public void We_read_what_python_can_writes_in_1_0_as_python_can_does()
    {
        using var dir = new TempDir();
        string path = dir.File("py10.trc");
        PythonCan.Run(WriteRandom, path, "1.0", "12");
        var theirs = Lines(PythonCan.Run(Dump, path));
        var read = ReadFile(path);
        Assert.Equal(("1.0", 0L), (read.Version, read.StartTimeNanos)); // its start comment is no PEAK date
        Assert.Equal(theirs, read.Frames.Select(f => Line(f, 0)));
        Assert.InRange(theirs.Count, 300, 450);
    }

    [PythonCanFact]
    public void Python_can_reads_our_trace_of_the_bundled_sample_as_we_do()
    {
        using var dir = new TempDir();
        string path = dir.File("sample.trc");
        var frames = Captures.Read(Captures.BundledSample);
        File.WriteAllBytes(path, WriteBytes(frames, out _));
        AssertPythonReadsAsWe(path, expectedDropped: 3); // the sample's one remote, one FD and one error frame
    }

    [PythonCanFact]
    public void Python_can_reads_what_we_write_mid_day_on_two_buses()
    {
        using var dir = new TempDir();
        string path = dir.File("ours.trc");
        var r = new Random(5);
        long t = Utc(2026, 3, 15, 13, 37, 42, 123_456_000);
        var frames = new List<CaptureFrame>();
        for (int i = 0; i < 400; i++)
        {
            t += r.Next(1, 5000) * 1000L;
            bool ext = r.Next(4) == 0;
            int kind = r.Next(12);
            string hex = Convert.ToHexString([.. Enumerable.Range(0, kind == 9 ? 8 : r.Next(9)).Select(_ => (byte)r.Next(256))]);
            frames.Add(Frame(t, i % 3 == 0 ? "can1" : "can0", (uint)r.Next(ext ? 0x20000000 : 0x800), extended: ext, hex: hex,
                remote: kind == 10, length: kind == 10 ? 4 : -1, fd: kind == 11, len8Dlc: kind == 9 ? 13 : 0));
        }

        File.WriteAllBytes(path, WriteBytes(frames, out _));
        AssertPythonReadsAsWe(path, expectedDropped: frames.Count(f => f.Remote || f.Fd || f.Len8Dlc != 0));
    }

    [PythonCanFact]
    public void Python_can_reads_the_1_0_1_1_and_2_1_examples_as_we_do()
    {
        using var dir = new TempDir();
        foreach (var (name, text) in new[] { ("v10", TrcExamples.V10), ("v11", TrcExamples.V11), ("v21", TrcExamples.V21) })
        {
            // python-can 4.1 aborts on 1.x RTR and 1.0 ERROR lines: leave them out of what it reads.
            string path = dir.File(name + ".trc", string.Join('\n', text.Split('\n').Where(l => !l.Contains("RTR") && !l.Contains("ERROR"))));
            var theirs = Lines(PythonCan.Run(Dump, path));
            var read = ReadFile(path);
            var ours = read.Frames.Where(PythonCanReads).Select(f => Line(f, read.StartTimeNanos)).ToList();
            Assert.True(ours.Count >= 2, name);
            Assert.Equal(ours, theirs);
        }
    }

    [PythonCanFact]
    public void Start_times_agree_with_python_cans_float_days_within_a_microsecond()
    {
        // python-can 4.2+ reads $STARTTIME as datetime(1899, 12, 30) + timedelta(days=float(value)):
        // a float of ~45000 days resolves 0.6 us, so it lands on the exact microsecond or next to it.
        const string script = """
            import sys
            from datetime import datetime, timedelta, timezone
            epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
            for v in sys.argv[1:]:
                t = datetime(1899, 12, 30, tzinfo=timezone.utc) + timedelta(days=float(v))
                print((t - epoch) // timedelta(microseconds=1))
            """;
        var r = new Random(3);
        string[] values = [.. new[] { "37704.5364870833", "41766.4648963872", "44548.6028595139", "46023.602859513889" }
            .Concat(Enumerable.Range(0, 300).Select(_ => $"{r.Next(36_000, 50_000)}.{r.NextInt64(10_000_000_000):D10}"))];
        var theirs = Lines(PythonCan.Run(script, values)).Select(long.Parse).ToList();
        for (int i = 0; i < values.Length; i++)
        {
            long ours = Read($";$FILEVERSION=2.1\n;$STARTTIME={values[i]}\n;$COLUMNS=O,T,I,L,D\n0 DT 0001 0\n").StartTimeNanos;
            long oursMicros = (ours + 500) / 1000;
            Assert.True(Math.Abs(oursMicros - theirs[i]) <= 1, $"{values[i]}: ours {oursMicros} us, python {theirs[i]} us");
        }
    }

    // Classic data frames python-can reads back; it skips all other kinds (see the remarks).
    private static bool PythonCanReads(CaptureFrame f) => !f.Remote && !f.Fd && !f.Error && f.Len8Dlc == 0;

    private static void AssertPythonReadsAsWe(string path, int expectedDropped)
    {
        var read = ReadFile(path);
        var theirs = Lines(PythonCan.Run(Dump, path));
        var ours = read.Frames.Where(PythonCanReads).Select(f => Line(f, read.StartTimeNanos)).ToList();
        Assert.Equal(read.Frames.Count - expectedDropped, ours.Count);
        Assert.Equal(ours, theirs);
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Line(CaptureFrame f, long start)
    {
        static int B(bool b) => b ? 1 : 0;
        string data = f.Remote || f.Length == 0 ? "-" : Convert.ToHexString(f.Data, 0, f.Length);
        return string.Create(CultureInfo.InvariantCulture, $"{(f.TimestampNanos - start) / 1000} {f.Channel} {f.Id:X} {B(f.Extended)} {B(f.Remote)} {B(f.Fd)} {B(f.BitRateSwitch)} {B(f.ErrorStateIndicator)} {B(f.Error)} {f.Length} {data}");
    }
}
