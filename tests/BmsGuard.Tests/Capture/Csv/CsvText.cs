using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Csv;
using BmsGuard.Tests.Capture.Asc;

namespace BmsGuard.Tests.Capture.Csv;

/// <summary>python-can CSV captures in memory.</summary>
public static class CsvText
{
    public const string Header = "timestamp,arbitration_id,extended,remote,error,dlc,data\n";

    public static List<CaptureFrame> Read(string text) =>
        FrameText.ReadAll(new CsvLogReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.csv"));

    public static string Write(IEnumerable<CaptureFrame> frames)
    {
        var ms = new MemoryStream();
        using (var w = new CsvLogWriter(ms, CaptureWriterOptions.KeepStreamOpen))
        {
            foreach (var f in frames)
            {
                w.Write(f);
            }
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
