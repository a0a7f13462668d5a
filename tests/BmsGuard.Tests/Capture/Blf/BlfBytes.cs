using System.Buffers.Binary;
using System.IO.Compression;

namespace BmsGuard.Tests.Capture.Blf;

/// <summary>
/// Hand-built BLF bytes, independent of our writer, for object kinds it does not write and for
/// corruptions. Layouts as in python-can's can/io/blf.py.
/// </summary>
internal static class BlfBytes
{
    public const int HeaderSize = 144;

    /// <summary>2026-01-01 00:00:00.000 as SYSTEMTIME (a Thursday), read as UTC in these tests.</summary>
    public static readonly ushort[] Start2026 = [2026, 1, 4, 1, 0, 0, 0, 0];

    public static byte[] FileHeader(ulong fileSize = 0, ushort[]? start = null)
    {
        var h = new byte[HeaderSize];
        "LOGG"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(h.AsSpan(16), fileSize);
        var st = start ?? Start2026;
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(40 + (2 * i)), st[i]);
        }

        return h;
    }

    /// <summary>An object with a version 1 (32-byte) or 2 (40-byte) header and the given payload, unpadded.</summary>
    public static byte[] Object(uint type, byte[] payload, ulong ticks, uint flags = 2, int version = 1)
    {
        int hs = version == 2 ? 40 : 32;
        var o = new byte[hs + payload.Length];
        "LOBJ"u8.CopyTo(o);
        BinaryPrimitives.WriteUInt16LittleEndian(o.AsSpan(4), (ushort)hs);
        BinaryPrimitives.WriteUInt16LittleEndian(o.AsSpan(6), (ushort)version);
        BinaryPrimitives.WriteUInt32LittleEndian(o.AsSpan(8), (uint)o.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(o.AsSpan(12), type);
        BinaryPrimitives.WriteUInt32LittleEndian(o.AsSpan(16), flags);
        BinaryPrimitives.WriteUInt64LittleEndian(o.AsSpan(24), ticks);
        payload.CopyTo(o, hs);
        return o;
    }

    /// <summary>CAN_MESSAGE / CAN_MESSAGE2 payload (the latter has 8 more bytes of frame length and bit count).</summary>
    public static byte[] CanMessage(int channel, uint id, byte dlc, byte[] data, bool remote = false, bool message2 = false)
    {
        var p = new byte[message2 ? 24 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)channel);
        p[2] = remote ? (byte)0x80 : (byte)0;
        p[3] = dlc;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), id);
        data.CopyTo(p, 8);
        return p;
    }

    /// <summary>CAN_FD_MESSAGE (type 100) payload as Vector writes it: 84 bytes + 4 reserved.</summary>
    public static byte[] CanFdMessage(int channel, uint id, byte dlc, byte fdFlags, byte[] data, byte flags = 0)
    {
        var p = new byte[88];
        BinaryPrimitives.WriteUInt16LittleEndian(p, (ushort)channel);
        p[2] = flags;
        p[3] = dlc;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), id);
        p[13] = fdFlags;
        p[14] = (byte)data.Length;
        data.CopyTo(p, 20);
        return p;
    }

    /// <summary>CAN_FD_MESSAGE_64 payload: 40 fixed bytes then the data.</summary>
    public static byte[] CanFdMessage64(int channel, uint id, byte dlc, uint flags, byte[] data)
    {
        var p = new byte[40 + data.Length];
        p[0] = (byte)channel;
        p[1] = dlc;
        p[2] = (byte)data.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), id);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), flags);
        data.CopyTo(p, 40);
        return p;
    }

    /// <summary>A LOG_CONTAINER holding <paramref name="data"/>, zlib-compressed or stored, padded by its size % 4.</summary>
    public static byte[] Container(byte[] data, bool compress = true)
    {
        byte[] body = data;
        if (compress)
        {
            var ms = new MemoryStream();
            using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(data);
            }

            body = ms.ToArray();
        }

        int size = 32 + body.Length;
        var c = new byte[size + (size % 4)];
        "LOBJ"u8.CopyTo(c);
        BinaryPrimitives.WriteUInt16LittleEndian(c.AsSpan(4), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(c.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(8), (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(12), 10);
        BinaryPrimitives.WriteUInt16LittleEndian(c.AsSpan(16), (ushort)(compress ? 2 : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(24), (uint)data.Length);
        body.CopyTo(c, 32);
        return c;
    }

    /// <summary>A file: header (with the right file size) and the given top-level objects.</summary>
    public static byte[] File(params byte[][] objects)
    {
        long size = HeaderSize + objects.Sum(o => (long)o.Length);
        return [.. FileHeader((ulong)size), .. objects.SelectMany(o => o)];
    }

    /// <summary>File offsets and sizes of the top-level objects (containers) of a BLF file.</summary>
    public static List<(int Offset, int Size)> TopLevel(byte[] blf)
    {
        var list = new List<(int, int)>();
        int at = (int)BinaryPrimitives.ReadUInt32LittleEndian(blf.AsSpan(4));
        while (at + 16 <= blf.Length)
        {
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(blf.AsSpan(at + 8));
            list.Add((at, size));
            at += size + (size % 4);
        }

        return list;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
