namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// One telemetry payload under construction: many sanitized samples (or identifier pseudonyms) encoded
    /// into a buffer allocated once, so adding a record allocates nothing. Byte layout, integers little-endian:
    /// <code>
    ///  0  1  format version (1)
    ///  1  1  kind: 1 = samples, 2 = identifier pseudonyms
    ///  2  4  policy version (u32) the signal and identifier indexes refer to
    ///  6  8  base time: the first record's time, unix milliseconds (u64)
    /// 14  2  record count (u16)
    /// 16  ..  records, back to back, exactly that many, nothing after them
    /// sample record:     signal index (u8), time delta (varint, zigzag), value units (varint, zigzag)
    /// identifier record: identifier index (u8), time delta (varint, zigzag), length L (u8, 1..32), L bytes of pseudonym
    /// </code>
    /// A varint is LEB128: 7 bits a byte, least significant group first, high bit set on every byte but the
    /// last (at most 10 bytes for 64 bits). Zigzag maps n to (n &lt;&lt; 1) ^ (n &gt;&gt; 63), so small negative values
    /// stay short. The time delta is milliseconds since the previous record (the first record's is 0) and lies
    /// in [<see cref="MinDeltaMillis"/>, <see cref="MaxDeltaMillis"/>]: signed, because the sanitizer emits
    /// window ends and delayed samples with times earlier than samples already emitted. A value is in units of
    /// 10^-Decimals of its signal, as <see cref="ITelemetrySink.Sample"/> gives it.
    /// </summary>
    public sealed class TelemetryBatch
    {
        /// <summary>Format version this firmware writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>Kind byte of a sample payload.</summary>
        public const int SampleKind = 1;

        /// <summary>Kind byte of an identifier payload.</summary>
        public const int IdentifierKind = 2;

        /// <summary>Bytes before the first record.</summary>
        public const int HeaderSize = 16;

        /// <summary>Smallest payload size accepted: the header and the largest record fit.</summary>
        public const int MinPayloadBytes = 64;

        /// <summary>Largest payload size accepted.</summary>
        public const int MaxPayloadBytes = 65535;

        /// <summary>Most records a payload carries (the count is a u16).</summary>
        public const int MaxRecords = 65535;

        /// <summary>Largest time step between records; a larger gap starts a new payload.</summary>
        public const long MaxDeltaMillis = 2147483647;

        /// <summary>Largest step back in time between records; a larger one starts a new payload.</summary>
        public const long MinDeltaMillis = -2147483648;

        /// <summary>Longest pseudonym in an identifier record.</summary>
        public const int MaxPseudonymBytes = 32;

        /// <summary><see cref="AddSample"/>/<see cref="AddIdentifier"/>: the record was added.</summary>
        public const int Added = 0;

        /// <summary>The record does not fit this payload (size, count or time gap); it fits an empty one.</summary>
        public const int Full = 1;

        /// <summary>The record can never be encoded: index outside 0..255, a negative time, a bad length or the wrong kind.</summary>
        public const int Invalid = 2;

        private const int CountAt = 14;

        private readonly byte[] _buffer;
        private readonly int _kind;
        private readonly uint _policyVersion;
        private int _length;
        private int _count;
        private long _baseMillis;
        private long _lastMillis;

        /// <summary>An empty payload of <paramref name="kind"/> for policy version <paramref name="policyVersion"/>, at most <paramref name="maxPayloadBytes"/> bytes.</summary>
        /// <exception cref="System.ArgumentException">Unknown kind, or a size outside <see cref="MinPayloadBytes"/>..<see cref="MaxPayloadBytes"/>.</exception>
        public TelemetryBatch(int kind, uint policyVersion, int maxPayloadBytes)
        {
            if ((kind != SampleKind && kind != IdentifierKind) || maxPayloadBytes < MinPayloadBytes || maxPayloadBytes > MaxPayloadBytes)
            {
                throw new System.ArgumentException();
            }

            _kind = kind;
            _policyVersion = policyVersion;
            _buffer = new byte[maxPayloadBytes];
        }

        /// <summary>The encoded payload: its first <see cref="Length"/> bytes (the buffer is reused after <see cref="Clear"/>).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes of the payload so far; 0 while empty.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Records in the payload.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the payload holds no record.</summary>
        public bool IsEmpty
        {
            get { return _count == 0; }
        }

        /// <summary><see cref="SampleKind"/> or <see cref="IdentifierKind"/>.</summary>
        public int Kind
        {
            get { return _kind; }
        }

        /// <summary>Largest payload in bytes.</summary>
        public int Capacity
        {
            get { return _buffer.Length; }
        }

        /// <summary>Time of the first record, unix milliseconds (meaningful when not empty).</summary>
        public long BaseMillis
        {
            get { return _baseMillis; }
        }

        /// <summary>Empties the payload; the buffer is kept.</summary>
        public void Clear()
        {
            _length = 0;
            _count = 0;
        }

        /// <summary>
        /// Appends a sample of signal <paramref name="signal"/> with <paramref name="valueUnits"/> at
        /// <paramref name="timeMillis"/> (unix ms): <see cref="Added"/>, <see cref="Full"/> or <see cref="Invalid"/>.
        /// </summary>
        public int AddSample(int signal, long valueUnits, long timeMillis)
        {
            if (_kind != SampleKind || signal < 0 || signal > 255 || timeMillis < 0)
            {
                return Invalid;
            }

            long delta = _count == 0 ? 0 : timeMillis - _lastMillis;
            if (_count > 0 && !DeltaFits(delta))
            {
                return Full;
            }

            long zigDelta = Zigzag(delta);
            long zigValue = Zigzag(valueUnits);
            int size = 1 + VarintSize(zigDelta) + VarintSize(zigValue);
            if (!Room(size))
            {
                return Full;
            }

            Open(timeMillis);
            _buffer[_length++] = (byte)signal;
            PutVarint(zigDelta);
            PutVarint(zigValue);
            Counted(timeMillis);
            return Added;
        }

        /// <summary>
        /// Appends <paramref name="len"/> bytes of <paramref name="pseudonym"/> for identifier
        /// <paramref name="identifier"/> at <paramref name="timeMillis"/>: <see cref="Added"/>, <see cref="Full"/> or <see cref="Invalid"/>.
        /// </summary>
        public int AddIdentifier(int identifier, byte[] pseudonym, int len, long timeMillis)
        {
            if (_kind != IdentifierKind || identifier < 0 || identifier > 255 || timeMillis < 0 || pseudonym == null
                || len < 1 || len > MaxPseudonymBytes || len > pseudonym.Length)
            {
                return Invalid;
            }

            long delta = _count == 0 ? 0 : timeMillis - _lastMillis;
            if (_count > 0 && !DeltaFits(delta))
            {
                return Full;
            }

            long zigDelta = Zigzag(delta);
            if (!Room(1 + VarintSize(zigDelta) + 1 + len))
            {
                return Full;
            }

            Open(timeMillis);
            _buffer[_length++] = (byte)identifier;
            PutVarint(zigDelta);
            _buffer[_length++] = (byte)len;
            System.Array.Copy(pseudonym, 0, _buffer, _length, len);
            _length += len;
            Counted(timeMillis);
            return Added;
        }

        /// <summary>Zigzag encoding: 0, -1, 1, -2, ... become 0, 1, 2, 3, ... (as an unsigned 64-bit pattern).</summary>
        public static long Zigzag(long n)
        {
            return (n << 1) ^ (n >> 63);
        }

        /// <summary>Bytes the LEB128 varint of the unsigned 64-bit pattern <paramref name="v"/> takes (1..10).</summary>
        public static int VarintSize(long v)
        {
            int size = 1;
            while ((v & ~0x7FL) != 0)
            {
                v = ShiftOut(v);
                size++;
            }

            return size;
        }

        // Both times are >= 0, so the subtraction that made delta cannot overflow.
        private static bool DeltaFits(long delta)
        {
            return delta >= MinDeltaMillis && delta <= MaxDeltaMillis;
        }

        private bool Room(int size)
        {
            return _count < MaxRecords && (_count == 0 ? HeaderSize : _length) + size <= _buffer.Length;
        }

        private void Open(long timeMillis)
        {
            if (_count > 0)
            {
                return;
            }

            _buffer[0] = FormatVersion;
            _buffer[1] = (byte)_kind;
            _buffer[2] = (byte)_policyVersion;
            _buffer[3] = (byte)(_policyVersion >> 8);
            _buffer[4] = (byte)(_policyVersion >> 16);
            _buffer[5] = (byte)(_policyVersion >> 24);
            for (int i = 0; i < 8; i++)
            {
                _buffer[6 + i] = (byte)(timeMillis >> (8 * i));
            }

            _baseMillis = timeMillis;
            _length = HeaderSize;
        }

        // Keeps the header's count current, so the buffer is a complete payload after every add.
        private void Counted(long timeMillis)
        {
            _count++;
            _lastMillis = timeMillis;
            _buffer[CountAt] = (byte)_count;
            _buffer[CountAt + 1] = (byte)(_count >> 8);
        }

        private void PutVarint(long v)
        {
            while ((v & ~0x7FL) != 0)
            {
                _buffer[_length++] = (byte)(v | 0x80);
                v = ShiftOut(v);
            }

            _buffer[_length++] = (byte)v;
        }

        // v treated as unsigned 64 bits, shifted right by 7 (no ulong: the firmware keeps to the listed primitive types).
        private static long ShiftOut(long v)
        {
            return (v >> 7) & 0x01FFFFFFFFFFFFFFL;
        }
    }
}
