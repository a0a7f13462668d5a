namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>The message types of a TRC 2.x line (column T).</summary>
internal enum TrcMessageType
{
    /// <summary>DT: classic CAN data frame.</summary>
    Data,

    /// <summary>FD: CAN FD data frame.</summary>
    Fd,

    /// <summary>FB: CAN FD data frame with bit rate switch.</summary>
    FdBrs,

    /// <summary>FE: CAN FD data frame with error state indicator.</summary>
    FdEsi,

    /// <summary>BI: CAN FD data frame with bit rate switch and error state indicator.</summary>
    FdBrsEsi,

    /// <summary>RR: remote request.</summary>
    Remote,

    /// <summary>ER: error frame.</summary>
    Error,

    /// <summary>ST: hardware status change (no frame).</summary>
    Status,

    /// <summary>EC: error counter change (no frame).</summary>
    ErrorCounter,

    /// <summary>EV: user-defined event text (no frame).</summary>
    Event,
}

/// <summary>Codes of <see cref="TrcMessageType"/> and the CAN FD DLC-to-length table.</summary>
internal static class TrcMessageTypes
{
    /// <summary>Payload length of each DLC 0..15 (CAN FD; classic frames stop at 8).</summary>
    public static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    /// <summary>The type of a two-letter code; throws on an unknown one.</summary>
    public static TrcMessageType Parse(ReadOnlySpan<byte> code)
    {
        if (code.Length == 2)
        {
            switch ((code[0] << 8) | code[1])
            {
                case ('D' << 8) | 'T': return TrcMessageType.Data;
                case ('F' << 8) | 'D': return TrcMessageType.Fd;
                case ('F' << 8) | 'B': return TrcMessageType.FdBrs;
                case ('F' << 8) | 'E': return TrcMessageType.FdEsi;
                case ('B' << 8) | 'I': return TrcMessageType.FdBrsEsi;
                case ('R' << 8) | 'R': return TrcMessageType.Remote;
                case ('E' << 8) | 'R': return TrcMessageType.Error;
                case ('S' << 8) | 'T': return TrcMessageType.Status;
                case ('E' << 8) | 'C': return TrcMessageType.ErrorCounter;
                case ('E' << 8) | 'V': return TrcMessageType.Event;
            }
        }

        throw new TrcSyntaxException($"unknown message type '{TrcFields.Text(code)}' (TRC 2.x knows DT, FD, FB, FE, BI, RR, ER, ST, EC, EV)");
    }

    /// <summary>The two-letter code of a type.</summary>
    public static ReadOnlySpan<byte> Code(TrcMessageType type) => type switch
    {
        TrcMessageType.Data => "DT"u8,
        TrcMessageType.Fd => "FD"u8,
        TrcMessageType.FdBrs => "FB"u8,
        TrcMessageType.FdEsi => "FE"u8,
        TrcMessageType.FdBrsEsi => "BI"u8,
        TrcMessageType.Remote => "RR"u8,
        TrcMessageType.Error => "ER"u8,
        TrcMessageType.Status => "ST"u8,
        TrcMessageType.ErrorCounter => "EC"u8,
        _ => "EV"u8,
    };

    /// <summary>The FD type for the given flags.</summary>
    public static TrcMessageType FdType(bool brs, bool esi) =>
        brs ? (esi ? TrcMessageType.FdBrsEsi : TrcMessageType.FdBrs) : (esi ? TrcMessageType.FdEsi : TrcMessageType.Fd);

    /// <summary>The DLC of a CAN FD payload length, or -1 when no DLC gives that length.</summary>
    public static int FdDlc(int length) => Array.IndexOf(FdLengths, length);
}
