using System.Text;

namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Writes PEAK trace files, version 2.1 (<c>$COLUMNS=N,O,T,B,I,d,R,L,D</c>, CR/LF lines), the
/// version with a bus column and CAN FD, and the one python-can 4.1 reads best (it reads 1.0, 1.1
/// and 2.1; only 2.1 keeps the bus).
/// </summary>
/// <remarks>
/// <para><c>$STARTTIME</c> is the UTC midnight before the first frame, as whole days, because a
/// decimal fraction of a day cannot hold most instants exactly; offsets count from there in
/// milliseconds with microseconds (three decimals, as PEAK writes), or nanoseconds (six) when a
/// time has them, so every timestamp reads back exactly.</para>
/// <para>Bus numbers come from the channel (<see cref="ChannelNames.TryGetNumber"/>: "can0" is bus
/// 1, "2" is bus 2). Data frames are DT, remote frames RR, CAN FD frames FD/FB/FE/BI by their BRS
/// and ESI flags with L the DLC, a classic frame's raw DLC 9..15 is kept as L. Error frames are ER
/// lines (see <see cref="ApproximatedErrorFrames"/>). The direction column is Tx for frames the
/// recording node sent (<see cref="CaptureFrame.Transmit"/>), else Rx. A frame TRC cannot hold stops the write with a
/// <see cref="CaptureFormatException"/> whose line is the frame's number.</para>
/// </remarks>
public sealed class TrcWriter : BufferedCaptureWriter
{
    private const string Destination = "TRC output";
    private const int MaxLine = 512;
    private static readonly ushort[] HexPairs = BuildHexPairs();
    private readonly Dictionary<string, int> _buses = new(StringComparer.Ordinal);
    private bool _headerWritten;
    private long _baseNanos;
    private string? _lastChannel;
    private int _lastBus;

    /// <summary>Writes to <paramref name="stream"/> (the writer buffers itself).</summary>
    public TrcWriter(Stream stream, CaptureWriterOptions? options = null)
        : base(stream, options)
    {
    }

    /// <summary>
    /// Error frames with SocketCAN detail a PEAK error frame cannot hold (error classes other than
    /// protocol errors and counters, e.g. controller state or bus-off), written as the nearest PEAK
    /// error: protocol errors keep type, direction and position, no-ACK becomes an other error
    /// while sending at the ACK slot, the rest other errors while receiving.
    /// </summary>
    public long ApproximatedErrorFrames { get; private set; }

    /// <summary>Writes one frame.</summary>
    public override void Write(CaptureFrame f)
    {
        if (!_headerWritten)
        {
            WriteHeader(Math.DivRem(f.TimestampNanos, TrcTime.NanosPerDay, out long rem) - (rem < 0 ? 1 : 0));
        }

        int bus = Bus(f.Channel);
        long offset = unchecked(f.TimestampNanos - _baseNanos);
        if (((f.TimestampNanos ^ _baseNanos) & (f.TimestampNanos ^ offset)) < 0 || offset is > TrcTime.MaxOffsetNanos or < -TrcTime.MaxOffsetNanos)
        {
            throw Unwritable("frame more than 31 years from the first one: beyond what a TRC time offset holds");
        }

        Span<byte> b = Reserve(MaxLine);
        Span<byte> field = stackalloc byte[24];
        int n = TrcText.Right(b, field[..TrcText.Decimal(field, Count + 1)], 7);
        b[n++] = (byte)' ';
        n += TrcText.Right(b[n..], field[..TrcTime.FormatOffset(field, offset)], 13);
        b[n++] = (byte)' ';
        TrcMessageType type = f.Error ? TrcMessageType.Error
            : f.Fd ? TrcMessageTypes.FdType(f.BitRateSwitch, f.ErrorStateIndicator)
            : f.Remote ? TrcMessageType.Remote : TrcMessageType.Data;
        n += TrcText.Left(b[n..], TrcMessageTypes.Code(type), 2);
        b[n++] = (byte)' ';
        n += TrcText.Left(b[n..], field[..TrcText.Decimal(field, bus)], 2);
        b[n++] = (byte)' ';
        ReadOnlySpan<byte> id = f.Error ? "-"u8 : field[..TrcText.Hex(field, f.Id, f.Extended ? 8 : 4)];
        n += TrcText.Right(b[n..], id, 8);
        (f.Transmit ? " Tx -  "u8 : " Rx -  "u8).CopyTo(b[n..]);
        n += 7;

        Span<byte> errorData = stackalloc byte[5];
        ReadOnlySpan<byte> data = Payload(f, errorData, out int lengthCode);
        int codeDigits = TrcText.Decimal(field, lengthCode);
        n += TrcText.Left(b[n..], field[..codeDigits], data.IsEmpty ? 0 : 4); // no trailing blanks without data
        ushort[] pairs = HexPairs;
        for (int i = 0; i < data.Length; i++)
        {
            b[n++] = (byte)' ';
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(b[n..], pairs[data[i]]);
            n += 2;
        }

        b[n++] = (byte)'\r';
        b[n++] = (byte)'\n';
        Advance(n);
        Count++;
    }

