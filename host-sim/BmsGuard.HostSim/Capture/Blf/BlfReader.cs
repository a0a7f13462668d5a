using System.Buffers.Binary;

namespace BmsGuard.HostSim.Capture.Blf;

/// <summary>
/// Streaming reader for Vector BLF files in constant memory over a forward-only stream (a .blf.gz
/// works): decompresses one LOG_CONTAINER at a time and reads CAN_MESSAGE, CAN_MESSAGE2,
/// CAN_ERROR_EXT, CAN_FD_MESSAGE and CAN_FD_MESSAGE_64 objects, skipping other object types by their
/// size. Malformed or truncated input stops the read with a <see cref="CaptureFormatException"/>
/// naming the byte offset and the reason. What Vector's tools and python-can's test files hold but
/// the format does not foresee (CAN_FD_MESSAGE_64 objects shorter than their valid data bytes, DLC
/// fields above 15, an 11-bit id above 7FF) is read as python-can reads it, with a warning.
/// </summary>
/// <remarks>
/// Timestamps are the file header's start time (SYSTEMTIME, local time in <c>timeZone</c>, as
/// python-can reads it) plus each object's time in its unit (10 µs or 1 ns), in integer
/// nanoseconds. Channels are the object's channel number as a decimal string ("1").
/// <see cref="Line"/> is the byte offset of the last object in the uncompressed object stream (the
/// containers' contents end to end); file-level errors name file offsets.
/// </remarks>
public sealed class BlfReader : ICaptureReader
{
    private readonly CaptureWarnings _warnings;
    private const int MaxPadding = 3;
    private readonly BlfContainerInput _input;
    private readonly string _source;
    private readonly byte[] _buffer;
    private string?[] _channels = new string?[16];
    private int _pos;
    private int _end;
    private long _bufferStart;
    private bool _eof;
    private bool _started;

    /// <summary>
    /// Reads from <paramref name="stream"/>; <paramref name="source"/> names it in errors;
    /// <paramref name="timeZone"/> is the zone of the header's start time (default: local).
    /// </summary>
    public BlfReader(Stream stream, string source, bool leaveOpen = false, TimeZoneInfo? timeZone = null, int bufferSize = 1 << 16, CaptureWarnings? warnings = null)
    {
        _warnings = warnings ?? new CaptureWarnings();
        _source = source;
        _input = new BlfContainerInput(stream, source, leaveOpen, timeZone ?? TimeZoneInfo.Local);
        _buffer = new byte[Math.Max(bufferSize, 512)];
    }

    /// <summary>Byte offset of the last object read, in the uncompressed object stream.</summary>
    public long Line { get; private set; }

    /// <summary>Bytes of the file consumed so far (for progress).</summary>
    public long BytesConsumed => _input.FileOffset;

