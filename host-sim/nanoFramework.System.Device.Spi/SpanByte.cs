namespace System
{
    /// <summary>
    /// Host stand-in of nanoFramework's System.SpanByte (CoreLibrary System/SpanByte.cs): a window on a
    /// byte array, converted implicitly from byte[]. Lives here because only the SPI API takes it.
    /// </summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        /// <summary>The whole array.</summary>
        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array?.Length ?? 0;
        }

        /// <summary><paramref name="length"/> bytes from <paramref name="start"/>.</summary>
        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null ? start != 0 || length != 0 : start < 0 || length < 0 || start + length > array.Length)
            {
                throw new ArgumentOutOfRangeException();
            }

            _array = array;
            _start = start;
            _length = length;
        }

        /// <summary>Number of bytes.</summary>
        public int Length => _length;

        /// <summary>True when empty.</summary>
        public bool IsEmpty => _length == 0;

        /// <summary>The byte at <paramref name="index"/>.</summary>
        public byte this[int index]
        {
            get => (uint)index < (uint)_length ? _array[_start + index] : throw new ArgumentOutOfRangeException();
            set
            {
                if ((uint)index >= (uint)_length)
                {
                    throw new ArgumentOutOfRangeException();
                }

                _array[_start + index] = value;
            }
        }

        /// <summary>The whole array.</summary>
        public static implicit operator SpanByte(byte[] array) => new SpanByte(array);

        internal Span<byte> AsSpan() => _array == null ? Span<byte>.Empty : _array.AsSpan(_start, _length);
    }
}