    /// <summary>An empty trace still gets its header: a valid file.</summary>
    protected override void WriteTrailer()
    {
        if (!_headerWritten)
        {
            WriteHeader(0);
        }
    }

    // The data bytes to write and the L column for them; throws for lengths the frame kind cannot have.
    private ReadOnlySpan<byte> Payload(CaptureFrame f, Span<byte> errorData, out int lengthCode)
    {
        if (f.Error)
        {
            if (!TrcErrorFrames.ToPeak(f, errorData))
            {
                ApproximatedErrorFrames++;
            }

            lengthCode = 5;
            return errorData;
        }

        if (f.Fd)
        {
            lengthCode = TrcMessageTypes.FdDlc(f.Length);
            return lengthCode >= 0 ? f.Data.AsSpan(0, f.Length) : throw Unwritable($"{f.Length} is not a CAN FD payload length");
        }

        if (f.Length is < 0 or > 8)
        {
            throw Unwritable($"{(f.Remote ? "remote request" : "classic frame")} with length {f.Length} (at most 8)");
        }

        lengthCode = !f.Remote && f.Length == 8 && f.Len8Dlc > 8 ? f.Len8Dlc : f.Length;
        return f.Remote ? default : f.Data.AsSpan(0, f.Length);
    }

    private int Bus(string channel)
    {
        if (ReferenceEquals(channel, _lastChannel))
        {
            return _lastBus;
        }

        if (!_buses.TryGetValue(channel, out int bus))
        {
            if (!ChannelNames.TryGetNumber(channel, out bus) || bus is < 1 or > TrcBusNames.MaxBus)
            {
                throw Unwritable($"channel '{channel}' has no TRC bus number 1..{TrcBusNames.MaxBus} (name it canN for bus N+1, or N)");
            }

            _buses[channel] = bus;
        }

        _lastChannel = channel;
        _lastBus = bus;
        return bus;
    }

    private CaptureFormatException Unwritable(string reason) => new(Destination, Count + 1, reason);

    private void WriteHeader(long unixDay)
    {
        if (unixDay + TrcTime.OleDaysAtUnixEpoch is < 0 or > TrcTime.MaxOleDays)
        {
            throw Unwritable("frame time outside 1899-12-30 to 2228, the dates $STARTTIME can hold");
        }

        _headerWritten = true;
        _baseNanos = unixDay * TrcTime.NanosPerDay;
        string header = string.Join("\r\n", [
            ";$FILEVERSION=2.1",
            ";$STARTTIME=" + TrcTime.StartTimeText(unixDay),
            ";$COLUMNS=N,O,T,B,I,d,R,L,D",
            ";",
            ";   Start time: " + TrcTime.StartCommentText(unixDay),
            ";   Generated by bmsguard; offsets count from UTC midnight so that $STARTTIME is exact",
            ";-------------------------------------------------------------------------------",
            ";   Message   Time    Type    ID     Rx/Tx",
            ";   Number    Offset  |  Bus  [hex]  |  Reserved",
            ";   |         [ms]    |  |    |      |  |  Data Length Code",
            ";   |         |       |  |    |      |  |  |    Data [hex] ...",
            ";   |         |       |  |    |      |  |  |    |",
            ";---+-- ------+------ +- +- --+----- +- +- +--- +- -- -- -- -- -- -- --",
            ""]);
        WriteAscii(header);
    }

    private static ushort[] BuildHexPairs()
    {
        var t = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = (ushort)("0123456789ABCDEF"[i >> 4] | ("0123456789ABCDEF"[i & 0xF] << 8));
        }

        return t;
    }
}
