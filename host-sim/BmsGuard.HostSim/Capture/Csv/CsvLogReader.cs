using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace BmsGuard.HostSim.Capture.Csv;

/// <summary>
/// Streaming reader for python-can's CSV logs (<c>can.CSVWriter</c>): a header line
/// <c>timestamp,arbitration_id,extended,remote,error,dlc,data</c>, then one row per message with
/// decimal seconds, hex id ("0x1f0"), 0/1 flags, the length and base64 data. Constant memory, no
/// per-frame allocation; a malformed row stops the read with a <see cref="CaptureFormatException"/>.
/// </summary>
/// <remarks>
/// The layout has no channel and no FD flags: every frame is on channel "1", and a frame with more
/// than 8 data bytes is read as CAN FD (without BRS/ESI, which the file cannot say). A classic
/// 8-byte frame with a raw DLC 9..15 is written by <see cref="CsvLogWriter"/> with that DLC, so it
/// comes back with <see cref="CaptureFrame.Len8Dlc"/>. Timestamps are exact from the decimal text,
/// including Python's exponent form ("1e-05").
/// </remarks>
public sealed class CsvLogReader : ICaptureReader
{
    private readonly CaptureWarnings _warnings;
    /// <summary>The header python-can writes and this reader requires.</summary>
    public const string Header = "timestamp,arbitration_id,extended,remote,error,dlc,data";

    private const int Columns = 7;
    private static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];
    private static readonly string Channel = ChannelNames.FromNumber(1);
    private static readonly byte[] HeaderBytes = Encoding.ASCII.GetBytes(Header);
    private readonly TextLineReader _lines;
    private readonly string _source;
    private readonly int[] _commas = new int[Columns];
    private bool _headerRead;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public CsvLogReader(Stream stream, string source, bool leaveOpen = false, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _lines = new TextLineReader(stream, source, leaveOpen);
        _source = source;
    }

    /// <summary>Number of the line last read (1-based).</summary>
    public long Line => _lines.Line;

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>Reads the next frame into <paramref name="frame"/>; false at end of file.</summary>
    public bool Read(CaptureFrame frame)
    {
        while (_lines.Next(out var line))
        {
            line = line.Trim((byte)' ');
            if (!_headerRead)
            {
                _headerRead = true;
                if (!line.SequenceEqual(HeaderBytes))
                {
                    throw Error($"expected python-can's CSV header '{Header}'");
                }

                continue;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            ParseRow(line, frame);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private void ParseRow(ReadOnlySpan<byte> row, CaptureFrame f)
    {
        int count = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] == (byte)',' && count++ < Columns - 1)
            {
                _commas[count - 1] = i;
            }
        }

        if (count != Columns - 1)
        {
            throw Error($"expected {Columns} comma-separated columns ({Header}), found {count + 1}");
        }

        string? error = DecimalNanos.TryParse(Column(row, 0), python: true, out long nanos);
        if (error != null)
        {
            throw Error($"timestamp '{Text(Column(row, 0))}': {error}");
        }

        f.TimestampNanos = nanos;
        f.Channel = Channel;
        f.Extended = Flag(row, 2, "extended");
        f.Remote = Flag(row, 3, "remote");
        f.Error = Flag(row, 4, "error");
        f.Id = Identifier(Column(row, 1), f.Extended || f.Error);
        f.Fd = f.BitRateSwitch = f.ErrorStateIndicator = false;
        f.Len8Dlc = 0;
        int dlc = Dlc(Column(row, 5));
        int length = Data(Column(row, 6), f.Data);
        if (f.Remote)
        {
            if (length != 0 || dlc > 15)
            {
                throw Error(length != 0 ? "remote frame with data" : $"remote frame dlc {dlc} above 15");
            }

            f.Length = Math.Min(dlc, 8);
            f.Len8Dlc = dlc > 8 ? dlc : 0;
            return;
        }

        f.Length = length;
        if (dlc == length)
        {
            f.Fd = length > 8;
            if (f.Fd && Array.IndexOf(FdLengths, length) < 0)
            {
                throw Error($"{length} is not a valid CAN FD payload length");
            }
        }
        else if (length == 8 && dlc > 8 && dlc <= 15)
        {
            f.Len8Dlc = dlc;
        }
        else
        {
            throw Error($"dlc {dlc} does not match the {length} data bytes");
        }
    }

    private ReadOnlySpan<byte> Column(ReadOnlySpan<byte> row, int index)
    {
        int start = index == 0 ? 0 : _commas[index - 1] + 1;
        int end = index == Columns - 1 ? row.Length : _commas[index];
        return row[start..end].Trim((byte)' ');
    }

    private bool Flag(ReadOnlySpan<byte> row, int index, string name)
    {
        var c = Column(row, index);
        if (c.Length != 1 || (c[0] != (byte)'0' && c[0] != (byte)'1'))
        {
            throw Error($"{name} must be 0 or 1, found '{Text(c)}'");
        }

        return c[0] == (byte)'1';
    }

    // hex(id) as Python writes it ("0x1f0"); the prefix is optional as for int(x, 16).
    private uint Identifier(ReadOnlySpan<byte> text, bool wide)
    {
        var digits = text.Length > 2 && text[0] == (byte)'0' && (text[1] | 0x20) == (byte)'x' ? text[2..] : text;
        if (digits.IsEmpty || digits.Length > 8 || !Utf8Parser.TryParse(digits, out uint id, out int used, 'x') || used != digits.Length)
        {
            throw Error($"invalid arbitration_id '{Text(text)}' (hex)");
        }

        uint max = wide ? 0x1FFFFFFFu : 0x7FFu;
        if (id > max)
        {
            throw Error($"arbitration_id {id:X} above {max:X}{(wide ? "" : " for a standard id")}");
        }

        return id;
    }

    private int Dlc(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 2 || !Utf8Parser.TryParse(text, out int dlc, out int used) || used != text.Length || dlc < 0 || dlc > 64)
        {
            throw Error($"invalid dlc '{Text(text)}' (0..64)");
        }

        return dlc;
    }

    private int Data(ReadOnlySpan<byte> base64, byte[] into)
    {
        var status = Base64.DecodeFromUtf8(base64, into, out int consumed, out int written);
        if (status == OperationStatus.Done && consumed == base64.Length)
        {
            return written;
        }

        throw Error(status == OperationStatus.DestinationTooSmall
            ? $"data longer than {CaptureFrame.MaxData} bytes"
            : $"data '{Text(base64)}' is not valid base64");
    }

    private static string Text(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b);

    private CaptureFormatException Error(string reason) => new(_source, _lines.Line, reason);
}