    /// <summary>Reads the next CAN frame into <paramref name="frame"/>; false at the end of the file.</summary>
    public bool Read(CaptureFrame frame)
    {
        if (!_started)
        {
            // Lazily, so a bad header is reported where read errors are handled, not at open.
            _input.ReadHeader();
            _started = true;
        }

        while (SkipPadding())
        {
            long at = _bufferStart + _pos;
            if (!Ensure(BlfFormat.ObjectBaseSize))
            {
                throw Error(at, "the object stream ends inside this object's header (truncated file)");
            }

            ReadOnlySpan<byte> b = _buffer.AsSpan(_pos);
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(b);
            int headerSize = BinaryPrimitives.ReadUInt16LittleEndian(b[4..]);
            int version = BinaryPrimitives.ReadUInt16LittleEndian(b[6..]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
            if (signature != BlfFormat.ObjectSignature)
            {
                throw Error(at, $"object signature {BlfFormat.Show(signature)}, expected 'LOBJ'");
            }

            if (size < BlfFormat.ObjectBaseSize)
            {
                throw Error(at, $"object size {size} is smaller than the {BlfFormat.ObjectBaseSize}-byte object header");
            }

            long padded = size + BlfFormat.Padding(type, size);
            if (!BlfFormat.IsCan(type))
            {
                Skip(at, padded);
                continue;
            }

            Line = at;
            int payload = DecodeCan(at, type, headerSize, version, size, frame);
            Skip(at, padded - payload);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _input.Dispose();

    // Decodes the CAN object at _pos into the frame; returns the bytes it consumed.
    private int DecodeCan(long at, uint type, int headerSize, int version, uint size, CaptureFrame frame)
    {
        int expectedHeader = version switch
        {
            1 => BlfFormat.ObjectHeaderV1Size,
            2 => BlfFormat.ObjectHeaderV2Size,
            _ => throw Error(at, $"{BlfFormat.TypeName(type)} with object header version {version} (known: 1, 2)"),
        };
        if (headerSize != expectedHeader)
        {
            throw Error(at, $"{BlfFormat.TypeName(type)} header size {headerSize} does not match header version {version} ({expectedHeader} bytes)");
        }

        int needed = headerSize + BlfFrameCodec.Needed(type);
        if (type == BlfFormat.CanFdMessage64)
        {
            // The data length is inside the fixed part: read that first. Vector's tools write only
            // the data bytes present (object size 120 for 48 of 64 valid bytes), and an extended
            // data part may follow them (its offset in byte 35): the data ends at whichever is first.
            RequireSize(at, type, size, needed);
            var fixedPart = _buffer.AsSpan(_pos + headerSize, BlfFormat.CanFdMessage64Fixed);
            int valid = fixedPart[2];
            int dataEnd = fixedPart[35] != 0 && fixedPart[35] <= size ? fixedPart[35] : (int)size;
            int present = Math.Clamp(dataEnd - needed, 0, valid);
            if (present < valid)
            {
                Warn(at, "BLF short CAN FD object", $"CAN_FD_MESSAGE_64 object size {size} holds {present} of its {valid} valid data bytes: the other {valid - present} read as zeros, as CANoe does");
            }

            needed += present;
        }

        RequireSize(at, type, size, needed);
        ReadOnlySpan<byte> obj = _buffer.AsSpan(_pos, needed);
        string? error = BlfFrameCodec.Decode(type, obj[headerSize..], frame, out int channel, out string? warning);
        if (error != null)
        {
            throw Error(at, error);
        }

        if (warning != null)
        {
            Warn(at, "BLF " + BlfFormat.TypeName(type), warning);
        }

        // Header versions 1 and 2 both keep the flags at 16 and the timestamp at 24.
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(obj[16..]);
        ulong ticks = BinaryPrimitives.ReadUInt64LittleEndian(obj[24..]);

        // Bit tests, not equality (python-can takes anything but exactly 1 as nanoseconds): other
        // bits are not defined, but without a unit bit the time cannot be read.
        long unit = (flags & BlfFormat.TimeOneNanos) != 0 ? 1
            : (flags & BlfFormat.TimeTenMicros) != 0 ? 10_000
            : throw Error(at, $"{BlfFormat.TypeName(type)} with timestamp flags 0x{flags:X} (known: 1 = 10 µs, 2 = 1 ns)");
        long start = _input.Header.StartNanos;
        if (ticks > (ulong)((long.MaxValue - start) / unit))
        {
            throw Error(at, $"timestamp {ticks} out of range");
        }

        frame.TimestampNanos = start + ((long)ticks * unit);
        frame.Channel = ChannelName(channel);
        _pos += needed;
        return needed;
    }

    private void RequireSize(long at, uint type, uint size, int needed)
    {
        if (size < needed)
        {
            throw Error(at, $"{BlfFormat.TypeName(type)} object size {size} is too small: its fields need {needed} bytes");
        }

        if (!Ensure(needed))
        {
            throw Error(at, $"the object stream ends inside this object ({size} bytes; truncated file)");
        }
    }

    // Zero bytes between objects: padding a writer added where vector_blf's table expects none
    // (python-can finds the next "LOBJ" within a few bytes, we accept up to 3 zeros). False at the end.
    private bool SkipPadding()
    {
        for (int i = 0; ; i++)
        {
            if (!Ensure(1))
            {
                return false;
            }

            if (_buffer[_pos] != 0 || i == MaxPadding)
            {
                return true;
            }

            _pos++;
        }
    }

    // Makes n bytes available from _pos; false when the object stream ends first.
    private bool Ensure(int n)
    {
        if (_end - _pos >= n)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
        _bufferStart += _pos;
        _end -= _pos;
        _pos = 0;
        while (_end < n)
        {
            int read = _input.Read(_buffer.AsSpan(_end));
            if (read == 0)
            {
                _eof = true;
                return false;
            }

            _end += read;
        }

        return true;
    }

    // Consumes `count` more bytes of the object at `at` (possibly beyond the buffer).
    private void Skip(long at, long count)
    {
        long inBuffer = _end - _pos;
        if (count <= inBuffer)
        {
            _pos += (int)count;
            return;
        }

        count -= inBuffer;
        _bufferStart += _end;
        _pos = _end = 0;
        while (count > 0)
        {
            int read = _eof ? 0 : _input.Read(_buffer.AsSpan(0, (int)Math.Min(_buffer.Length, count)));
            if (read == 0)
            {
                _eof = true;
                throw Error(at, $"the object stream ends {count} bytes before the end of this object (truncated file)");
            }

            _bufferStart += read;
            count -= read;
        }
    }

    private string ChannelName(int number)
    {
        if (number >= _channels.Length)
        {
            Array.Resize(ref _channels, Math.Max(number + 1, _channels.Length * 2));
        }

        return _channels[number] ??= ChannelNames.FromNumber(number);
    }

    private void Warn(long at, string kind, string reason) =>
        _warnings.AtByteOffset(_source, at, kind, $"{reason} [offset in the uncompressed object stream; reading the LOG_CONTAINER at file byte offset {_input.ContainerOffset}]");

    // Offsets inside containers count the uncompressed object stream; the container's file offset
    // tells where to look in the file itself.
    private CaptureFormatException Error(long at, string reason) =>
        CaptureFormatException.AtByteOffset(_source, at, $"{reason} [offset in the uncompressed object stream; reading the LOG_CONTAINER at file byte offset {_input.ContainerOffset}]");
}
