using System.Globalization;
using System.Text;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.Tests.Capture.Field;

/// <summary>Reads a capture with a warnings sink, and prints frames in the python-can comparison layout.</summary>
internal static class FieldReads
{
    /// <summary>python-can 4.1: one line per message of any log file, in <see cref="Line"/>'s layout.</summary>
    public const string PythonDump = """
        import sys, can
        for m in can.LogReader(sys.argv[1]):
            if m.is_error_frame:
                print('ERR'); continue
            n = m.dlc if m.is_remote_frame else len(m.data)
            print('%X' % m.arbitration_id, int(m.is_extended_id), int(m.is_remote_frame), int(m.is_fd), int(m.bitrate_switch),
                  int(m.error_state_indicator), int(not m.is_rx), n, (bytes(m.data) if not m.is_remote_frame else b'').hex().upper() or '-')
        """;

    public static (List<CaptureFrame> Frames, CaptureWarnings Warnings, string Printed) Read(string path, bool strict = false)
    {
        var printed = new StringWriter();
        var warnings = new CaptureWarnings(printed, strict);
        var frames = new List<CaptureFrame>();
        using (var reader = CaptureFormats.OpenReader(path, Path.GetFileName(path), warnings))
        {
            var f = new CaptureFrame();
            while (reader.Read(f))
            {
                var copy = new CaptureFrame();
                copy.CopyFrom(f);
                frames.Add(copy);
            }
        }

        return (frames, warnings, printed.ToString());
    }

    /// <summary>The fields python-can and we both have: error frames only as such (their details differ by format).</summary>
    public static string Line(CaptureFrame f) => f.Error
        ? "ERR"
        : string.Create(CultureInfo.InvariantCulture, $"{f.Id:X} {B(f.Extended)} {B(f.Remote)} {B(f.Fd)} {B(f.BitRateSwitch)} {B(f.ErrorStateIndicator)} {B(f.Transmit)} {f.Length} {(f.Remote || f.Length == 0 ? "-" : Convert.ToHexString(f.Data, 0, f.Length))}");

    public static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text, Encoding.ASCII);
        return path;
    }

    private static int B(bool b) => b ? 1 : 0;
}
