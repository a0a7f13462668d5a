namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// Layout of Vector's Binary Logging Format (no public specification): structures as python-can 4.1
/// (can/io/blf.py) and Toby Lorenz's vector_blf read and write them. All integers are little-endian.
/// </summary>
/// <remarks>
/// A file is a 144-byte header (signature "LOGG", statistics, start and stop time) followed by
/// objects. Each object starts with a 16-byte base header (signature "LOBJ", header size, header
/// version, object size, object type). At file level the objects are LOG_CONTAINERs whose payload,
/// usually zlib-compressed, is a slice of one continuous stream of further objects: an object may
/// start in one container and end in the next.
/// </remarks>
internal static class BlfFormat
{
    /// <summary>"LOGG" read as a little-endian 32-bit integer.</summary>
    public const uint FileSignature = 0x47474F4C;

    /// <summary>"LOBJ" read as a little-endian 32-bit integer.</summary>
    public const uint ObjectSignature = 0x4A424F4C;

    /// <summary>Size of the file header Vector's tools and python-can write.</summary>
    public const int FileHeaderSize = 144;

    /// <summary>The header fields we read: signature up to the stop time; the rest is reserved.</summary>
    public const int FileHeaderFieldsSize = 72;

    /// <summary>Signature, header size, header version, object size, object type.</summary>
    public const int ObjectBaseSize = 16;

    /// <summary>Base header + flags, client index, object version, 64-bit timestamp.</summary>
    public const int ObjectHeaderV1Size = 32;

    /// <summary>Base header + flags, timestamp status, object version, timestamp, original timestamp.</summary>
    public const int ObjectHeaderV2Size = 40;

    /// <summary>Base header + compression method, reserved, uncompressed size, reserved.</summary>
    public const int ContainerHeaderSize = 32;

    /// <summary>Uncompressed bytes per LOG_CONTAINER that Vector, vector_blf and python-can use.</summary>
    public const int DefaultContainerSize = 128 * 1024;

    public const uint CanMessage = 1;
    public const uint LogContainer = 10;
    public const uint CanErrorExt = 73;
    public const uint CanMessage2 = 86;
    public const uint CanFdMessage = 100;
    public const uint CanFdMessage64 = 101;

    public const ushort NoCompression = 0;
    public const ushort ZlibDeflate = 2;

    /// <summary>Object header flag: timestamp counts 10 µs ticks.</summary>
    public const uint TimeTenMicros = 1;

    /// <summary>Object header flag: timestamp counts nanoseconds.</summary>
    public const uint TimeOneNanos = 2;

    /// <summary>Bit 31 of every CAN object's id field: 29-bit identifier.</summary>
    public const uint ExtendedId = 0x80000000;

    /// <summary>CAN_MESSAGE / CAN_FD_MESSAGE flags byte: remote frame.</summary>
    public const byte RemoteFlag = 0x80;

    /// <summary>CAN_MESSAGE/CAN_FD_MESSAGE flags: the frame was sent (Tx) by the logging node.</summary>
    public const byte TransmitFlag = 0x01;

    // CAN_FD_MESSAGE fdFlags byte.
    public const byte FdEdl = 0x01;
    public const byte FdBrs = 0x02;
    public const byte FdEsi = 0x04;

    // CAN_FD_MESSAGE_64 32-bit flags.
    public const uint Fd64Remote = 0x0010;
    public const uint Fd64Edl = 0x1000;
    public const uint Fd64Brs = 0x2000;
    public const uint Fd64Esi = 0x4000;

    // Payload sizes after the object header (the part of each object we read or write).
    public const int CanMessagePayload = 16;
    public const int CanErrorExtPayload = 32;
    public const int CanFdMessagePayload = 84;
    public const int CanFdMessage64Fixed = 40;

    private static readonly byte[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    /// <summary>True for the object types that carry CAN frames.</summary>
    public static bool IsCan(uint type) =>
        type is CanMessage or CanMessage2 or CanErrorExt or CanFdMessage or CanFdMessage64;

    /// <summary>A readable name for an object type, for error messages.</summary>
    public static string TypeName(uint type) => type switch
    {
        CanMessage => "CAN_MESSAGE",
        CanMessage2 => "CAN_MESSAGE2",
        CanErrorExt => "CAN_ERROR_EXT",
        CanFdMessage => "CAN_FD_MESSAGE",
        CanFdMessage64 => "CAN_FD_MESSAGE_64",
        LogContainer => "LOG_CONTAINER",
        _ => $"object type {type}",
    };

    /// <summary>
    /// Bytes of padding after an object: objectSize % 4 for the types vector_blf's author measured
    /// in Vector's files (variable-length objects such as text, Ethernet, MOST, markers and the
    /// containers themselves), none for the others, CAN_FD_MESSAGE_64 included.
    /// </summary>
    public static int Padding(uint type, uint objectSize) => type switch
    {
        >= 6 and <= 10 or 32 or 33 or 65 or 69 or 71 or 72 or (>= 76 and <= 81) or (>= 83 and <= 85)
            or 90 or 92 or 93 or 96 or 97 or 102 => (int)(objectSize % 4),
        _ => 0,
    };

    /// <summary>Payload length for a CAN FD DLC 0..15.</summary>
    public static int FdLength(int dlc) => FdLengths[dlc];

    /// <summary>The DLC for a CAN FD payload length, or -1 when no DLC gives that length.</summary>
    public static int FdDlc(int length) => length <= 8 ? length : Array.IndexOf(FdLengths, (byte)length);

    /// <summary>"LOBJ"-style text of a signature for error messages, hex when not printable.</summary>
    public static string Show(uint signature)
    {
        Span<char> c = stackalloc char[4];
        for (int i = 0; i < 4; i++)
        {
            byte b = (byte)(signature >> (8 * i));
            if (b < 0x20 || b > 0x7E)
            {
                return $"0x{System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(signature):X8}";
            }

            c[i] = (char)b;
        }

        return $"'{c}'";
    }
}
