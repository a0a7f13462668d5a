namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// PEAK error frames in the SocketCAN form the other capture formats use (Id = error class,
/// 8 data bytes, linux/can/error.h).
/// </summary>
/// <remarks>
/// PEAK records an error frame as: type (1 bit, 2 form, 4 stuff, 8 other error), direction
/// (0 while sending, 1 while receiving), position in the bit stream (the SJA1000 ECC segment code,
/// which SocketCAN's CAN_ERR_PROT_LOC_* reuse), RX and TX error counters. In 1.x the type is the
/// ID column and the other four are the data; 2.x ER lines carry all five as data.
/// Read, that becomes a protocol error with counters: Id = CAN_ERR_PROT | CAN_ERR_CNT, data[2] the
/// type (CAN_ERR_PROT_BIT/FORM/STUFF, UNSPEC for other) with CAN_ERR_PROT_TX when sending,
/// data[3] the position, data[6]/[7] the TX/RX counters. That form writes back unchanged; other
/// SocketCAN error classes (controller state, bus-off, lost arbitration, no ACK...) have no PEAK
/// field and are written approximated (see <see cref="ToPeak"/>).
/// </remarks>
internal static class TrcErrorFrames
{
    private const uint ProtocolClass = 0x008; // CAN_ERR_PROT
    private const uint NoAckClass = 0x020; // CAN_ERR_ACK
    private const uint CounterClass = 0x200; // CAN_ERR_CNT
    private const uint ReadClasses = ProtocolClass | CounterClass;
    private const byte SendingFlag = 0x80; // CAN_ERR_PROT_TX
    private const byte AckSlot = 0x19; // CAN_ERR_PROT_LOC_ACK

    /// <summary>Fills <paramref name="f"/> (id, flags, data) from PEAK's five error values; throws on undefined ones.</summary>
    public static void FromPeak(int type, int direction, int position, int rxCounter, int txCounter, CaptureFrame f)
    {
        byte protocolType = type switch
        {
            1 => 0x01, // CAN_ERR_PROT_BIT
            2 => 0x02, // CAN_ERR_PROT_FORM
            4 => 0x04, // CAN_ERR_PROT_STUFF
            8 => 0x00, // CAN_ERR_PROT_UNSPEC
            _ => throw new TrcSyntaxException($"error frame type {type:X2} is not 01 (bit), 02 (form), 04 (stuff) or 08 (other error)"),
        };
        if (direction > 1)
        {
            throw new TrcSyntaxException($"error frame direction {direction:X2} is not 00 (sending) or 01 (receiving)");
        }

        f.Id = ReadClasses;
        f.Extended = false;
        f.Remote = false;
        f.Error = true;
        f.Fd = false;
        f.BitRateSwitch = false;
        f.ErrorStateIndicator = false;
        f.Len8Dlc = 0;
        f.Length = 8;
        Array.Clear(f.Data, 0, 8);
        f.Data[2] = (byte)(protocolType | (direction == 0 ? SendingFlag : 0));
        f.Data[3] = (byte)position;
        f.Data[6] = (byte)txCounter;
        f.Data[7] = (byte)rxCounter;
    }

    /// <summary>
    /// PEAK's five values (type, direction, position, RX, TX counter) for an error frame. Returns
    /// false when the frame had SocketCAN detail PEAK cannot hold: then protocol errors keep type,
    /// direction and position, no-ACK becomes an other error while sending at the ACK slot, and
    /// the rest become other errors while receiving; counters are kept when the frame has them.
    /// </summary>
    public static bool ToPeak(CaptureFrame f, Span<byte> five)
    {
        Span<byte> d = stackalloc byte[8];
        f.Data.AsSpan(0, Math.Min(f.Length, 8)).CopyTo(d);
        bool protocol = (f.Id & ProtocolClass) != 0;
        bool counters = (f.Id & CounterClass) != 0;
        byte kind = protocol ? (byte)(d[2] & ~SendingFlag) : (byte)0;
        five[0] = kind switch
        {
            0x01 or 0x08 or 0x10 => 1, // bit error, also "unable to send dominant/recessive bit"
            0x02 => 2,
            0x04 => 4,
            _ => 8,
        };
        bool sending = protocol ? (d[2] & SendingFlag) != 0 : (f.Id & NoAckClass) != 0;
        five[1] = sending ? (byte)0 : (byte)1;
        five[2] = protocol ? d[3] : (f.Id & NoAckClass) != 0 ? AckSlot : (byte)0;
        five[3] = counters ? d[7] : (byte)0;
        five[4] = counters ? d[6] : (byte)0;

        return f.Id == ReadClasses && f.Length == 8 && kind is 0x00 or 0x01 or 0x02 or 0x04
            && d[0] == 0 && d[1] == 0 && d[4] == 0 && d[5] == 0;
    }
}
