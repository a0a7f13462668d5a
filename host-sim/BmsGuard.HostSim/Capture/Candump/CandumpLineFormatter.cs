using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// Formats one <c>candump -l</c> line exactly as can-utils does, without the newline:
/// <c>(%010u.%06u) iface id#data</c>, upper-case hex, 3-digit standard and 8-digit extended
/// identifiers. Keeps the bytes of the interface names it has seen, so formatting allocates nothing.
/// </summary>
public sealed class CandumpLineFormatter
{
    /// <summary>Room a caller gives each line: the longest frame text (a 64-byte FD payload) and an interface name of up to 340 bytes (input and --map names are limited to <see cref="MaxInterfaceName"/>).</summary>
    public const int MaxLine = 512;

    /// <summary>Longest interface name, in UTF-8 bytes, that candump input and the channel map accept (Linux names have at most 15): keeps every line within <see cref="MaxLine"/>.</summary>
    public const int MaxInterfaceName = 64;

    // Everything but the interface name, at most: "(" 20 digits "." 6 digits ") ", " " 8 digits "##F", 128 hex digits.
    private const int LongestFrameText = 32 + 12 + 128;

    private const int ErrorDataLength = 8;

    // SocketCAN's error classes (CAN_ERR_TX_TIMEOUT 0x1 .. CAN_ERR_CNT 0x200) and the bus error class.
    private const uint ErrorClasses = 0x3FF;
    private const uint BusError = 0x80;

    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();
    private static readonly ushort[] HexPairs = BuildHexPairs();
    private static readonly ushort[] DecimalPairs = BuildDecimalPairs();
    private readonly Dictionary<string, byte[]> _channels = new(StringComparer.Ordinal);
    private string? _lastChannel;
    private byte[] _lastChannelBytes = [];

