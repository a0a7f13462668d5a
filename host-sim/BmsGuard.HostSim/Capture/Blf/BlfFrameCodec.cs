using System.Buffers.Binary;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// CAN object payloads (the bytes after the object header) to and from <see cref="CaptureFrame"/>:
/// CAN_MESSAGE, CAN_MESSAGE2, CAN_ERROR_EXT, CAN_FD_MESSAGE and CAN_FD_MESSAGE_64.
/// </summary>
internal static class BlfFrameCodec
{
    private const uint IdMask = 0x1FFFFFFF;

    /// <summary>
    /// Payload bytes needed to decode an object of <paramref name="type"/>: for CAN_FD_MESSAGE_64
    /// only its fixed part (the data that follows may be shorter than its valid-bytes field).
    /// </summary>
    public static int Needed(uint type) => type switch
    {
        BlfFormat.CanMessage or BlfFormat.CanMessage2 => BlfFormat.CanMessagePayload,
        BlfFormat.CanErrorExt => BlfFormat.CanErrorExtPayload,
        BlfFormat.CanFdMessage => BlfFormat.CanFdMessagePayload,
        _ => BlfFormat.CanFdMessage64Fixed,
    };

    /// <summary>
    /// Fills <paramref name="f"/> (all but time and channel) from a CAN object payload; returns the
    /// error, or null. An oddity read as python-can reads it is described in <paramref name="warning"/>.
    /// A CAN_FD_MESSAGE_64 payload may be shorter than its valid data bytes (Vector writes only the
    /// bytes present); the missing ones read as zeros, as CANoe and python-can do.
    /// </summary>
    public static string? Decode(uint type, ReadOnlySpan<byte> p, CaptureFrame f, out int channel, out string? warning)
    {
        warning = null;
        f.Error = false;
        f.Fd = false;
        f.BitRateSwitch = false;
        f.ErrorStateIndicator = false;
        f.Remote = false;
        f.Len8Dlc = 0;
        uint id;
        int dlc;
        ReadOnlySpan<byte> data;
        switch (type)
        {
            case BlfFormat.CanMessage or BlfFormat.CanMessage2:
                // channel u16, flags u8, dlc u8, id u32, data[8]
                channel = BinaryPrimitives.ReadUInt16LittleEndian(p);
                f.Remote = (p[2] & BlfFormat.RemoteFlag) != 0;
                f.Transmit = (p[2] & BlfFormat.TransmitFlag) != 0;
                dlc = p[3];
                id = BinaryPrimitives.ReadUInt32LittleEndian(p[4..]);
                data = p.Slice(8, 8);
                break;
            case BlfFormat.CanErrorExt:
                // channel u16, length u16, flags u32, ecc u8, position u8, dlc u8, reserved u8,
                // frame length u32, id u32, extended flags u16, reserved u16, data[8]
                channel = BinaryPrimitives.ReadUInt16LittleEndian(p);
                f.Error = true;
                f.Transmit = false;
                dlc = p[10];
                id = BinaryPrimitives.ReadUInt32LittleEndian(p[16..]);
                data = p.Slice(24, 8);
                break;
            case BlfFormat.CanFdMessage:
                // channel u16, flags u8, dlc u8, id u32, frame length u32, bit count u8, FD flags u8,
                // valid data bytes u8, reserved[5], data[64]
                channel = BinaryPrimitives.ReadUInt16LittleEndian(p);
                f.Fd = (p[13] & BlfFormat.FdEdl) != 0;
                f.Remote = !f.Fd && (p[2] & BlfFormat.RemoteFlag) != 0;
                f.BitRateSwitch = f.Fd && (p[13] & BlfFormat.FdBrs) != 0;
                f.ErrorStateIndicator = f.Fd && (p[13] & BlfFormat.FdEsi) != 0;
                f.Transmit = (p[2] & BlfFormat.TransmitFlag) != 0;
                dlc = p[3];
                id = BinaryPrimitives.ReadUInt32LittleEndian(p[4..]);
                if (p[14] > 64)
                {
                    return $"CAN_FD_MESSAGE with {p[14]} valid data bytes (at most 64)";
                }

                data = p.Slice(20, p[14]);
                break;
            default:
                // channel u8, dlc u8, valid data bytes u8, tx count u8, id u32, frame length u32,
                // flags u32, 5 bit-timing and offset fields, bit count u16, dir u8, ext data
                // offset u8, crc u32, then the data
                channel = p[0];
                dlc = p[1];
                id = BinaryPrimitives.ReadUInt32LittleEndian(p[4..]);
                uint flags = BinaryPrimitives.ReadUInt32LittleEndian(p[12..]);
                f.Fd = (flags & BlfFormat.Fd64Edl) != 0;
                f.Remote = !f.Fd && (flags & BlfFormat.Fd64Remote) != 0;
                f.BitRateSwitch = f.Fd && (flags & BlfFormat.Fd64Brs) != 0;
                f.ErrorStateIndicator = f.Fd && (flags & BlfFormat.Fd64Esi) != 0;
                f.Transmit = p[34] != 0;
                data = p.Slice(BlfFormat.CanFdMessage64Fixed, Math.Min(p[2], p.Length - BlfFormat.CanFdMessage64Fixed));
                if (f.Fd && (flags & BlfFormat.Fd64Remote) != 0)
                {
                    warning = "CAN_FD_MESSAGE_64 with both the EDL (FD) and the RTR flag: CAN FD has no remote frames, read as an FD data frame (python-can calls it a remote FD frame)";
                }

                break;
        }

        if (dlc > 15)
        {
            // python-can reads such a DLC as the largest length: 8 bytes classic, 64 FD.
            warning = $"{BlfFormat.TypeName(type)} with DLC {dlc} (at most 15): read as DLC 15 ({(f.Fd ? 64 : 8)} data bytes{(f.Fd ? "" : ", of which the object holds 8")}), as python-can reads it";
            dlc = 15;
        }

        f.Extended = (id & BlfFormat.ExtendedId) != 0;
        f.Id = id & IdMask;
        if (!f.Extended && !f.Error && f.Id > 0x7FF)
        {
            // No 11-bit frame has such an id; python-can keeps it as one, we keep all 29 bits as an extended id.
            warning = $"{BlfFormat.TypeName(type)} with standard identifier {f.Id:X} above 7FF (extended flag clear): read as a 29-bit identifier";
            f.Extended = true;
        }

        if (f.Fd)
        {
            f.Length = BlfFormat.FdLength(dlc);
        }
        else
        {
            f.Length = Math.Min(dlc, 8);
            f.Len8Dlc = dlc > 8 && !f.Remote && !f.Error && warning == null ? dlc : 0;
        }

        // Valid data bytes may be fewer than the DLC says (vector_blf: "can differ"); the rest reads as zeros.
        int copy = Math.Min(data.Length, f.Length);
        data[..copy].CopyTo(f.Data);
        f.Data.AsSpan(copy, f.Length - copy).Clear();
        return null;
    }

