using System.Text;

namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// The CAN events of an ASC file, column by column after the timestamp:
/// <code>
/// 1  123x  Rx  d 8 11 22 33 44 55 66 77 88  [Length = ... BitCount = ... ID = ...]   data (x: extended id)
/// 1  123   Tx  r [8]                                                                 remote, optional DLC
/// 1  ErrorFrame [details]                                                            error frame
/// CANFD 1 Rx 123 [name] brs esi dlc datalen data... duration length flags crc ...    CAN FD line
/// </code>
/// Which lines are CAN events follows python-can 4.1's ASCReader, so the same events are read and
/// the same ones skipped (statistics, chip status, J1939 transport, comments). Ids, DLCs and data
/// use the file's base; the FD data length column is always decimal and the flags column hex.
/// </summary>
internal static class AscEventParser
{
    // Vector's CAN FD flags column: EDL (an FD frame, not a classic one on an FD channel) and RTR.
    private const uint FlagEdl = 0x1000;
    private const uint FlagRemote = 0x10;
    private static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    /// <summary>
    /// True when the line (timestamp in column 0) is a CAN event python-can reads: <c>CANFD</c>,
    /// or a channel number followed by <c>ErrorFrame</c> or by an identifier and Tx/Rx.
    /// </summary>
    public static bool IsCanEvent(ReadOnlySpan<byte> line, AscTokens t)
    {
        var channel = t.Get(line, 1);
        if (AscTokens.IsIgnoreCase(channel, "canfd"u8))
        {
            return true;
        }

        if (!AscTokens.IsDigits(channel) || t.Count < 3)
        {
            return false;
        }

        var third = t.Get(line, 2);
        if (AscTokens.StartsWithIgnoreCase(third, "errorframe"u8))
        {
            return true;
        }

        var direction = t.Get(line, 3);
        return AscTokens.IsWord(third) && (AscTokens.StartsWithIgnoreCase(direction, "tx"u8) || AscTokens.StartsWithIgnoreCase(direction, "rx"u8));
    }

    /// <summary>
    /// Fills <paramref name="f"/> (all but time and channel) from a CAN event line; an oddity read
    /// the way python-can reads it is described in <paramref name="warning"/>.
    /// </summary>
    /// <returns>Null on success, else the reason the line is malformed.</returns>
    public static string? Parse(ReadOnlySpan<byte> line, AscTokens t, bool decimalBase, CaptureFrame f, out int channel, out string? warning)
    {
        warning = null;
        f.Id = 0;
        f.Extended = f.Remote = f.Error = f.Fd = f.BitRateSwitch = f.ErrorStateIndicator = false;
        f.Transmit = AscTokens.StartsWithIgnoreCase(t.Get(line, 3), "tx"u8);
        f.Length = 0;
        f.Len8Dlc = 0;
        bool fd = AscTokens.IsIgnoreCase(t.Get(line, 1), "canfd"u8);
        int c = fd ? 2 : 1;
        if (!TryNumber(t.Get(line, c), 10, 999_999, out uint ch))
        {
            channel = 0;
            return $"invalid channel number '{Text(t.Get(line, c))}'";
        }

        channel = (int)ch;
        if (fd && t.Count < 4)
        {
            return "CANFD line ends after the channel: expected direction and identifier";
        }

        int idColumn = fd ? 4 : 2;
        if (AscTokens.StartsWithIgnoreCase(t.Get(line, idColumn), "errorframe"u8))
        {
            // The details after ErrorFrame (ECC, flags, position) have no SocketCAN equivalent.
            f.Error = true;
            return null;
        }

        string? error = ParseId(t.Get(line, idColumn), decimalBase, f)
            ?? CheckDirection(t.Get(line, 3));
        if (error != null)
        {
            return error;
        }

        return fd ? ParseFd(line, t, decimalBase, f, out warning) : ParseClassic(line, t, decimalBase, f, out warning);
    }