    /// <summary>
    /// Formats <paramref name="f"/> into <paramref name="b"/> (at least <see cref="MaxLine"/> bytes) and
    /// returns the length; sub-microsecond time is truncated, as candump's format has 6 decimals.
    /// </summary>
    public int Format(Span<byte> b, CaptureFrame f)
    {
        string channel = f.Channel;
        uint id = f.Id;
        bool remote = f.Remote;
        bool error = f.Error;
        bool fd = f.Fd;
        byte[] data = f.Data;
        int length = f.Length;
        if (!ReferenceEquals(channel, _lastChannel))
        {
            if (!_channels.TryGetValue(channel, out var bytes))
            {
                bytes = Encoding.UTF8.GetBytes(ChannelNames.ToInterfaceName(channel)); // ASC/BLF/TRC channel "1" -> can0
                _channels[channel] = bytes;
            }

            _lastChannel = channel;
            _lastChannelBytes = bytes;
        }

        // Checked once here, so the writes below go without a bounds check each.
        byte[] name = _lastChannelBytes;
        if (b.Length < LongestFrameText + name.Length || (uint)length > CaptureFrame.MaxData)
        {
            throw new ArgumentException($"{b.Length} bytes are too few for a line on '{channel}', or {length} is not a frame length");
        }

        ref byte r = ref MemoryMarshal.GetReference(b);
        int n = 0;
        long micros = f.TimestampNanos / 1000;
        Unsafe.Add(ref r, n++) = (byte)'(';
        n += WriteSeconds(ref Unsafe.Add(ref r, n), micros / 1_000_000);
        Unsafe.Add(ref r, n++) = (byte)'.';
        WriteFixed6(ref Unsafe.Add(ref r, n), (uint)(micros % 1_000_000));
        n += 6;
        Unsafe.Add(ref r, n++) = (byte)')';
        Unsafe.Add(ref r, n++) = (byte)' ';
        name.AsSpan().CopyTo(b[n..]);
        n += name.Length;
        Unsafe.Add(ref r, n++) = (byte)' ';
        n += error ? WriteHex(ref Unsafe.Add(ref r, n), ErrorId(id), 8) : WriteHex(ref Unsafe.Add(ref r, n), id, f.Extended ? 8 : 3);
        Unsafe.Add(ref r, n++) = (byte)'#';
        if (fd)
        {
            Unsafe.Add(ref r, n++) = (byte)'#';
            Unsafe.Add(ref r, n++) = Hex[(f.BitRateSwitch ? 1 : 0) | (f.ErrorStateIndicator ? 2 : 0)];
        }
        else if (remote)
        {
            Unsafe.Add(ref r, n++) = (byte)'R';
            if (length > 0 && length <= 8)
            {
                Unsafe.Add(ref r, n++) = Hex[length];
            }

            length = 0;
        }

        ushort[] pairs = HexPairs;
        for (int i = 0; i < length; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, n), pairs[data[i]]);
            n += 2;
        }

        // The kernel's error frames always carry 8 data bytes (CAN_ERR_DLC); shorter ones are padded.
        for (int i = length; error && i < ErrorDataLength; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref r, n), pairs[0]);
            n += 2;
        }

        if (!fd && !remote && f.Len8Dlc > 8 && length == 8)
        {
            Unsafe.Add(ref r, n++) = (byte)'_';
            Unsafe.Add(ref r, n++) = Hex[f.Len8Dlc & 0xF];
        }

        return n;
    }

    private static int WriteDecimal(ref byte into, long value, int minDigits)
    {
        Span<byte> tmp = stackalloc byte[20];
        int len = 0;
        do
        {
            tmp[len++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);
        while (len < minDigits)
        {
            tmp[len++] = (byte)'0';
        }

        for (int i = 0; i < len; i++)
        {
            Unsafe.Add(ref into, i) = tmp[len - 1 - i];
        }

        return len;
    }

    // candump's %010u: ten digits (more if the value needs them), two at a time from the right.
    private static int WriteSeconds(ref byte into, long value)
    {
        if ((ulong)value >= 10_000_000_000UL)
        {
            return WriteDecimal(ref into, value, 10);
        }

        ushort[] pairs = DecimalPairs;
        ulong v = (ulong)value;
        for (int i = 8; i >= 0; i -= 2)
        {
            ulong q = v / 100;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, i), pairs[v - (q * 100)]);
            v = q;
        }

        return 10;
    }

    // Exactly six digits, two at a time: the microseconds part.
    private static void WriteFixed6(ref byte into, uint value)
    {
        ushort[] pairs = DecimalPairs;
        uint hi = value / 10000;
        uint rest = value - (hi * 10000);
        uint mid = rest / 100;
        Unsafe.WriteUnaligned(ref into, pairs[hi]);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, 2), pairs[mid]);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, 4), pairs[rest - (mid * 100)]);
    }

    // The pairs are stored with one unaligned 16-bit write: first character in the first byte.
    private static ushort InMemoryOrder(ushort pair) => BitConverter.IsLittleEndian ? pair : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(pair);

    private static ushort[] BuildHexPairs()
    {
        var t = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = InMemoryOrder((ushort)(Hex[i >> 4] | (Hex[i & 0xF] << 8)));
        }

        return t;
    }

    private static ushort[] BuildDecimalPairs()
    {
        var t = new ushort[100];
        for (int i = 0; i < 100; i++)
        {
            t[i] = InMemoryOrder((ushort)(('0' + (i / 10)) | (('0' + (i % 10)) << 8)));
        }

        return t;
    }

    private static int WriteHex(ref byte into, uint value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            Unsafe.Add(ref into, i) = Hex[(int)(value & 0xF)];
            value >>= 4;
        }

        return digits;
    }

    // An error frame as the kernel writes it: CAN_ERR_FLAG and at least one class bit, so candump,
    // can-utils and python-can read it back as an error frame. Formats without a SocketCAN class
    // (ASC, BLF: id 0 or the broken frame's id) become a bus error, the class of a wire error frame.
    private static uint ErrorId(uint id)
    {
        uint classes = id & 0x1FFFFFFF;
        return 0x20000000 | (classes == 0 || (classes & ~ErrorClasses) != 0 ? BusError : classes);
    }
}
