using System.Text;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Little-endian reads and writes over a byte array for the bundle format. Reading past the end (or a bad
    /// string) sets <see cref="Failed"/> and yields zeros instead of throwing: bundles are untrusted input.
    /// </summary>
    internal sealed class ByteCursor
    {
        private readonly byte[] _bytes;
        private readonly int _end;
        private int _pos;

        /// <summary>A cursor over <paramref name="bytes"/>[<paramref name="offset"/>..<paramref name="offset"/>+<paramref name="count"/>).</summary>
        internal ByteCursor(byte[] bytes, int offset, int count)
        {
            _bytes = bytes;
            _pos = offset;
            _end = offset + count;
        }

        /// <summary>True once a read or write ran past the end or met a bad string.</summary>
        internal bool Failed;

        /// <summary>Current position in the array.</summary>
        internal int Position
        {
            get { return _pos; }
        }

        /// <summary>True when every byte has been consumed.</summary>
        internal bool AtEnd
        {
            get { return _pos == _end; }
        }

        internal int U8()
        {
            if (_pos + 1 > _end)
            {
                Failed = true;
                return 0;
            }

            return _bytes[_pos++];
        }

        internal int U16()
        {
            int lo = U8();
            return lo | (U8() << 8);
        }

        internal uint U32()
        {
            uint lo = (uint)U16();
            return lo | ((uint)U16() << 16);
        }

        internal long I64()
        {
            long lo = U32();
            return lo | ((long)U32() << 32);
        }

        /// <summary>A string of printable ASCII, length-prefixed by one byte.</summary>
        internal string Text()
        {
            int n = U8();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                int c = U8();
                if (c < 0x20 || c > 0x7E)
                {
                    Failed = true;
                }

                sb.Append((char)c);
            }

            return Failed ? "" : sb.ToString();
        }

        internal void PutU8(int value)
        {
            if (_pos + 1 > _end)
            {
                Failed = true;
                return;
            }

            _bytes[_pos++] = (byte)value;
        }

        internal void PutU16(int value)
        {
            PutU8(value & 0xFF);
            PutU8((value >> 8) & 0xFF);
        }

        internal void PutU32(uint value)
        {
            PutU16((int)(value & 0xFFFF));
            PutU16((int)(value >> 16));
        }

        internal void PutI64(long value)
        {
            PutU32((uint)(value & 0xFFFFFFFFL));
            PutU32((uint)((value >> 32) & 0xFFFFFFFFL));
        }

        /// <summary>Writes a string of at most 255 printable ASCII characters; anything else fails.</summary>
        internal void PutText(string s)
        {
            if (s.Length > 255)
            {
                Failed = true;
                return;
            }

            PutU8(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < ' ' || c > '~')
                {
                    Failed = true;
                }

                PutU8(c);
            }
        }
    }
}