    private static string? ParseClassic(ReadOnlySpan<byte> line, AscTokens t, bool decimalBase, CaptureFrame f, out string? warning)
    {
        warning = null;
        var kind = t.Get(line, 4);
        bool remote = AscTokens.IsIgnoreCase(kind, "r"u8);
        if (!remote && !AscTokens.IsIgnoreCase(kind, "d"u8))
        {
            return kind.IsEmpty
                ? "expected 'd' (data) or 'r' (remote) after the direction"
                : $"expected 'd' (data) or 'r' (remote) after the direction, found '{Text(kind)}'";
        }

        if (remote)
        {
            // Vector before 8.5 wrote no DLC ("r"), later "r <dlc>"; anything else is trailing detail.
            f.Remote = true;
            var requestedText = t.Get(line, 5);
            if (TryNumber(requestedText, decimalBase ? 10 : 16, uint.MaxValue, out uint requested))
            {
                if (requested > 15)
                {
                    return $"remote frame DLC '{Text(requestedText)}' above 15";
                }

                SetClassicLength(f, (int)requested);
            }

            return null;
        }

        var dlcText = t.Get(line, 5);
        if (dlcText.IsEmpty)
        {
            return "expected the DLC after 'd'";
        }

        if (!TryNumber(dlcText, decimalBase ? 10 : 16, 255, out uint dlc))
        {
            return $"invalid DLC '{Text(dlcText)}' (0..{(decimalBase ? "15" : "F")})";
        }

        int count = Math.Min((int)dlc, 8);
        string? error = ParseData(line, t, 6, count, decimalBase, f, "DLC", dlcText);
        if (error != null)
        {
            return error;
        }

        if (dlc > 15)
        {
            // python-can reads any DLC above 8 on a classic line as 8 data bytes.
            int more = t.Count - 6 - 8;
            warning = $"classic frame with DLC {Text(dlcText)} (at most {(decimalBase ? "15" : "F")}): read as 8 data bytes, as python-can does"
                + (more > 0 ? $"; the {more} further columns are not read (a classic frame carries 8 bytes; a CAN FD frame is a CANFD line)" : "");
            SetClassicLength(f, 8);
            return null;
        }

        SetClassicLength(f, (int)dlc);
        return null;
    }

    private static string? ParseFd(ReadOnlySpan<byte> line, AscTokens t, bool decimalBase, CaptureFrame f, out string? warning)
    {
        warning = null;
        // python-can tells a symbolic name from the BRS column by the column being all digits.
        int brsColumn = AscTokens.IsDigits(t.Get(line, 5)) ? 5 : 6;
        var brs = t.Get(line, brsColumn);
        var esi = t.Get(line, brsColumn + 1);
        var dlcText = t.Get(line, brsColumn + 2);
        var lengthText = t.Get(line, brsColumn + 3);
        if (lengthText.IsEmpty)
        {
            return "CANFD line needs BRS, ESI, DLC and data length columns after the identifier";
        }

        if (!IsBit(brs) || !IsBit(esi))
        {
            return $"CANFD BRS and ESI columns must be 0 or 1, found '{Text(brs)}' '{Text(esi)}'";
        }

        if (!TryNumber(dlcText, decimalBase ? 10 : 16, 15, out uint dlc))
        {
            return $"invalid CANFD DLC '{Text(dlcText)}'";
        }

        if (!TryNumber(lengthText, 10, 64, out uint dataLength))
        {
            return $"invalid CANFD data length '{Text(lengthText)}' (decimal 0..64)";
        }

        int dataColumn = brsColumn + 4;
        string? error = ParseData(line, t, dataColumn, (int)dataLength, decimalBase, f, "data length", lengthText);
        if (error != null)
        {
            return error;
        }

        // Columns after the data: message duration, message length, flags (hex). python-can
        // ignores the flags and calls every CANFD line FD; Vector marks classic frames on an FD
        // channel by a clear EDL bit. Without flags, python-can's rule: no data but a DLC is remote.
        bool hasFlags = TryNumber(t.Get(line, dataColumn + (int)dataLength + 2), 16, uint.MaxValue, out uint flags);
        bool remote = hasFlags ? (flags & (FlagEdl | FlagRemote)) == FlagRemote : dataLength == 0 && dlc != 0;
        bool isFd = hasFlags ? (flags & FlagEdl) != 0 : !remote;
        if (!isFd && !remote && dataLength > 8)
        {
            // Vector's tools write such lines; only an FD frame carries more than 8 bytes, and python-can reads every CANFD line as FD.
            warning = $"CANFD line with {dataLength} data bytes but flags {flags:x} without EDL (0x1000): read as a CAN FD frame";
            isFd = true;
        }

        if (remote)
        {
            if (dataLength != 0)
            {
                return $"remote frame (RTR flag) with {dataLength} data bytes";
            }

            f.Remote = true;
            SetClassicLength(f, (int)dlc);
            return null;
        }

        f.Length = (int)dataLength;
        if (!isFd)
        {
            if (dataLength > 8)
            {
                return $"classic frame (no EDL flag) with {dataLength} data bytes";
            }

            if (dlc != dataLength && !(dlc > 8 && dataLength == 8))
            {
                return $"DLC {dlc:X} does not match data length {dataLength}";
            }

            f.Len8Dlc = dlc > 8 ? (int)dlc : 0;
            return null;
        }

        if (FdLengths[dlc] != dataLength)
        {
            return Array.IndexOf(FdLengths, (int)dataLength) < 0
                ? $"{dataLength} is not a valid CAN FD payload length"
                : $"DLC {dlc:X} means {FdLengths[dlc]} data bytes, but the data length column says {dataLength}";
        }

        f.Fd = true;
        f.BitRateSwitch = brs[0] == (byte)'1';
        f.ErrorStateIndicator = esi[0] == (byte)'1';
        return null;
    }

