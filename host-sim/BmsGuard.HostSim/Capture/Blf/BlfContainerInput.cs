using System.Buffers.Binary;
using System.IO.Compression;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// The file level of a BLF: reads the header and the LOG_CONTAINERs from a forward-only stream and
/// hands out the containers' uncompressed bytes as one continuous object stream. Decompresses as it
/// goes (constant memory whatever a container claims) and checks every container's size.
/// </summary>
internal sealed class BlfContainerInput : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _source;
    private readonly TimeZoneInfo _zone;
    private readonly BlfInputStream _input;
    private readonly byte[] _scratch = new byte[4096];
    private Stream? _data;
    private ZLibStream? _zlib;
    private long _expected;
    private long _remaining;
    private uint _containerSize;
    private bool _ended;

    public BlfContainerInput(Stream stream, string source, bool leaveOpen, TimeZoneInfo zone)
    {
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
        _zone = zone;
        _input = new BlfInputStream(stream, Error);
    }

    /// <summary>The file header, once <see cref="ReadHeader"/> has run.</summary>
    public BlfFileHeader Header { get; private set; }

    /// <summary>File offset of the LOG_CONTAINER being read (-1 before the first).</summary>
    public long ContainerOffset { get; private set; } = -1;

    /// <summary>File bytes consumed so far.</summary>
    public long FileOffset => _input.Offset;

    /// <summary>Reads and checks the file header.</summary>
    public void ReadHeader()
    {
        Span<byte> fields = _scratch.AsSpan(0, BlfFormat.FileHeaderFieldsSize);
        int n = _input.ReadFull(fields);
        if (n < fields.Length)
        {
            throw Error(n, n == 0 ? "empty file, not a BLF file" : $"file ends inside the {BlfFormat.FileHeaderSize}-byte BLF file header (truncated file)");
        }

        var header = BlfFileHeader.Parse(fields, _zone, out var error) ?? throw Error(error.Offset, error.Reason);
        long rest = header.HeaderSize - BlfFormat.FileHeaderFieldsSize;
        if (_input.Skip(rest, _scratch) < rest)
        {
            throw Error(_input.Offset, "file ends inside the BLF file header (truncated file)");
        }

        Header = header;
    }

    /// <summary>Reads uncompressed object bytes into <paramref name="into"/>; 0 at the end of the file.</summary>
    public int Read(Span<byte> into)
    {
        while (true)
        {
            if (_remaining > 0)
            {
                int n = ReadData(into.Length > _remaining ? into[..(int)_remaining] : into);
                _remaining -= n;
                return n;
            }

            if (_data != null)
            {
                EndContainer();
            }

            if (_ended || !NextContainer())
            {
                return 0;
            }
        }
    }

    public void Dispose()
    {
        _zlib?.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private int ReadData(Span<byte> into)
    {
        int n;
        try
        {
            n = _data!.Read(into);
        }

        // zlib reports some corruptions (a preset dictionary, a bad stream state) as ZLibException, an IOException.
        catch (Exception e) when (e is InvalidDataException or IOException && !_input.InnerCorrupt)
        {
            throw Error(ContainerOffset, CorruptZlib);
        }

        if (n == 0)
        {
            throw Error(ContainerOffset, $"the LOG_CONTAINER's data ends after {_expected - _remaining} bytes, its header says {_expected}");
        }

        return n;
    }

    private void EndContainer()
    {
        if (_zlib != null)
        {
            // Read past the expected end: makes zlib check its Adler-32 and shows surplus data.
            int extra;
            try
            {
                extra = _zlib.Read(_scratch.AsSpan(0, 1));
            }
            catch (Exception e) when (e is InvalidDataException or IOException && !_input.InnerCorrupt)
            {
                throw Error(ContainerOffset, CorruptZlib);
            }

            if (extra != 0)
            {
                throw Error(ContainerOffset, $"the LOG_CONTAINER decompresses to more than the {_expected} bytes its header says");
            }

            _zlib.Dispose();
            _zlib = null;
        }

        // Bytes after the end of the zlib stream belong to the container; skipping them reads the
        // file up to the container's end, or reports where it was cut short.
        _input.Skip(_input.Remaining, _scratch);
        _input.Unlimit();
        _data = null;

        // The padding may be missing after the last container; a cut anywhere else shows up as a
        // bad signature or in the file size check.
        _input.Skip(BlfFormat.Padding(BlfFormat.LogContainer, _containerSize), _scratch);
    }

    private bool NextContainer()
    {
        Span<byte> b = _scratch.AsSpan(0, BlfFormat.ContainerHeaderSize);
        while (true)
        {
            long at = _input.Offset;
            int n = _input.ReadFull(b[..BlfFormat.ObjectBaseSize]);
            if (n == 0)
            {
                CheckEnd(at);
                _ended = true;
                return false;
            }

            if (n < BlfFormat.ObjectBaseSize)
            {
                throw Error(at, $"file ends {n} bytes into an object header (truncated file)");
            }

            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(b);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
            if (signature != BlfFormat.ObjectSignature)
            {
                throw Error(at, $"object signature {BlfFormat.Show(signature)}, expected 'LOBJ'");
            }

            if (type != BlfFormat.LogContainer)
            {
                SkipTopLevelObject(at, size, type);
                continue;
            }

            if (size < BlfFormat.ContainerHeaderSize)
            {
                throw Error(at, $"LOG_CONTAINER object size {size} is smaller than its {BlfFormat.ContainerHeaderSize}-byte header");
            }

            _input.LimitTo(at + size, at);
            _input.ReadFull(b[BlfFormat.ObjectBaseSize..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(b[16..]);
            uint uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(b[24..]);
            ContainerOffset = at;
            _containerSize = size;
            switch (method)
            {
                case BlfFormat.NoCompression:
                    // Stored as is: the payload is the rest of the object, whatever the size field says.
                    _data = _input;
                    _expected = size - BlfFormat.ContainerHeaderSize;
                    break;
                case BlfFormat.ZlibDeflate:
                    _zlib = new ZLibStream(_input, CompressionMode.Decompress, leaveOpen: true);
                    _data = _zlib;
                    _expected = uncompressed;
                    break;
                default:
                    throw Error(at, $"LOG_CONTAINER compression method {method} is unknown (0 none, 2 zlib)");
            }

            _remaining = _expected;
            return true;
        }
    }

    // Vector writes only LOG_CONTAINERs at file level; python-can skips anything else there. We skip
    // it too, except a CAN object: skipping that would lose a frame without a word.
    private void SkipTopLevelObject(long at, uint size, uint type)
    {
        if (BlfFormat.IsCan(type))
        {
            throw Error(at, $"{BlfFormat.TypeName(type)} outside a LOG_CONTAINER is not supported");
        }

        if (size < BlfFormat.ObjectBaseSize)
        {
            throw Error(at, $"object size {size} is smaller than the {BlfFormat.ObjectBaseSize}-byte object header");
        }

        long rest = size - BlfFormat.ObjectBaseSize + BlfFormat.Padding(type, size);
        if (_input.Skip(rest, _scratch) < rest)
        {
            throw Error(_input.Offset, $"file ends inside the {BlfFormat.TypeName(type)} at byte offset {at}, which claims {size} bytes (truncated file)");
        }
    }

    // A file cut exactly between two containers looks complete; the header's file size tells.
    private void CheckEnd(long at)
    {
        if (Header.FileSize != 0 && (ulong)at < Header.FileSize)
        {
            throw Error(at, $"file ends here, but its header says it is {Header.FileSize} bytes long (truncated file)");
        }
    }

    // .NET reports every inflate failure (bad header, bad block, wrong Adler-32) with one generic
    // message about "an unsupported compression method", which would mislead here.
    private const string CorruptZlib = "the LOG_CONTAINER's zlib data is corrupt (inflate failed or its checksum does not match)";

    private CaptureFormatException Error(long offset, string reason) => CaptureFormatException.AtByteOffset(_source, offset, reason);
}
