using System.Globalization;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Blf;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>Varied frames for BLF tests, writing and reading them, and a one-line form for comparisons.</summary>
internal static class BlfFrames
{
    /// <summary>2026-01-01T00:00:00Z in nanoseconds.</summary>
    public const long Start2026 = 1_767_225_600_000_000_000L;

    private static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    public static TimeZoneInfo Berlin => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>
    /// Every kind the format carries: standard/extended, remote with lengths, classic with raw DLC
    /// 9..15, CAN FD of every length with BRS/ESI, error frames; channels 1..3; nanosecond times
    /// whose sub-microsecond part is at most <paramref name="maxSubMicro"/>.
    /// </summary>
    public static List<CaptureFrame> Varied(int count, int seed = 1, long start = Start2026 + 123_456_789, int maxSubMicro = 999)
    {
        var r = new Random(seed);
        var list = new List<CaptureFrame>(count);
        long t = start - (start % 1000);
        for (int i = 0; i < count; i++)
        {
            t += r.Next(1, 5000) * 1000L;
            var f = new CaptureFrame { TimestampNanos = t + r.Next(0, maxSubMicro + 1), Channel = (1 + r.Next(3)).ToString(CultureInfo.InvariantCulture) };
            int kind = r.Next(10);
            f.Extended = kind is 1 or 2 or 6;
            f.Id = (uint)r.Next(0, f.Extended ? 0x20000000 : 0x800);
            switch (kind)
            {
                case 3:
                    f.Remote = true;
                    f.Length = r.Next(0, 9);
                    break;
                case 4 or 6:
                    f.Fd = true;
                    f.BitRateSwitch = r.Next(2) == 0;
                    f.ErrorStateIndicator = r.Next(2) == 0;
                    f.Length = FdLengths[r.Next(FdLengths.Length)];
                    break;
                case 5:
                    f.Error = true;
                    f.Extended = false;
                    f.Id = (uint)r.Next(1, 0x1000);
                    f.Length = 8;
                    break;
                case 7:
                    f.Length = 8;
                    f.Len8Dlc = r.Next(9, 16);
                    break;
                default:
                    f.Length = r.Next(0, 9);
                    break;
            }

            if (!f.Remote)
            {
                r.NextBytes(f.Data.AsSpan(0, f.Length));
            }

            list.Add(f);
        }

        return list;
    }

    public static byte[] Write(IEnumerable<CaptureFrame> frames, TimeZoneInfo? zone = null, int containerSize = BlfWriter.DefaultContainerSize, bool seekable = true)
    {
        var ms = new MemoryStream();
        Stream target = seekable ? ms : new TrickleStream(ms, int.MaxValue);
        using (var w = new BlfWriter(target, new CaptureWriterOptions { LeaveOpen = true, TimeZone = zone ?? TimeZoneInfo.Utc }, containerSize: containerSize))
        {
            foreach (var f in frames)
            {
                w.Write(f);
            }
        }

        return ms.ToArray();
    }

    public static List<CaptureFrame> Read(byte[] blf, TimeZoneInfo? zone = null, int chunk = int.MaxValue)
    {
        using var reader = new BlfReader(new TrickleStream(new MemoryStream(blf), chunk), "test.blf", timeZone: zone ?? TimeZoneInfo.Utc);
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

    /// <summary>Every field of a frame on one line (nanoseconds).</summary>
    public static string Exact(CaptureFrame f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.TimestampNanos} {f.Channel} {f.Id:X} ext={B(f.Extended)} rtr={B(f.Remote)} err={B(f.Error)} fd={B(f.Fd)} brs={B(f.BitRateSwitch)} esi={B(f.ErrorStateIndicator)} len={f.Length} dlc8={f.Len8Dlc} {(f.Remote ? "-" : Convert.ToHexString(f.Data, 0, f.Length))}");

    /// <summary>
    /// The fields python-can reports, in the format of the python dump scripts: microseconds
    /// (rounded), channel number, id, flags, dlc (python-can's: raw DLC for classic, length for
    /// FD), data.
    /// </summary>
    public static string PythonView(CaptureFrame f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(f.TimestampNanos + 500) / 1000} {f.Channel} {f.Id:X} {B(f.Extended)} {B(f.Remote)} {B(f.Error)} {B(f.Fd)} {B(f.BitRateSwitch)} {B(f.ErrorStateIndicator)} {(f.Len8Dlc > 0 ? f.Len8Dlc : f.Length)} {(f.Remote || f.Length == 0 ? "-" : Convert.ToHexString(f.Data, 0, f.Length))}");

    private static int B(bool b) => b ? 1 : 0;
}