    private static string? ParseId(ReadOnlySpan<byte> text, bool decimalBase, CaptureFrame f)
    {
        bool extended = text.Length > 1 && (text[^1] | 0x20) == (byte)'x';
        var digits = extended ? text[..^1] : text;
        uint max = extended ? 0x1FFFFFFFu : 0x7FFu;
        if (!TryNumber(digits, decimalBase ? 10 : 16, uint.MaxValue, out uint id))
        {
            return text.IsEmpty ? "missing identifier" : $"invalid identifier '{Text(text)}'";
        }

        if (id > max)
        {
            return extended ? $"extended identifier {id:X} above 1FFFFFFF" : $"standard identifier {id:X} above 7FF (extended ids end in 'x')";
        }

        f.Id = id;
        f.Extended = extended;
        return null;
    }

    private static string? CheckDirection(ReadOnlySpan<byte> dir) =>
        AscTokens.IsIgnoreCase(dir, "rx"u8) || AscTokens.IsIgnoreCase(dir, "tx"u8) || AscTokens.IsIgnoreCase(dir, "txrq"u8)
            ? null
            : $"expected direction Rx, Tx or TxRq, found '{Text(dir)}'";

    // 'label' and 'labelValue' name the column that set the count, for the message (built only on error).
    private static string? ParseData(ReadOnlySpan<byte> line, AscTokens t, int first, int count, bool decimalBase, CaptureFrame f, string label, ReadOnlySpan<byte> labelValue)
    {
        for (int i = 0; i < count; i++)
        {
            var b = t.Get(line, first + i);
            if (b.IsEmpty)
            {
                return $"{label} {Text(labelValue)} needs {count} data bytes, found {i}";
            }

            if (b.Length > (decimalBase ? 3 : 2) || !TryNumber(b, decimalBase ? 10 : 16, 255, out uint value))
            {
                return $"{label} {Text(labelValue)}: data byte {i + 1} '{Text(b)}' is not a {(decimalBase ? "decimal" : "hex")} byte";
            }

            f.Data[i] = (byte)value;
        }

        return null;
    }

    // A classic DLC 9..15 still means 8 bytes; the raw value goes to Len8Dlc as candump keeps it.
    private static void SetClassicLength(CaptureFrame f, int dlc)
    {
        f.Length = Math.Min(dlc, 8);
        f.Len8Dlc = dlc > 8 ? dlc : 0;
    }

    private static bool IsBit(ReadOnlySpan<byte> t) => t.Length == 1 && (t[0] == (byte)'0' || t[0] == (byte)'1');

    /// <summary>Parses digits in base 10 or 16 up to <paramref name="max"/>; false for empty, bad digits or overflow.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> text, int numberBase, uint max, out uint value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 10)
        {
            return false;
        }

        ulong v = 0;
        foreach (byte b in text)
        {
            int d = b >= '0' && b <= '9' ? b - '0' : (b | 0x20) >= 'a' && (b | 0x20) <= 'f' ? (b | 0x20) - 'a' + 10 : 99;
            if (d >= numberBase)
            {
                return false;
            }

            v = (v * (uint)numberBase) + (uint)d;
        }

        if (v > max)
        {
            return false;
        }

        value = (uint)v;
        return true;
    }

    private static string Text(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b);
}
