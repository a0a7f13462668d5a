namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Message lines of TRC 1.x, whose columns are fixed by the version:
/// <code>
/// 1.0   1)  1841      0001  8  00 00 00 00 00 00 00 00
/// 1.1   1)  1059.9  Rx         0300  7  00 00 00 00 04 00 00
/// 1.2   1)  1059.900  1  Rx    0300  7  00 00 00 00 04 00 00
/// 1.3   1)  1059.900 1  Rx     0300 -  7    00 00 00 00 04 00 00
/// </code>
/// Number with ')', offset (ms), bus (1.2+), type Rx/Tx/Warng/Error (1.1+), ID, reserved "-"
/// (1.3), DLC, then data bytes, <c>RTR</c> (remote request) or, in 1.0, <c>ERROR</c> and the error
/// data. Warnings (type Warng; in 1.0 ID FFFFFFFF) report bus status, not a frame.
/// </summary>
internal static class TrcV1Lines
{
    /// <summary>
    /// Parses a message line into <paramref name="f"/>, with the offset as its time; false for a
    /// warning line, which carries no frame.
    /// </summary>
    public static bool Parse(ReadOnlySpan<byte> line, TrcFields fields, int minor, TrcBusNames buses, CaptureFrame f)
    {
        fields.Split(line);
        int i = 0;
        MessageNumber(Field(line, fields, i++, "message number"));
        f.TimestampNanos = TrcTime.ParseOffset(Field(line, fields, i++, "time offset"));
        f.Channel = minor >= 2 ? buses.Parse(Field(line, fields, i++, "bus")) : buses.First;
        bool error = false;
        f.Transmit = false;
        if (minor >= 1)
        {
            var type = Field(line, fields, i++, "type");
            if (type.SequenceEqual("Warng"u8))
            {
                return false;
            }

            error = type.SequenceEqual("Error"u8);
            f.Transmit = type.SequenceEqual("Tx"u8);
            if (!error && !type.SequenceEqual("Rx"u8) && !type.SequenceEqual("Tx"u8))
            {
                throw new TrcSyntaxException($"unknown message type '{TrcFields.Text(type)}' (TRC 1.{minor} knows Rx, Tx, Warng, Error)");
            }
        }

        var idField = Field(line, fields, i++, "identifier");
        if (minor == 0 && idField.SequenceEqual("FFFFFFFF"u8))
        {
            return false;
        }

        uint id = TrcFields.Identifier(idField, out bool extended);
        if (minor >= 3 && !Field(line, fields, i++, "reserved column").SequenceEqual("-"u8))
        {
            throw new TrcSyntaxException($"reserved column is '{TrcFields.Text(fields.Get(line, i - 1))}', expected '-'");
        }

        int dlc = TrcFields.Decimal(Field(line, fields, i++, "data length code"), 8, "data length code");
        var first = i < fields.Count ? fields.Get(line, i) : default;
        if (minor == 0 && first.SequenceEqual("ERROR"u8))
        {
            error = true;
            i++;
        }

        if (error)
        {
            // ID: error type; data: direction, position in the bit stream, RX and TX error counters.
            if (dlc != 4)
            {
                throw new TrcSyntaxException($"error frame has data length code {dlc}, expected 4");
            }

            fields.ExpectDataCount(i, 4, "error frame");
            TrcErrorFrames.FromPeak(
                (int)id,
                TrcFields.HexByte(fields.Get(line, i)),
                TrcFields.HexByte(fields.Get(line, i + 1)),
                TrcFields.HexByte(fields.Get(line, i + 2)),
                TrcFields.HexByte(fields.Get(line, i + 3)),
                f);
            return true;
        }

        f.Id = id;
        f.Extended = extended;
        f.Error = false;
        f.Fd = false;
        f.BitRateSwitch = false;
        f.ErrorStateIndicator = false;
        f.Len8Dlc = 0;
        f.Length = dlc;
        f.Remote = first.SequenceEqual("RTR"u8);
        if (f.Remote)
        {
            if (fields.Count != i + 1 || fields.Overflow)
            {
                throw new TrcSyntaxException($"unexpected '{TrcFields.Text(fields.Get(line, i + 1))}' after RTR");
            }

            return true;
        }

        fields.ExpectDataCount(i, dlc, "data length code", showCount: true);
        fields.Data(line, i, dlc, f.Data);
        return true;
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, TrcFields fields, int index, string what)
    {
        if (index >= fields.Count)
        {
            throw new TrcSyntaxException($"line ends before the {what}");
        }

        return fields.Get(line, index);
    }

    private static void MessageNumber(ReadOnlySpan<byte> field)
    {
        if (field.Length < 2 || field[^1] != (byte)')' || field[..^1].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw new TrcSyntaxException($"message number '{TrcFields.Text(field)}' is not digits and ')'");
        }
    }
}
