using System.Text;

namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// Writes Vector ASC logs that CANoe/CANalyzer and python-can's ASCReader read back: header with
/// <c>date</c>, <c>base hex  timestamps absolute</c> and a trigger block, classic lines
/// (<c>1  123x  Rx   d 8 ...</c>), remote (<c>r &lt;dlc&gt;</c>), <c>ErrorFrame</c> and CAN FD lines
/// in python-can's column layout with Vector's flags column.
/// </summary>
/// <remarks>
/// The measurement starts at the first frame's second (the date has millisecond precision, which
/// CANoe insists on), so every offset is exact: six decimals, nine when a frame has sub-microsecond
/// time. A frame earlier than that start cannot be written (ASC offsets are never negative) and
/// fails with a <see cref="CaptureFormatException"/> naming the frame. ASC has no room for
/// SocketCAN error-frame details: an error frame keeps its time and channel only.
/// Channels need a number: "1" stays 1, "can0" becomes 1 (see <see cref="ChannelNames"/>).
/// </remarks>
public sealed class AscLogWriter : BufferedCaptureWriter
{
    private const string Destination = "ASC output";
    private const int MaxLine = 1024;
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();
    private static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];
    private readonly TimeZoneInfo _zone;
    private bool _started;
    private long _startNanos;
    private string? _lastChannel;
    private int _lastChannelNumber;

    /// <summary>
    /// Writes to <paramref name="stream"/> (the writer buffers itself); the header's wall-clock dates are
    /// in <see cref="CaptureWriterOptions.TimeZone"/>, the local zone when null.
    /// </summary>
    public AscLogWriter(Stream stream, CaptureWriterOptions? options = null)
        : base(stream, options)
    {
        _zone = Options.TimeZone ?? TimeZoneInfo.Local;
    }

    /// <summary>Writes one frame.</summary>
    public override void Write(CaptureFrame f)
    {
        if (!_started)
        {
            Start(f.TimestampNanos);
        }

        long offset = f.TimestampNanos - _startNanos;
        if (offset < 0)
        {
            throw new CaptureFormatException(Destination, Count + 1, $"frame {Count + 1} is {-offset / 1e9:0.#########} s before the measurement start (the first frame's second); ASC times cannot be negative (sort the capture by time)");
        }

        int channel = ChannelNumber(f.Channel);
        if (!f.Fd && f.Length > 8)
        {
            throw new CaptureFormatException(Destination, Count + 1, $"classic (non-FD) frame with {f.Length} data bytes");
        }

        Span<byte> b = Reserve(MaxLine);
        int n = Timestamp(b, offset);
        b[n++] = (byte)' ';
        if (f.Error)
        {
            n += Number(b[n..], channel, 0);
            n += Ascii(b[n..], "  ErrorFrame");
        }
        else if (f.Fd)
        {
            n += Fd(b[n..], f, channel);
        }
        else
        {
            n += Classic(b[n..], f, channel);
        }

        b[n++] = (byte)'\n';
        Advance(n);
        Count++;
    }

    /// <summary>The header (for a file without frames) and the end of the trigger block.</summary>
    protected override void WriteTrailer()
    {
        Reserve(MaxLine); // room for the header of an empty file and the last line together
        if (!_started)
        {
            Start(0);
        }

        WriteAscii("End TriggerBlock\n");
    }

    private void Start(long firstNanos)
    {
        _started = true;

        // The date is wall-clock time: step back an hour while the text would read back as another
        // instant (second occurrence of an ambiguous hour), so readers land on the start exactly.
        long start = firstNanos - (((firstNanos % 1_000_000_000) + 1_000_000_000) % 1_000_000_000);
        string date = AscDate.Format(start, _zone);
        for (int i = 0; i < 3 && !(AscDate.TryParse(date, _zone, out long back) && back == start); i++)
        {
            start -= 3_600_000_000_000;
            date = AscDate.Format(start, _zone);
        }

        _startNanos = start;
        string header = $"date {date}\nbase hex  timestamps absolute\ninternal events logged\n// version 9.0.0\nBegin Triggerblock {date}\n   0.000000 Start of measurement\n";
        WriteAscii(header);
    }

    private int ChannelNumber(string channel)
    {
        if (!ReferenceEquals(channel, _lastChannel))
        {
            if (!ChannelNames.TryGetNumber(channel, out int number))
            {
                throw new CaptureFormatException(Destination, Count + 1, $"channel '{channel}' has no number; ASC channels are numbers (can0 becomes 1)");
            }

            _lastChannel = channel;
            _lastChannelNumber = number;
        }

        return _lastChannelNumber;
    }

    // "1  123x            Rx   d 8 11 22 33 44 55 66 77 88", python-can's and Vector's columns.
    private static int Classic(Span<byte> b, CaptureFrame f, int channel)
    {
        int n = Number(b, channel, 0);
        n += Ascii(b[n..], "  ");
        n += Padded(b[n..], Id(b[n..], f), 15, left: true);
        n += Ascii(b[n..], f.Transmit ? " Tx   " : " Rx   ");
        b[n++] = f.Remote ? (byte)'r' : (byte)'d';
        b[n++] = (byte)' ';
        int dlc = f.Len8Dlc > 8 && f.Length == 8 ? f.Len8Dlc : f.Length;
        b[n++] = Hex[dlc];
        if (!f.Remote)
        {
            n += Bytes(b[n..], f.Data, f.Length);
        }

        return n;
    }

    // python-can's CANFD layout: channel, dir, id, empty symbolic name, BRS, ESI, DLC, data length,
    // data, then duration, length, flags (EDL | BRS | ESI), CRC and bit timings, zero where unknown.
    private static int Fd(Span<byte> b, CaptureFrame f, int channel)
    {
        int n = Ascii(b, "CANFD ");
        n += Padded(b[n..], Number(b[n..], channel, 0), 3, left: false);
        n += Ascii(b[n..], f.Transmit ? " Tx   " : " Rx   ");
        n += Padded(b[n..], Id(b[n..], f), 8, left: false);
        n += Padded(b[n..], 0, 34, left: false);
        b[n++] = (byte)' ';
        b[n++] = f.BitRateSwitch ? (byte)'1' : (byte)'0';
        b[n++] = (byte)' ';
        b[n++] = f.ErrorStateIndicator ? (byte)'1' : (byte)'0';
        b[n++] = (byte)' ';
        b[n++] = (byte)char.ToLowerInvariant((char)Hex[FdDlc(f.Length)]);
        b[n++] = (byte)' ';
        n += Padded(b[n..], Number(b[n..], f.Length, 0), 2, left: false);
        n += Bytes(b[n..], f.Data, f.Length);
        uint flags = 0x1000u | (f.BitRateSwitch ? 0x2000u : 0) | (f.ErrorStateIndicator ? 0x4000u : 0);
        n += Ascii(b[n..], "        0    0 ");
        n += Padded(b[n..], Number(b[n..], flags, 16), 8, left: false);
        n += Ascii(b[n..], "        0        0        0        0        0");
        return n;
    }

    // python-can's len2dlc: the smallest DLC whose payload holds the data.
    private static int FdDlc(int length)
    {
        int dlc = 0;
        while (dlc < 15 && FdLengths[dlc] < length)
        {
            dlc++;
        }

        return dlc;
    }

    private static int Id(Span<byte> b, CaptureFrame f)
    {
        int n = Number(b, f.Id, 16);
        if (f.Extended)
        {
            b[n++] = (byte)'x';
        }

        return n;
    }

    private static int Bytes(Span<byte> b, byte[] data, int length)
    {
        int n = 0;
        for (int i = 0; i < length; i++)
        {
            b[n++] = (byte)' ';
            b[n++] = Hex[data[i] >> 4];
            b[n++] = Hex[data[i] & 0xF];
        }

        return n;
    }

    // Right-aligned in 11 columns like Vector's "   0.000000".
    private static int Timestamp(Span<byte> b, long offset)
    {
        Span<byte> text = stackalloc byte[DecimalNanos.MaxFormatted];
        int len = DecimalNanos.Format(text, offset);
        int pad = Math.Max(0, 11 - len);
        b[..pad].Fill((byte)' ');
        text[..len].CopyTo(b[pad..]);
        return pad + len;
    }

    private static int Number(Span<byte> b, long value, int numberBase)
    {
        value.TryFormat(b, out int written, numberBase == 16 ? "X" : default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    // Pads the 'written' bytes at the start of b to 'width' columns, left- or right-aligned.
    private static int Padded(Span<byte> b, int written, int width, bool left)
    {
        if (written >= width)
        {
            return written;
        }

        if (!left)
        {
            b[..written].CopyTo(b[(width - written)..]);
            b[..(width - written)].Fill((byte)' ');
        }
        else
        {
            b[written..width].Fill((byte)' ');
        }

        return width;
    }

    private static int Ascii(Span<byte> b, string s) => Encoding.ASCII.GetBytes(s, b);
}
