using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// The fast path: the exact shape <c>candump -l</c> writes for a classic data frame,
/// <c>(0000000000.000000) iface 123#0011223344556677</c> (or an 8-digit id), on the interface of
/// the previous line. Anything else, and anything malformed, returns false before touching the
/// frame's observable result and goes through the general parser, which decides and names errors.
/// </summary>
public sealed partial class CandumpLogReader
{
    // Where the interface name starts in a canonical line: after "(0000000000.000000) ".
    internal const int CanonicalNameStart = 20;

    private (byte[] Bytes, string Text, bool Verbatim) _lastChannel = ([], "", false);

    private bool TryParseCanonical(ReadOnlySpan<byte> line, CaptureFrame f)
    {
        byte[] channel = _lastChannel.Bytes;
        int idStart = CanonicalNameStart + channel.Length + 1;
        if (channel.Length == 0 || line.Length < idStart + 4 || line[0] != (byte)'(' || line[11] != (byte)'.' || line[18] != (byte)')'
            || line[19] != (byte)' ' || line[idStart - 1] != (byte)' ' || !line.Slice(CanonicalNameStart, channel.Length).SequenceEqual(channel))
        {
            return false;
        }

        ulong hi = BinaryPrimitives.ReadUInt64LittleEndian(line[3..11]);
        ulong lo = BinaryPrimitives.ReadUInt64LittleEndian(line[11..19]) >> 8;
        int s0 = line[1] - '0';
        int s1 = line[2] - '0';
        if (!AllDigits8(hi) || (uint)s0 > 9 || (uint)s1 > 9 || !AllDigits6(lo))
        {
            return false;
        }

        var rest = line[idStart..];
        int hash = rest.Length > 3 && rest[3] == (byte)'#' ? 3 : rest.Length > 8 && rest[8] == (byte)'#' ? 8 : -1;
        if (hash < 0)
        {
            return false;
        }

        ref byte r = ref MemoryMarshal.GetReference(rest);
        ref sbyte table = ref MemoryMarshal.GetArrayDataReference(HexTable);
        int idBits = 0;
        uint id = 0;
        for (int k = 0; k < hash; k++)
        {
            int d = Unsafe.Add(ref table, Unsafe.Add(ref r, k));
            idBits |= d;
            id = (id << 4) | (uint)d;
        }

        int dataLength = rest.Length - hash - 1;
        if (idBits < 0 || (hash == 3 ? id > 0x7FF : id > 0x1FFFFFFF) || dataLength > 16 || (dataLength & 1) != 0)
        {
            return false;
        }

        // Decode into a scratch word first: a bad digit must leave the frame for the general parser.
        ulong data = 0;
        int bad = 0;
        ref byte hex = ref Unsafe.Add(ref r, hash + 1);
        for (int k = 0; k < dataLength; k += 2)
        {
            int h = Unsafe.Add(ref table, Unsafe.Add(ref hex, k));
            int l = Unsafe.Add(ref table, Unsafe.Add(ref hex, k + 1));
            bad |= h | l;
            data |= (ulong)(uint)((h << 4) | l) << (k * 4);
        }

        if (bad < 0)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(f.Data, data);
        long secs = (((s0 * 10) + s1) * 100_000_000L) + (long)Digits8(hi);
        f.TimestampNanos = (secs * 1_000_000_000L) + ((long)Digits6(lo) * 1000);
        f.Channel = _lastChannel.Text;
        f.Id = id;
        f.Extended = hash == 8;
        f.Remote = f.Error = f.Fd = f.BitRateSwitch = f.ErrorStateIndicator = f.Transmit = false;
        f.Len8Dlc = 0;
        f.Length = dataLength / 2;
        _canonical = true;
        return true;
    }
}
