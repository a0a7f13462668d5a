using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BmsGuard.HostSim.Capture.Csv;

/// <summary>
/// Writes python-can's CSV layout (<c>can.CSVWriter</c>): the header line, then
/// <c>timestamp,0x1f0,extended,remote,error,dlc,base64</c> per frame, which python-can's CSVReader
/// and <see cref="CsvLogReader"/> read back.
/// </summary>
/// <remarks>
/// Timestamps are exact decimal seconds (six decimals, nine with sub-microsecond time). The layout
/// has no channel, direction or FD flag column: channels are not written, and an FD frame keeps
/// its data but not BRS/ESI (more than 8 bytes reads back as FD, up to 8 as classic), as
/// python-can's own writer does. Each of these losses is a warning (once) when a frame needs the
/// column: a second channel, a Tx frame, an FD frame with BRS/ESI or of up to 8 bytes. Error frames
/// keep their error class (the id) and data.
/// </remarks>
public sealed class CsvLogWriter : BufferedCaptureWriter
{
    private const int MaxLine = 256;
    private const string Destination = "CSV output";
    private readonly CaptureWarnings _warnings;
    private string? _firstChannel;
    private bool _channelsWarned;
    private bool _directionWarned;
    private bool _fdWarned;

    /// <summary>Writes the header to <paramref name="stream"/> (the writer buffers itself); losses go to <see cref="CaptureWriterOptions.Warnings"/>.</summary>
    public CsvLogWriter(Stream stream, CaptureWriterOptions? options = null)
        : base(stream, options)
    {
        _warnings = Options.Warnings ?? new CaptureWarnings();
        WriteAscii(CsvLogReader.Header + "\n");
    }

    /// <summary>Writes one frame.</summary>
    public override void Write(CaptureFrame f)
    {
        Check(f);
        Span<byte> b = Reserve(MaxLine);
        int n = DecimalNanos.Format(b, f.TimestampNanos);
        n += Ascii(b[n..], ",0x");
        f.Id.TryFormat(b[n..], out int written, "x", CultureInfo.InvariantCulture);
        n += written;
        n += Flag(b[n..], f.Extended);
        n += Flag(b[n..], f.Remote);
        n += Flag(b[n..], f.Error);
        b[n++] = (byte)',';
        int dlc = f.Len8Dlc > 8 && f.Length == 8 && !f.Fd ? f.Len8Dlc : f.Length;
        dlc.TryFormat(b[n..], out written, default, CultureInfo.InvariantCulture);
        n += written;
        b[n++] = (byte)',';
        if (!f.Remote)
        {
            Base64.EncodeToUtf8(f.Data.AsSpan(0, f.Length), b[n..], out _, out written);
            n += written;
        }

        b[n++] = (byte)'\n';
        Advance(n);
        Count++;
    }

    // What python-can's layout cannot say, warned about once each (line: the frame's line in the output).
    private void Check(CaptureFrame f)
    {
        _firstChannel ??= f.Channel;
        if (!_channelsWarned && f.Channel != _firstChannel)
        {
            _channelsWarned = true;
            _warnings.AtLine(Destination, Count + 2, "CSV has no channel column", $"python-can's CSV has no channel column: frames of channel {f.Channel} and of channel {_firstChannel} are written alike and read back as one channel; convert to .log, .asc, .blf or .trc to keep channels");
        }

        if (!_directionWarned && f.Transmit)
        {
            _directionWarned = true;
            _warnings.AtLine(Destination, Count + 2, "CSV has no direction column", "python-can's CSV has no direction column: Tx frames read back as Rx; convert to .asc, .blf or .trc to keep it");
        }

        if (!_fdWarned && f.Fd && (f.BitRateSwitch || f.ErrorStateIndicator || f.Length <= 8))
        {
            _fdWarned = true;
            _warnings.AtLine(Destination, Count + 2, "CSV has no FD flag columns", "python-can's CSV has no FD flag columns: BRS and ESI are not kept, and FD frames of up to 8 bytes read back as classic frames; convert to .log, .asc, .blf or .trc to keep them");
        }
    }

    private static int Flag(Span<byte> b, bool value)
    {
        b[0] = (byte)',';
        b[1] = value ? (byte)'1' : (byte)'0';
        return 2;
    }

    private static int Ascii(Span<byte> b, string s) => Encoding.ASCII.GetBytes(s, b);
}
