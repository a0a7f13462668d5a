using System.Buffers.Binary;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// The kernel's <c>struct can_frame</c> (16 bytes) and <c>struct canfd_frame</c> (72 bytes) from
/// linux/can.h, in host byte order: can_id (u32 with the EFF/RTR/ERR flags in its top bits), len (u8),
/// then __pad or flags (u8: BRS 0x01, ESI 0x02, FDF 0x04), __res0, len8_dlc (classic only), data at 8.
/// </summary>
public static class SocketCanFrame
{
    /// <summary>sizeof(struct can_frame).</summary>
    public const int ClassicSize = 16;

    /// <summary>sizeof(struct canfd_frame).</summary>
    public const int FdSize = 72;

    /// <summary>CAN_EFF_FLAG: 29-bit identifier.</summary>
    public const uint EffFlag = 0x80000000;

    /// <summary>CAN_RTR_FLAG: remote frame.</summary>
    public const uint RtrFlag = 0x40000000;

    /// <summary>CAN_ERR_FLAG: error frame (the id holds the error class).</summary>
    public const uint ErrFlag = 0x20000000;

    /// <summary>CANFD_BRS: bit rate switch.</summary>
    public const byte Brs = 0x01;

    /// <summary>CANFD_ESI: error state indicator.</summary>
    public const byte Esi = 0x02;

    /// <summary>CANFD_FDF: marks a canfd_frame as FD (set by newer kernels, ignored by older).</summary>
    public const byte Fdf = 0x04;

    private const int IdAt = 0;
    private const int LenAt = 4;
    private const int FlagsAt = 5;
    private const int Len8DlcAt = 7;
    private const int DataAt = 8;

    /// <summary>Writes <paramref name="frame"/> as a can_frame or canfd_frame; returns its size.</summary>
    public static int Encode(CaptureFrame frame, Span<byte> to)
    {
        int size = frame.Fd ? FdSize : ClassicSize;
        var b = to[..size];
        b.Clear();
        uint id = frame.Id & (frame.Extended || frame.Error ? 0x1FFFFFFFu : 0x7FFu);
        id |= (frame.Extended ? EffFlag : 0) | (frame.Remote ? RtrFlag : 0) | (frame.Error ? ErrFlag : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b[IdAt..], id);
        b[LenAt] = (byte)frame.Length;
        if (frame.Fd)
        {
            b[FlagsAt] = (byte)(Fdf | (frame.BitRateSwitch ? Brs : 0) | (frame.ErrorStateIndicator ? Esi : 0));
        }
        else
        {
            b[Len8DlcAt] = (byte)frame.Len8Dlc;
        }

        if (!frame.Remote)
        {
            frame.Data.AsSpan(0, frame.Length).CopyTo(b[DataAt..]);
        }

        return size;
    }

    /// <summary>Reads <paramref name="size"/> bytes as received from a raw socket; null, or why they are not a frame.</summary>
    public static string? Decode(ReadOnlySpan<byte> from, int size, CaptureFrame frame)
    {
        if (size != ClassicSize && size != FdSize)
        {
            return $"{size} bytes are neither a can_frame nor a canfd_frame";
        }

        uint raw = BinaryPrimitives.ReadUInt32LittleEndian(from[IdAt..]);
        bool fd = size == FdSize;
        int length = from[LenAt];
        if (length > (fd ? 64 : 8))
        {
            return $"length {length} is too long";
        }

        frame.Extended = (raw & EffFlag) != 0;
        frame.Remote = (raw & RtrFlag) != 0;
        frame.Error = (raw & ErrFlag) != 0;
        frame.Id = raw & (frame.Extended || frame.Error ? 0x1FFFFFFFu : 0x7FFu);
        frame.Fd = fd;
        frame.BitRateSwitch = fd && (from[FlagsAt] & Brs) != 0;
        frame.ErrorStateIndicator = fd && (from[FlagsAt] & Esi) != 0;
        frame.Length = length;
        frame.Len8Dlc = !fd && length == 8 && from[Len8DlcAt] is > 8 and <= 15 ? from[Len8DlcAt] : 0;
        from.Slice(DataAt, length).CopyTo(frame.Data);
        return null;
    }
}
