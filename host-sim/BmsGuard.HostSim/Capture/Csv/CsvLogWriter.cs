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
/// has no channel and no FD flags: channels are not written, and an FD frame keeps its data but
/// not BRS/ESI (more than 8 bytes reads back as FD, up to 8 as classic), as python-can's own
/// writer does. Error frames keep their error class (the id) and data.
/// </remarks>
public sealed class CsvLogWriter : ICaptureWriter
{
    private readonly CaptureWarnings _warnings;
    private const int Capacity = 1 << 16;
    private const int MaxLine = 256;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[Capacity];
    private int _used;
    private bool _disposed;

    /// <summary>Writes the header to <paramref name="stream"/> (the writer buffers itself).</summary>
    public CsvLogWriter(Stream stream, bool leaveOpen = false, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _stream = stream;
        _leaveOpen = leaveOpen;
        _used = Encoding.ASCII.GetBytes(CsvLogReader.Header + "\n", _buffer);
    }

    /// <summary>Frames written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one frame.</summary>
    public void Write(CaptureFrame f)
    {
        if (_used > Capacity - MaxLine)
        {
            FlushBuffer();
        }

        Span<byte> b = _buffer.AsSpan(_used);
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
        _used += n;
        Count++;
    }

    /// <summary>Flushes the underlying stream.</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static int Flag(Span<byte> b, bool value)
    {
        b[0] = (byte)',';
        b[1] = value ? (byte)'1' : (byte)'0';
        return 2;
    }

    private static int Ascii(Span<byte> b, string s) => Encoding.ASCII.GetBytes(s, b);

    private void FlushBuffer()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
