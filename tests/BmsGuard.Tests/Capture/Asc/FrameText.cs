using System.Globalization;
using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Asc;

namespace BmsGuard.Tests.Capture.Asc;

/// <summary>Reads and writes captures in memory and prints frames as comparable lines.</summary>
public static class FrameText
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Every frame of an ASC text, read with dates in <paramref name="zone"/> (UTC by default).</summary>
    public static List<CaptureFrame> ReadAsc(string text, TimeZoneInfo? zone = null) =>
        ReadAll(new AscLogReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.asc", zone: zone ?? TimeZoneInfo.Utc));

    public static string WriteAsc(IEnumerable<CaptureFrame> frames, TimeZoneInfo? zone = null)
    {
        var ms = new MemoryStream();
        using (var w = new AscLogWriter(ms, new CaptureWriterOptions { LeaveOpen = true, TimeZone = zone ?? TimeZoneInfo.Utc }))
        {
            foreach (var f in frames)
            {
                w.Write(f);
            }
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public static List<CaptureFrame> ReadAll(ICaptureReader reader)
    {
        using (reader)
        {
            var list = new List<CaptureFrame>();
            var f = new CaptureFrame();
            while (reader.Read(f))
            {
                var copy = new CaptureFrame();
                copy.CopyFrom(f);
                list.Add(copy);
            }

            return list;
        }
    }

    public static CaptureFrame Frame(long nanos, string channel, uint id, string hex = "", bool ext = false, bool remote = false, bool error = false, bool fd = false, bool brs = false, bool esi = false, int length = -1, int len8Dlc = 0)
    {
        var f = new CaptureFrame
        {
            TimestampNanos = nanos, Channel = channel, Id = id, Extended = ext, Remote = remote, Error = error,
            Fd = fd, BitRateSwitch = brs, ErrorStateIndicator = esi, Len8Dlc = len8Dlc,
        };
        byte[] data = Convert.FromHexString(hex);
        data.CopyTo(f.Data, 0);
        f.Length = length >= 0 ? length : data.Length;
        return f;
    }

    /// <summary>Every field, nanosecond time: for round trips.</summary>
    public static string Exact(CaptureFrame f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.TimestampNanos} {f.Channel} {f.Id:X} ext={B(f.Extended)} rtr={B(f.Remote)} err={B(f.Error)} fd={B(f.Fd)} brs={B(f.BitRateSwitch)} esi={B(f.ErrorStateIndicator)} len={f.Length} dlc8={f.Len8Dlc} {Data(f)}");

    /// <summary>
    /// The line the python scripts print: micros channel id ext remote error fd brs esi dlc data;
    /// <paramref name="channel"/> replaces the frame's (python-can counts channels from 0).
    /// </summary>
    public static string Python(CaptureFrame f, string? channel = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(f.TimestampNanos + 500) / 1000} {channel ?? f.Channel} {f.Id:X} {B(f.Extended)} {B(f.Remote)} {B(f.Error)} {B(f.Fd)} {B(f.BitRateSwitch)} {B(f.ErrorStateIndicator)} {f.Length} {Data(f)}");

    /// <summary>The same fields printed by python-can; <c>m.channel</c> + 1 is our channel number.</summary>
    public const string PythonLine = """
        def line(m, ch=None):
            if ch is None:
                ch = '-' if m.channel is None else m.channel + 1
            return '%d %s %X %d %d %d %d %d %d %d %s' % (round(m.timestamp * 1e6), ch, m.arbitration_id, m.is_extended_id,
                m.is_remote_frame, m.is_error_frame, m.is_fd, m.bitrate_switch, m.error_state_indicator, m.dlc,
                bytes(m.data).hex().upper() or '-')

        """;

    public static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Data(CaptureFrame f) => f.Remote || f.Length == 0 ? "-" : Convert.ToHexString(f.Data, 0, f.Length);

    private static int B(bool b) => b ? 1 : 0;
}
