using System.Globalization;
using System.Text;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Trc;

namespace BmsGuard.Tests.Capture.Trc;

/// <summary>What a TRC read returned, with the reader's header facts.</summary>
public sealed record TrcRead(List<CaptureFrame> Frames, string Version, long StartTimeNanos, long Skipped);

/// <summary>Reads and writes TRC text in memory for assertions.</summary>
public static class TrcTestSupport
{
    public static TrcRead Read(string text) => Read(Encoding.ASCII.GetBytes(text));

    public static TrcRead Read(byte[] bytes, string name = "test.trc")
    {
        using var reader = new TrcReader(new MemoryStream(bytes), name);
        var frames = new List<CaptureFrame>();
        var f = new CaptureFrame();
        while (reader.Read(f))
        {
            var copy = new CaptureFrame();
            copy.CopyFrom(f);
            frames.Add(copy);
        }

        return new TrcRead(frames, reader.Version, reader.StartTimeNanos, reader.SkippedNonFrames);
    }

    public static TrcRead ReadFile(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static string Write(IEnumerable<CaptureFrame> frames) => Encoding.ASCII.GetString(WriteBytes(frames, out _));

    public static byte[] WriteBytes(IEnumerable<CaptureFrame> frames, out long approximated)
    {
        var ms = new MemoryStream();
        using (var w = new TrcWriter(ms, CaptureWriterOptions.KeepStreamOpen))
        {
            foreach (var f in frames)
            {
                w.Write(f);
            }

            approximated = w.ApproximatedErrorFrames;
        }

        return ms.ToArray();
    }

    /// <summary>Every field of a frame on one line, for whole-frame comparisons.</summary>
    public static string Describe(CaptureFrame f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.TimestampNanos} {f.Channel} {f.Id:X} ext={B(f.Extended)} rtr={B(f.Remote)} err={B(f.Error)} fd={B(f.Fd)} brs={B(f.BitRateSwitch)} esi={B(f.ErrorStateIndicator)} len={f.Length} dlc8={f.Len8Dlc} {Convert.ToHexString(f.Data, 0, f.Remote ? 0 : f.Length)}");

    /// <summary>Unix nanoseconds of a UTC date and time, plus <paramref name="nanos"/>.</summary>
    public static long Utc(int year, int month, int day, int hour, int minute, int second, long nanos = 0) =>
        ((new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks * 100) + nanos;

    public static CaptureFrame Frame(long nanos, string channel, uint id, bool extended = false, string hex = "", bool remote = false, bool error = false, bool fd = false, bool brs = false, bool esi = false, int length = -1, int len8Dlc = 0)
    {
        var f = new CaptureFrame
        {
            TimestampNanos = nanos,
            Channel = channel,
            Id = id,
            Extended = extended,
            Remote = remote,
            Error = error,
            Fd = fd,
            BitRateSwitch = brs,
            ErrorStateIndicator = esi,
            Len8Dlc = len8Dlc,
        };
        byte[] data = Convert.FromHexString(hex);
        data.CopyTo(f.Data, 0);
        f.Length = length >= 0 ? length : data.Length;
        return f;
    }

    private static int B(bool b) => b ? 1 : 0;
}
