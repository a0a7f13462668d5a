using System.Text;
using BmsGuard.Core;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Asc;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Replay;
using BmsGuard.Tests.Support;
using Xunit;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Tests.Replay;

/// <summary>
/// Replay reuses the text of input lines (copied from the file or formatted on the read-ahead
/// thread, and for unchanged forwards with the interface name swapped): its logs must be exactly
/// the ones a recorder that formats every line itself writes.
/// </summary>
public class ReplayLineReuseTests
{
    public static TheoryData<string, bool> Variants => new()
    {
        { "as bundled", false },
        { "as bundled", true },
        { "lower-case hex", false },
        { "numbered channels", false },
        { "numbered channels", true },
        { "as ASC", false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Logs_are_the_ones_formatted_line_by_line(string variant, bool exactDlc)
    {
        string text = File.ReadAllText(Captures.BundledSample);
        string map = ChannelMap.DefaultText;
        if (variant == "lower-case hex")
        {
            text = text.ToLowerInvariant();
        }
        else if (variant == "numbered channels")
        {
            // Channels "1" and "2" (as ASC/BLF name them) are written as can0 and can1.
            text = text.Replace(" can0 ", " 1 ", StringComparison.Ordinal).Replace(" can1 ", " 2 ", StringComparison.Ordinal);
            map = "1=bms,2=tcu";
        }

        else if (variant == "as ASC")
        {
            map = "1=bms,2=tcu";
        }

        bool asc = variant == "as ASC";
        var reused = Replay(text, asc, map, exactDlc, readAheadLines: true);
        var formatted = Replay(text, asc, map, exactDlc, readAheadLines: false);
        Assert.Equal(5, formatted.Count);
        Assert.True(formatted["to-tcu.log"].Length > 1000, "the sample forwards frames");
        foreach (var (name, content) in formatted)
        {
            Assert.Equal(content, reused[name]);
        }
    }

    private static Dictionary<string, string> Replay(string text, bool asAsc, string mapText, bool exactDlc, bool readAheadLines)
    {
        var rules = RuleFiles.Load(null);
        var map = ChannelMap.Parse(mapText);
        var outputs = new Dictionary<string, MemoryStream>();
        CandumpLogWriter Log(string name)
        {
            outputs[name] = new MemoryStream();
            return new CandumpLogWriter(outputs[name], CaptureWriterOptions.KeepStreamOpen);
        }

        ICaptureReader reader = new CandumpLogReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "in.log");
        if (asAsc)
        {
            // Vector ASC numbers the channels: the reader names them "1" and "2", written as can0 and can1.
            var asc = new MemoryStream();
            using (var writer = new AscLogWriter(asc, new CaptureWriterOptions { LeaveOpen = true, TimeZone = TimeZoneInfo.Utc }))
            {
                var frame = new CaptureFrame();
                while (reader.Read(frame))
                {
                    writer.Write(frame);
                }
            }

            reader.Dispose();
            asc.Position = 0;
            reader = new AscLogReader(asc, "in.asc", zone: TimeZoneInfo.Utc);
        }

        if (readAheadLines)
        {
            reader = new ReadAheadCaptureReader(reader, candumpLines: true);
        }

        using (reader)
        using (var recorder = new ReplayRecorder(
            map,
            rules,
            NucleoF767ZiBoard.BmsController,
            NucleoF767ZiBoard.TcuController,
            Log("to-tcu.log"),
            Log("to-bms.log"),
            Log("dropped-bms-to-tcu.log"),
            Log("dropped-tcu-to-bms.log"),
            Log("decisions.log")))
        {
            ReplayEngine.Run(reader, "in.log", rules, map, recorder, exactDlc: exactDlc);
        }

        return outputs.ToDictionary(o => o.Key, o => Encoding.ASCII.GetString(o.Value.ToArray()));
    }
}
