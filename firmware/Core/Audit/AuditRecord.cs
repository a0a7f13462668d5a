namespace BmsGuard.Core.Audit
{
    /// <summary>
    /// Byte layout of one audit log record (all integers big-endian) and the helpers that write and
    /// read its fields in place.
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset  size  field
    ///  0       2    length     whole record in bytes, 34..98 (= 34 + detail length)
    ///  2       4    sequence   1 for the first record, then +1 per record (a chain-break marker may jump ahead)
    ///  6       8    time       microseconds (the caller's clock), signed
    /// 14       1    kind       <see cref="AuditKind"/>
    /// 15       2    reason     the component's reason code (low 16 bits)
    /// 17       1    detail length n, 0..64
    /// 18       n    detail
    /// 18+n    16    tag        HMAC-SHA256(audit key, previous tag || bytes 0..18+n) truncated to 16 bytes
    /// </code>
    /// The first record's previous tag is the genesis tag, HMAC-SHA256(audit key, "bmsguard audit genesis v1")
    /// truncated to 16 bytes, so a party without the key can neither forge a record nor start a new chain.
    /// Records follow each other with no gaps and no file header.
    /// </remarks>
    public static class AuditRecord
    {
        /// <summary>Bytes before the detail.</summary>
        public const int HeaderSize = 18;

        /// <summary>Tag bytes at the end of every record (truncated HMAC-SHA256).</summary>
        public const int TagSize = 16;

        /// <summary>Most detail bytes a record carries; longer details are cut to this.</summary>
        public const int MaxDetail = 64;

        /// <summary>Length of a record without detail.</summary>
        public const int MinLength = HeaderSize + TagSize;

        /// <summary>Length of a record with the most detail.</summary>
        public const int MaxLength = MinLength + MaxDetail;

        /// <summary>Offset of the sequence field.</summary>
        public const int SequenceOffset = 2;

        /// <summary>Offset of the time field.</summary>
        public const int TimeOffset = 6;

        /// <summary>Offset of the kind field.</summary>
        public const int KindOffset = 14;

        /// <summary>Offset of the reason field.</summary>
        public const int ReasonOffset = 15;

        /// <summary>Offset of the detail length field.</summary>
        public const int DetailLengthOffset = 17;

        /// <summary>Text whose MAC under the audit key is the genesis tag.</summary>
        public const string GenesisLabel = "bmsguard audit genesis v1";

        /// <summary>
        /// Writes the fields before the tag into <paramref name="record"/> (at least <see cref="MaxLength"/>
        /// bytes) and returns the record's whole length; the caller appends the tag.
        /// </summary>
        public static int Encode(byte[] record, uint sequence, long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            if (detail == null || detailLength < 0)
            {
                detailLength = 0;
            }

            if (detailLength > MaxDetail)
            {
                detailLength = MaxDetail;
            }

            if (detailLength > 0 && detailLength > detail.Length)
            {
                detailLength = detail.Length;
            }

            int length = MinLength + detailLength;
            PutUInt16(record, 0, length);
            PutUInt32(record, SequenceOffset, sequence);
            PutInt64(record, TimeOffset, timeMicros);
            record[KindOffset] = (byte)kind;
            PutUInt16(record, ReasonOffset, reason);
            record[DetailLengthOffset] = (byte)detailLength;
            for (int i = 0; i < detailLength; i++)
            {
                record[HeaderSize + i] = detail[i];
            }

            return length;
        }

        /// <summary>The record's length field.</summary>
        public static int Length(byte[] record, int offset)
        {
            return GetUInt16(record, offset);
        }

        /// <summary>The record's sequence number.</summary>
        public static uint Sequence(byte[] record, int offset)
        {
            return GetUInt32(record, offset + SequenceOffset);
        }

        /// <summary>The record's time in microseconds.</summary>
        public static long TimeMicros(byte[] record)
        {
            return GetInt64(record, TimeOffset);
        }

        /// <summary>The record's kind.</summary>
        public static int Kind(byte[] record)
        {
            return record[KindOffset];
        }

        /// <summary>The record's reason code.</summary>
        public static int Reason(byte[] record)
        {
            return GetUInt16(record, ReasonOffset);
        }

        /// <summary>The record's detail length.</summary>
        public static int DetailLength(byte[] record)
        {
            return record[DetailLengthOffset];
        }

        /// <summary>Writes a big-endian 16-bit value.</summary>
        public static void PutUInt16(byte[] b, int offset, int value)
        {
            b[offset] = (byte)(value >> 8);
            b[offset + 1] = (byte)value;
        }

        /// <summary>Writes a big-endian 32-bit value.</summary>
        public static void PutUInt32(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)(value >> 24);
            b[offset + 1] = (byte)(value >> 16);
            b[offset + 2] = (byte)(value >> 8);
            b[offset + 3] = (byte)value;
        }

        /// <summary>Reads a big-endian 16-bit value.</summary>
        public static int GetUInt16(byte[] b, int offset)
        {
            return (b[offset] << 8) | b[offset + 1];
        }

        /// <summary>Reads a big-endian 32-bit value.</summary>
        public static uint GetUInt32(byte[] b, int offset)
        {
            return ((uint)b[offset] << 24) | ((uint)b[offset + 1] << 16) | ((uint)b[offset + 2] << 8) | b[offset + 3];
        }

        /// <summary>Writes a big-endian 64-bit value.</summary>
        public static void PutInt64(byte[] b, int offset, long value)
        {
            PutUInt32(b, offset, (uint)(value >> 32));
            PutUInt32(b, offset + 4, (uint)value);
        }

        /// <summary>Reads a big-endian 64-bit value.</summary>
        public static long GetInt64(byte[] b, int offset)
        {
            return ((long)GetUInt32(b, offset) << 32) | GetUInt32(b, offset + 4);
        }
    }
}
