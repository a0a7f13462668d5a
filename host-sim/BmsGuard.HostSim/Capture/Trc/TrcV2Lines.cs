namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Message lines of TRC 2.x, in the column order of <c>$COLUMNS</c>:
/// <code>
/// 2.0      5      1334.416 FD     0500 Tx 12 01 02 03 04 05 06 07 08 09 0A 0B 0C
/// 2.0      6      1334.522 ER          Rx    04 00 02 00 00
/// 2.1      5      1334.416 FD 1      0500 Tx -  9    01 02 03 04 05 06 07 08 09 0A 0B 0C
/// 2.1      6      1334.222 ER 1         - Rx -  5    04 00 02 00 00
/// 2.1     13      1336.543 RR 1      0100 Rx -  3
/// </code>
/// DT, FD, FB, FE, BI and RR are frames, ER an error frame; ST (status), EC (error counters) and
/// EV (event text) carry no frame. 2.0 leaves the ID and length columns of ER, ST and EC blank.
/// </summary>
internal static class TrcV2Lines
{
    /// <summary>
    /// Parses a message line into <paramref name="f"/>, with the offset as its time; false for a
    /// line that carries no frame.
    /// </summary>
    public static bool Parse(ReadOnlySpan<byte> line, TrcFields fields, TrcColumns c, int minor, TrcBusNames buses, CaptureFrame f)
    {
        fields.Split(line);
        if (fields.Count <= c.Type)
        {
            throw new TrcSyntaxException($"line ends before the {c.Describe(c.Type)}");
        }

        var type = TrcMessageTypes.Parse(fields.Get(line, c.Type));
        if (type is TrcMessageType.Status or TrcMessageType.ErrorCounter or TrcMessageType.Event)
        {
            return false;
        }

        bool blank = minor == 0 && type == TrcMessageType.Error;

        // Index of a column's field on this line: a 2.0 ER line has no ID and length fields.
        int At(int column) => !blank ? column : column - (c.Id < column ? 1 : 0) - (c.Length < column ? 1 : 0);

        int data = At(c.Data);
        if (fields.Count < data)
        {
            // Every column but the data must be there; name the first one missing.
            for (int column = 0; column < c.Data; column++)
            {
                if (!(blank && (column == c.Id || column == c.Length)) && At(column) == fields.Count)
                {
                    throw new TrcSyntaxException($"line ends before the {c.Describe(column)}");
                }
            }
        }

        if (c.Number >= 0)
        {
            var number = fields.Get(line, At(c.Number));
            if (number.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                throw new TrcSyntaxException($"message number '{TrcFields.Text(number)}' is not digits");
            }
        }

        f.TimestampNanos = TrcTime.ParseOffset(fields.Get(line, At(c.Offset)));
        f.Channel = c.Bus >= 0 ? buses.Parse(fields.Get(line, At(c.Bus))) : buses.First;
        f.Transmit = false;
        if (c.Direction >= 0)
        {
            var direction = fields.Get(line, At(c.Direction));
            if (!direction.SequenceEqual("Rx"u8) && !direction.SequenceEqual("Tx"u8))
            {
                throw new TrcSyntaxException($"direction '{TrcFields.Text(direction)}' is not Rx or Tx");
            }

            f.Transmit = direction[0] == (byte)'T';
        }

        if (c.Reserved >= 0 && !fields.Get(line, At(c.Reserved)).SequenceEqual("-"u8))
        {
            throw new TrcSyntaxException($"reserved column is '{TrcFields.Text(fields.Get(line, At(c.Reserved)))}', expected '-'");
        }

        if (type == TrcMessageType.Error)
        {
            ErrorFrame(line, fields, c, blank, data, f);
            return true;
        }

        f.Id = TrcFields.Identifier(fields.Get(line, c.Id), out bool extended);
        f.Extended = extended;
        f.Error = false;
        f.Remote = type == TrcMessageType.Remote;
        f.Fd = type is TrcMessageType.Fd or TrcMessageType.FdBrs or TrcMessageType.FdEsi or TrcMessageType.FdBrsEsi;
        f.BitRateSwitch = type is TrcMessageType.FdBrs or TrcMessageType.FdBrsEsi;
        f.ErrorStateIndicator = type is TrcMessageType.FdEsi or TrcMessageType.FdBrsEsi;
        f.Len8Dlc = 0;
        Length(fields.Get(line, c.Length), c.LengthIsDlc, f);
        if (f.Remote)
        {
            fields.ExpectDataCount(data, 0, "a remote request");
            return true;
        }

        fields.ExpectDataCount(data, f.Length, "length", showCount: true);
        fields.Data(line, data, f.Length, f.Data);
        return true;
    }

    // Sets Length (and Len8Dlc) from the L (DLC) or l (bytes) field for the frame kind already set.
    private static void Length(ReadOnlySpan<byte> field, bool isDlc, CaptureFrame f)
    {
        string kind = f.Fd ? "CAN FD frame" : f.Remote ? "remote request" : "classic frame";
        if (isDlc)
        {
            int dlc = TrcFields.Decimal(field, 15, "data length code");
            if (f.Fd)
            {
                f.Length = TrcMessageTypes.FdLengths[dlc];
            }
            else if (dlc <= 8)
            {
                f.Length = dlc;
            }
            else if (!f.Remote)
            {
                // A classic frame's DLC 9..15 still means 8 bytes; keep the raw code like candump's _X.
                f.Length = 8;
                f.Len8Dlc = dlc;
            }
            else
            {
                throw new TrcSyntaxException($"{kind} with data length code {dlc} (at most 8)");
            }

            return;
        }

        int length = TrcFields.Decimal(field, 64, "data length");
        if (f.Fd ? TrcMessageTypes.FdDlc(length) < 0 : length > 8)
        {
            throw new TrcSyntaxException(f.Fd ? $"{length} is not a CAN FD payload length" : $"{kind} with data length {length} (at most 8)");
        }

        f.Length = length;
    }

    // ER: type, direction, position, RX and TX error counters as data; 2.1 writes "-" as the ID and length 5.
    private static void ErrorFrame(ReadOnlySpan<byte> line, TrcFields fields, TrcColumns c, bool blank, int data, CaptureFrame f)
    {
        if (!blank)
        {
            var id = fields.Get(line, c.Id);
            if (!id.SequenceEqual("-"u8))
            {
                throw new TrcSyntaxException($"error frame has identifier '{TrcFields.Text(id)}', expected '-'");
            }

            var length = fields.Get(line, c.Length);
            if (TrcFields.Decimal(length, 15, "length") != 5)
            {
                throw new TrcSyntaxException($"error frame has length {TrcFields.Text(length)}, expected 5");
            }
        }

        fields.ExpectDataCount(data, 5, "an error frame (type, direction, position, RX and TX counters)");
        TrcErrorFrames.FromPeak(
            TrcFields.HexByte(fields.Get(line, data)),
            TrcFields.HexByte(fields.Get(line, data + 1)),
            TrcFields.HexByte(fields.Get(line, data + 2)),
            TrcFields.HexByte(fields.Get(line, data + 3)),
            TrcFields.HexByte(fields.Get(line, data + 4)),
            f);
    }
}
