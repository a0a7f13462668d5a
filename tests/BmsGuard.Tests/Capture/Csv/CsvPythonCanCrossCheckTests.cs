using System.Globalization;
using BmsGuard.HostSim.Capture.Csv;
using BmsGuard.Tests.Capture.Asc;
using BmsGuard.Tests.Support;
using Xunit;
using static BmsGuard.Tests.Capture.Asc.FrameText;

namespace BmsGuard.Tests.Capture.Csv;

/// <summary>
/// Our CSV reader and writer against python-can 4.1's CSVReader/CSVWriter, compared as
/// "micros channel id ext remote error fd brs esi dlc data" lines (see <see cref="FrameText.Python"/>).
/// The layout has no channel column and no FD flags, so channel, FD, BRS and ESI are not compared
/// where the file cannot carry them; every other field is.
/// </summary>
public class CsvPythonCanCrossCheckTests
{
    private const string ReadScript = FrameText.PythonLine + """
        import can, sys
        for m in can.CSVReader(sys.argv[1]):
            print(line(m))
        """;

    [PythonCanFact]
    public void We_read_what_python_can_writes()
    {
        using var dir = new TempDir();
        string path = dir.File("py.csv");
        string script = FrameText.PythonLine + """
            import can, sys, random
            r = random.Random(3)
            w = can.CSVWriter(sys.argv[1])
            # The first times print as repr() does: '1e-05', '0.0001', '123.0'; then microseconds.
            times = [1e-05, 0.0001, 123.0]
            us = 1767225600000013
            for i in range(500):
                us += r.randint(1, 5000)
                t = times[i] if i < len(times) else us / 1e6
                kind = r.randint(0, 9)
                ext = r.random() < .3
                aid = r.randint(0, 0x1FFFFFFF if ext else 0x7FF)
                if kind == 0:
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_remote_frame=True, dlc=r.randint(0, 8))
                elif kind == 1:
                    # SocketCAN error class in the id and its data bytes: CSV keeps both.
                    m = can.Message(timestamp=t, arbitration_id=r.choice([0x4, 0x40, 0x100]), is_extended_id=False, is_error_frame=True,
                                    data=bytes(r.randrange(256) for _ in range(8)))
                elif kind == 2:
                    n = r.choice([12, 16, 20, 24, 32, 48, 64])
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, is_fd=True, data=bytes(r.randrange(256) for _ in range(n)))
                else:
                    n = r.randint(0, 8)
                    m = can.Message(timestamp=t, arbitration_id=aid, is_extended_id=ext, data=bytes(r.randrange(256) for _ in range(n)))
                w.on_message_received(m)
                print(line(m))
            w.stop()
            """;
        var written = Lines(PythonCan.Run(script, path));
        var readByPython = Lines(PythonCan.Run(ReadScript, path));
        var ours = ReadAll(new CsvLogReader(File.OpenRead(path), "py.csv")).ToList();
        Assert.Equal(500, ours.Count);
        Assert.Equal(500, readByPython.Count);
        Assert.Contains("1e-05,", File.ReadAllText(path), StringComparison.Ordinal);
        for (int i = 0; i < ours.Count; i++)
        {
            // No channel column: python-can reads None ("-"), we read "1". python-can's CSVReader
            // never sets is_fd (quirk); we call a frame with more than 8 bytes FD.
            string expected = Python(ours[i], "-");
            if (ours[i].Fd)
            {
                expected = Field(expected, 6, "0");
            }

            Assert.Equal(expected, readByPython[i]);

            // The messages python-can was given: FD stays FD, the file has no BRS/ESI to lose here.
            Assert.Equal(Field(written[i], 1, "-"), Python(ours[i], "-"));
        }
    }

    [PythonCanFact]
    public void Python_can_reads_what_we_write()
    {
        var frames = AscPythonCanCrossCheckTests.RandomFrames(new Random(9), 600, 1767225600_000013_000L);
        using var dir = new TempDir();
        string path = dir.File("ours.csv");
        using (var w = new CsvLogWriter(File.Create(path)))
        {
            frames.ForEach(w.Write);
        }

        var theirs = Lines(PythonCan.Run(ReadScript, path));
        Assert.Equal(frames.Count, theirs.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            var f = frames[i];

            // Not in the layout: channel, FD, BRS, ESI (python-can's CSVReader never sets is_fd).
            // A raw classic DLC 9..15 is written in the dlc column, which python-can takes as is.
            string expected = Field(Field(Field(Field(Python(f, "-"), 6, "0"), 7, "0"), 8, "0"), 9, f.Len8Dlc > 8 ? f.Len8Dlc.ToString(CultureInfo.InvariantCulture) : f.Length.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected, theirs[i]);
        }
    }

    private static string Field(string line, int index, string value)
    {
        var fields = line.Split(' ');
        fields[index] = value;
        return string.Join(' ', fields);
    }
}
