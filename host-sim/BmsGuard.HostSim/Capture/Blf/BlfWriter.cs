using System.Buffers.Binary;
using System.IO.Compression;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// Writes Vector BLF files: classic frames as CAN_MESSAGE, CAN FD frames as CAN_FD_MESSAGE_64, error
/// frames as CAN_ERROR_EXT, each with a version-1 object header and nanosecond timestamps, packed into
/// zlib-compressed LOG_CONTAINERs of a fixed uncompressed size that objects straddle, as Vector's
/// tools and python-can do. Memory stays bounded by one container.
/// </summary>
/// <remarks>
/// The header's statistics (file size, object count, stop time) are only known at the end: on a
/// seekable stream the header is rewritten on <see cref="Dispose"/>; on a forward-only one (.blf.gz)
/// it keeps the start time and zero statistics, which readers (ours, python-can) accept.
/// Channels must be numbers ("1") or names ending in one ("can0" is channel 1).
/// </remarks>
public sealed class BlfWriter : ICaptureWriter
{
    /// <summary>Uncompressed bytes per LOG_CONTAINER unless told otherwise: 128 KiB, as Vector, vector_blf and python-can.</summary>
    public const int DefaultContainerSize = BlfFormat.DefaultContainerSize;

    private const int MaxObjectSize = BlfFormat.ObjectHeaderV1Size + BlfFormat.CanFdMessage64Fixed + CaptureFrame.MaxData;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TimeZoneInfo _zone;
    private readonly int _containerSize;
    private readonly CompressionLevel _level;
    private readonly byte[] _objects;
    private readonly byte[] _header = new byte[BlfFormat.FileHeaderSize];
    private readonly MemoryStream _compressed = new();
    private int _used;
    private bool _started;
    private long _startNanos;
    private long _stopNanos;
    private long _headerPosition = -1;
    private bool _headerWritten;
    private long _fileBytes;
    private ulong _uncompressedBytes = BlfFormat.FileHeaderSize;
    private bool _disposed;

    /// <summary>
    /// Writes to <paramref name="stream"/>; the header's start time is in <see cref="CaptureWriterOptions.TimeZone"/>
    /// (default: local, as Vector and python-can); <paramref name="containerSize"/> is the uncompressed size
    /// of each LOG_CONTAINER (default 128 KiB), compressed at <paramref name="level"/>.
    /// </summary>
    public BlfWriter(Stream stream, CaptureWriterOptions? options = null, int containerSize = DefaultContainerSize, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(containerSize, 1);
        options ??= CaptureWriterOptions.Default;
        _stream = stream;
        _leaveOpen = options.LeaveOpen;
        _zone = options.TimeZone ?? TimeZoneInfo.Local;
        _containerSize = containerSize;
        _level = level;
        _objects = new byte[containerSize + MaxObjectSize];
    }

    /// <summary>Frames written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one frame; throws <see cref="CaptureFormatException"/> for a frame BLF cannot hold.</summary>
    public void Write(CaptureFrame frame)
    {
        if (!ChannelNames.TryGetNumber(frame.Channel, out int channel))
        {
            throw Error($"channel '{frame.Channel}' has no number (BLF numbers channels: use 1, 2, ... or can0, can1, ...)");
        }

        if (!_started)
        {
            _startNanos = BlfSystemTime.ChooseStart(frame.TimestampNanos, _zone);
            _started = true;
        }

        long offset = frame.TimestampNanos - _startNanos;
        if (offset < 0)
        {
            throw Error($"frame at {frame.TimestampNanos} ns is earlier than the file start at {_startNanos} ns (BLF times count from the first frame; sort the capture)");
        }

        Span<byte> obj = _objects.AsSpan(_used);
        string? error = BlfFrameCodec.Encode(frame, channel, obj[BlfFormat.ObjectHeaderV1Size..], out uint type, out int payload);
        if (error != null)
        {
            throw Error(error);
        }

        uint size = (uint)(BlfFormat.ObjectHeaderV1Size + payload);
        BinaryPrimitives.WriteUInt32LittleEndian(obj, BlfFormat.ObjectSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(obj[4..], BlfFormat.ObjectHeaderV1Size);
        BinaryPrimitives.WriteUInt16LittleEndian(obj[6..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(obj[8..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(obj[12..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(obj[16..], BlfFormat.TimeOneNanos);
        BinaryPrimitives.WriteUInt32LittleEndian(obj[20..], 0); // client index, object version
        BinaryPrimitives.WriteUInt64LittleEndian(obj[24..], (ulong)offset);
        _used += (int)size + BlfFormat.Padding(type, size);
        _stopNanos = Math.Max(_stopNanos, frame.TimestampNanos);
        Count++;

        // Full containers go out at exactly the container size; the object that crosses the
        // boundary continues in the next one.
        while (_used >= _containerSize)
        {
            WriteContainer(_objects.AsSpan(0, _containerSize));
            _used -= _containerSize;
            Buffer.BlockCopy(_objects, _containerSize, _objects, 0, _used);
        }
    }

    /// <summary>Writes the last container and the final header, and closes the stream unless left open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_used > 0)
            {
                WriteContainer(_objects.AsSpan(0, _used));
                _used = 0;
            }

            WriteHeaderOnce();
            if (_headerPosition >= 0)
            {
                long end = _stream.Position;
                _stream.Position = _headerPosition;
                Header(final: true).Write(_header, _zone);
                _stream.Write(_header);
                _stream.Position = end;
            }

            _stream.Flush();
        }
        finally
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void WriteContainer(ReadOnlySpan<byte> data)
    {
        WriteHeaderOnce();
        _compressed.SetLength(0);
        using (var zlib = new ZLibStream(_compressed, _level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        uint size = (uint)(BlfFormat.ContainerHeaderSize + _compressed.Length);
        Span<byte> h = stackalloc byte[BlfFormat.ContainerHeaderSize + 3];
        h.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(h, BlfFormat.ObjectSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], BlfFormat.ObjectBaseSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], BlfFormat.LogContainer);
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], BlfFormat.ZlibDeflate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)data.Length);
        _stream.Write(h[..BlfFormat.ContainerHeaderSize]);
        _stream.Write(_compressed.GetBuffer(), 0, (int)_compressed.Length);
        int padding = BlfFormat.Padding(BlfFormat.LogContainer, size);
        _stream.Write(h.Slice(BlfFormat.ContainerHeaderSize, padding));
        _fileBytes += size + padding;
        _uncompressedBytes += (ulong)(BlfFormat.ContainerHeaderSize + data.Length);
    }

    // The header goes out before the first container, once the start time is known.
    private void WriteHeaderOnce()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        if (_stream.CanSeek)
        {
            _headerPosition = _stream.Position;
        }

        Header(final: false).Write(_header, _zone);
        _stream.Write(_header);
        _fileBytes += BlfFormat.FileHeaderSize;
    }

    private BlfFileHeader Header(bool final)
    {
        long stop = _startNanos == 0 ? 0 : _stopNanos - (_stopNanos % 1_000_000);
        return final
            ? new BlfFileHeader(BlfFormat.FileHeaderSize, (ulong)_fileBytes, _uncompressedBytes, (uint)Count, _startNanos, stop)
            : new BlfFileHeader(BlfFormat.FileHeaderSize, 0, 0, 0, _startNanos, 0);
    }

    private CaptureFormatException Error(string reason) => new("BLF output", Count + 1, $"frame {Count + 1}: {reason}");
}
