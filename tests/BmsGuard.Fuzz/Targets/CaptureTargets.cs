using BmsGuard.HostSim.Capture;
using Asc = BmsGuard.HostSim.Capture.Asc;
using Blf = BmsGuard.HostSim.Capture.Blf;
using Csv = BmsGuard.HostSim.Capture.Csv;
using Trc = BmsGuard.HostSim.Capture.Trc;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Traffic;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// The capture readers (candump -l, ASC, python-can CSV, BLF, TRC): read every frame of the input.
/// Contract: the only refusal is a <see cref="CaptureFormatException"/> naming the file and a line (text)
/// or byte offset (binary); every frame handed out is a real CAN/CAN FD frame (0..64 data bytes).
/// </summary>
public static class CaptureTargets
{
    private const string Source = "fuzz-input";

    private const string ContractText =
        "only CaptureFormatException naming the file and a line (text) or byte offset (binary); frames hold 0..64 bytes; no hang";

    /// <summary>One target per registered capture format.</summary>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return Make("candump", "CandumpLogReader", ".log", s => new CandumpLogReader(s, Source), s => new CandumpLogWriter(s));
        yield return Make("asc", "Asc.AscLogReader", ".asc", s => new Asc.AscLogReader(s, Source, zone: TimeZoneInfo.Utc), s => new Asc.AscLogWriter(s, new CaptureWriterOptions { TimeZone = TimeZoneInfo.Utc }));
        yield return Make("csv", "Csv.CsvLogReader", ".csv", s => new Csv.CsvLogReader(s, Source), s => new Csv.CsvLogWriter(s));
        yield return Make("blf", "Blf.BlfReader", ".blf", s => new Blf.BlfReader(s, Source, timeZone: TimeZoneInfo.Utc), s => new Blf.BlfWriter(s, new CaptureWriterOptions { TimeZone = TimeZoneInfo.Utc }, level: System.IO.Compression.CompressionLevel.NoCompression));
        yield return Make("trc", "Trc.TrcReader", ".trc", s => new Trc.TrcReader(s, Source), s => new Trc.TrcWriter(s));
    }

    private static FuzzTarget Make(string name, string reader, string extension, Func<Stream, ICaptureReader> open, Func<Stream, ICaptureWriter> create) =>
        new(name, reader + ".Read", ContractText, input => Read(open, input), () => Seeds(extension, create));

    private static string Read(Func<Stream, ICaptureReader> open, byte[] input)
    {
        var frame = new CaptureFrame();
        long frames = 0;
        try
        {
            using var reader = open(new MemoryStream(input, writable: false));
            while (reader.Read(frame))
            {
                if (frame.Length < 0 || frame.Length > CaptureFrame.MaxData)
                {
                    throw new FuzzFailure($"frame {frames + 1} has length {frame.Length}");
                }

                frames++;
            }
        }
        catch (CaptureFormatException e)
        {
            if (e.Source != Source || e.Line < 0 || string.IsNullOrWhiteSpace(e.Reason))
            {
                throw new FuzzFailure($"error without a place: '{e.Message}'");
            }

            return "refused: " + e.Message;
        }

        return $"ok: {frames} frames";
    }

    /// <summary>Reference traffic written by the format's own writer, plus one of each odd frame kind.</summary>
    private static IEnumerable<(string, byte[])> Seeds(string extension, Func<Stream, ICaptureWriter> create)
    {
        var dbc = DbcDatabase.Load(ReferenceBms.DbcPath);
        yield return ("drive" + extension, Write(create, w => new TrafficGenerator(dbc, TrafficScenario.Drive, 60, 1).Write(w)));
        yield return ("charge" + extension, Write(create, w => new TrafficGenerator(dbc, TrafficScenario.Charge, 60, 2).Write(w)));
        yield return ("kinds" + extension, Write(create, w =>
        {
            foreach (var f in OddFrames())
            {
                w.Write(f);
            }
        }));
    }

    private static byte[] Write(Func<Stream, ICaptureWriter> create, Action<ICaptureWriter> fill)
    {
        var stream = new MemoryStream();
        using (var writer = create(stream))
        {
            fill(writer);
        }

        return stream.ToArray();
    }

    private static IEnumerable<CaptureFrame> OddFrames()
    {
        long t = TrafficGenerator.DefaultStartNanos;
        CaptureFrame F(uint id, int length, Action<CaptureFrame>? set = null)
        {
            var f = new CaptureFrame { TimestampNanos = t += 1_234_567, Channel = "can0", Id = id, Length = length };
            for (int i = 0; i < length; i++)
            {
                f.Data[i] = (byte)(0x11 * i);
            }

            set?.Invoke(f);
            return f;
        }

        yield return F(0x123, 8);
        yield return F(0x1ABCDEF0, 3, f => f.Extended = true);
        yield return F(0x7FF, 0);
        yield return F(0x456, 2, f => f.Remote = true);
        yield return F(0x321, 12, f => { f.Fd = true; f.BitRateSwitch = true; });
        yield return F(0x18FF50E5, 64, f => { f.Fd = true; f.Extended = true; f.ErrorStateIndicator = true; });
        yield return F(0x1F0, 8, f => f.Channel = "can1");
    }
}
