using System.Globalization;
using BmsGuard.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>
/// Opt-in: every capture in python-can's own test data (its repository's test/data folder, which
/// this repository does not ship) read by us and by the installed python-can, frame by frame.
/// Set BMSGUARD_PYTHON_CAN_DATA to that folder; without it the test is skipped. Files python-can
/// cannot read are listed, not failed; the known differences (docs/captures.md) are listed too.
/// </summary>
public class PythonCanTestDataTests(ITestOutputHelper output)
{
    private const string Variable = "BMSGUARD_PYTHON_CAN_DATA";

    // Time relative to the first frame (µs) and the channel, 0-based as python-can numbers ASC and
    // BLF channels (TRC buses it numbers from 1), before FieldReads' layout.
    private const string Dump = """
        import sys, can
        p = sys.argv[1]
        try:
            msgs = list(can.LogReader(p))
        except Exception as e:
            print('UNREADABLE', type(e).__name__, e); sys.exit(0)
        t0 = msgs[0].timestamp if msgs else 0
        for m in msgs:
            ch = m.channel - 1 if p.endswith('.trc') else m.channel
            t = round((m.timestamp - t0) * 1e6)
            if m.is_error_frame:
                print(t, ch, 'ERR'); continue
            n = m.dlc if m.is_remote_frame else len(m.data)
            print(t, ch, '%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame), int(m.is_fd), int(m.bitrate_switch),
                  int(m.error_state_indicator), int(not m.is_rx), n, (bytes(m.data) if not m.is_remote_frame else b'').hex().upper() or '-')
        """;

    [PythonCanTestDataFact]
    public void Every_capture_python_can_reads_reads_the_same_here()
    {
        string folder = Environment.GetEnvironmentVariable(Variable)!;
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".asc", StringComparison.Ordinal) || f.EndsWith(".blf", StringComparison.Ordinal)
            || f.EndsWith(".trc", StringComparison.Ordinal) || f.EndsWith(".asc.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        int same = 0, compared = 0;
        var differing = new List<string>();
        foreach (var file in files)
        {
            string name = Path.GetFileName(file);
            string theirs = PythonCan.Run(Dump, file);
            if (theirs.StartsWith("UNREADABLE", StringComparison.Ordinal))
            {
                output.WriteLine($"{name}: python-can cannot read it ({theirs.Trim()})");
                continue;
            }

            compared++;
            List<string> ours;
            try
            {
                ours = Ours(file);
            }
            catch (HostSim.Capture.CaptureFormatException e)
            {
                differing.Add($"{name}: refused: {e.Message}");
                continue;
            }

            var t = FieldReads.Lines(theirs);
            if (ours.SequenceEqual(t))
            {
                same++;
            }
            else
            {
                int at = Enumerable.Range(0, Math.Min(ours.Count, t.Count)).FirstOrDefault(i => ours[i] != t[i], Math.Min(ours.Count, t.Count));
                differing.Add($"{name}: {ours.Count} vs {t.Count} frames; first difference at frame {at + 1}: ours '{ours.ElementAtOrDefault(at)}' python-can '{t.ElementAtOrDefault(at)}'");
            }
        }

        output.WriteLine($"{same} of {compared} captures python-can reads read the same");
        differing.ForEach(output.WriteLine);
        Assert.True(compared > 0, $"no capture python-can reads in {folder}");
    }

    private static List<string> Ours(string file)
    {
        var frames = FieldReads.Read(file).Frames;
        long t0 = frames.Count > 0 ? frames[0].TimestampNanos : 0;
        return frames.Select(f =>
        {
            string ch = HostSim.Capture.ChannelNames.TryGetNumber(f.Channel, out int n) ? (n - 1).ToString(CultureInfo.InvariantCulture) : f.Channel;
            long micros = (long)Math.Round((f.TimestampNanos - t0) / 1000.0, MidpointRounding.ToEven);
            return string.Create(CultureInfo.InvariantCulture, $"{micros} {ch} {FieldReads.Line(f)}");
        }).ToList();
    }
}

/// <summary>Runs only with BMSGUARD_PYTHON_CAN_DATA set (and python-can installed).</summary>
public sealed class PythonCanTestDataFactAttribute : FactAttribute
{
    public PythonCanTestDataFactAttribute() => Skip = Environment.GetEnvironmentVariable("BMSGUARD_PYTHON_CAN_DATA") is { Length: > 0 }
        ? PythonCan.SkipReason
        : "set BMSGUARD_PYTHON_CAN_DATA to python-can's test/data folder to run";
}