    /// <summary>
    /// Writes the payload for <paramref name="f"/> on <paramref name="channel"/> and returns its
    /// object type and length; returns the error, or null. Classic frames become CAN_MESSAGE, FD
    /// frames CAN_FD_MESSAGE_64, error frames CAN_ERROR_EXT (id and data as python-can maps them).
    /// </summary>
    public static string? Encode(CaptureFrame f, int channel, Span<byte> into, out uint type, out int length)
    {
        type = 0;
        length = 0;
        uint id = f.Id | (f.Extended ? BlfFormat.ExtendedId : 0);
        if (f.Id > (f.Extended || f.Error ? IdMask : 0x7FFu))
        {
            return $"identifier {f.Id:X} does not fit {(f.Extended ? 29 : 11)} bits";
        }

        if (f.Error || !f.Fd)
        {
            if (f.Length is < 0 or > 8)
            {
                return $"a {(f.Error ? "error" : "classic CAN")} frame carries 0..8 data bytes, not {f.Length}";
            }

            if (channel > ushort.MaxValue)
            {
                return $"channel {channel} above {ushort.MaxValue}";
            }
        }

        if (f.Error)
        {
            type = BlfFormat.CanErrorExt;
            length = BlfFormat.CanErrorExtPayload;
            into[..length].Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(into, (ushort)channel);
            into[10] = (byte)f.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(into[16..], id);
            f.Data.AsSpan(0, f.Length).CopyTo(into[24..]);
            return null;
        }

        if (!f.Fd)
        {
            type = BlfFormat.CanMessage;
            length = BlfFormat.CanMessagePayload;
            into[..length].Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(into, (ushort)channel);
            into[2] = (byte)((f.Remote ? BlfFormat.RemoteFlag : 0) | (f.Transmit ? BlfFormat.TransmitFlag : 0));
            into[3] = (byte)(!f.Remote && f.Length == 8 && f.Len8Dlc is > 8 and <= 15 ? f.Len8Dlc : f.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(into[4..], id);
            if (!f.Remote)
            {
                f.Data.AsSpan(0, f.Length).CopyTo(into[8..]);
            }

            return null;
        }

        int dlc = f.Length is >= 0 and <= CaptureFrame.MaxData ? BlfFormat.FdDlc(f.Length) : -1;
        if (dlc < 0)
        {
            return $"{f.Length} is not a CAN FD payload length";
        }

        if (channel > ushort.MaxValue)
        {
            return $"channel {channel} above {ushort.MaxValue}";
        }

        if (channel > byte.MaxValue)
        {
            // CAN_FD_MESSAGE_64 has an 8-bit channel; the older CAN_FD_MESSAGE a 16-bit one.
            type = BlfFormat.CanFdMessage;
            length = BlfFormat.CanFdMessagePayload;
            into[..length].Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(into, (ushort)channel);
            into[2] = f.Transmit ? BlfFormat.TransmitFlag : (byte)0;
            into[3] = (byte)dlc;
            BinaryPrimitives.WriteUInt32LittleEndian(into[4..], id);
            into[13] = (byte)(BlfFormat.FdEdl | (f.BitRateSwitch ? BlfFormat.FdBrs : 0) | (f.ErrorStateIndicator ? BlfFormat.FdEsi : 0));
            into[14] = (byte)f.Length;
            f.Data.AsSpan(0, f.Length).CopyTo(into[20..]);
            return null;
        }

        type = BlfFormat.CanFdMessage64;
        length = BlfFormat.CanFdMessage64Fixed + f.Length;
        into[..length].Clear();
        into[0] = (byte)channel;
        into[1] = (byte)dlc;
        into[2] = (byte)f.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(into[4..], id);
        uint flags = BlfFormat.Fd64Edl | (f.BitRateSwitch ? BlfFormat.Fd64Brs : 0) | (f.ErrorStateIndicator ? BlfFormat.Fd64Esi : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(into[12..], flags);
        into[34] = f.Transmit ? (byte)1 : (byte)0;
        f.Data.AsSpan(0, f.Length).CopyTo(into[BlfFormat.CanFdMessage64Fixed..]);
        return null;
    }
}
