using System.Buffers.Binary;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// The BLF file header ("file statistics"): signature "LOGG", header size, application and BLF
/// versions, file size, uncompressed size, object counts, start and stop time.
/// </summary>
internal readonly record struct BlfFileHeader(int HeaderSize, ulong FileSize, ulong UncompressedSize, uint ObjectCount, long StartNanos, long StopNanos)
{
    // Offsets of the fields in the header.
    private const int HeaderSizeAt = 4;
    private const int ApplicationAt = 8;
    private const int FileSizeAt = 16;
    private const int UncompressedSizeAt = 24;
    private const int ObjectCountAt = 32;
    private const int StartAt = 40;
    private const int StopAt = 56;

    /// <summary>
    /// Parses the first <see cref="BlfFormat.FileHeaderFieldsSize"/> bytes; on malformed input
    /// returns null with the offset and reason in <paramref name="error"/>.
    /// </summary>
    public static BlfFileHeader? Parse(ReadOnlySpan<byte> b, TimeZoneInfo zone, out (long Offset, string Reason) error)
    {
        error = default;
        uint signature = BinaryPrimitives.ReadUInt32LittleEndian(b);
        if (signature != BlfFormat.FileSignature)
        {
            error = (0, $"not a BLF file: signature {BlfFormat.Show(signature)}, expected 'LOGG'");
            return null;
        }

        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(b[HeaderSizeAt..]);
        if (headerSize < BlfFormat.FileHeaderFieldsSize || headerSize > 1 << 20)
        {
            error = (HeaderSizeAt, $"file header size {headerSize} is not plausible (Vector writes {BlfFormat.FileHeaderSize})");
            return null;
        }

        if (!BlfSystemTime.TryRead(b[StartAt..], zone, out long start))
        {
            error = (StartAt, "the start time (SYSTEMTIME) is not a valid date");
            return null;
        }

        // The stop time is informational only; an invalid one does not stop the read.
        long stop = BlfSystemTime.TryRead(b[StopAt..], zone, out long s) ? s : 0;
        return new BlfFileHeader(
            (int)headerSize,
            BinaryPrimitives.ReadUInt64LittleEndian(b[FileSizeAt..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[UncompressedSizeAt..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[ObjectCountAt..]),
            start,
            stop);
    }

    /// <summary>Writes this header as <see cref="BlfFormat.FileHeaderSize"/> bytes.</summary>
    public void Write(Span<byte> into, TimeZoneInfo zone)
    {
        into[..BlfFormat.FileHeaderSize].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(into, BlfFormat.FileSignature);
        BinaryPrimitives.WriteUInt32LittleEndian(into[HeaderSizeAt..], BlfFormat.FileHeaderSize);

        // Application 5 (CANape) and BLF version 2.6.8.1, as python-can writes: values Vector's
        // readers are known to accept.
        ReadOnlySpan<byte> versions = [5, 0, 0, 0, 2, 6, 8, 1];
        versions.CopyTo(into[ApplicationAt..]);
        BinaryPrimitives.WriteUInt64LittleEndian(into[FileSizeAt..], FileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(into[UncompressedSizeAt..], UncompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(into[ObjectCountAt..], ObjectCount);
        BlfSystemTime.Write(into[StartAt..], StartNanos, zone);
        BlfSystemTime.Write(into[StopAt..], StopNanos, zone);
    }
}
