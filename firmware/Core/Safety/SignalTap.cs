namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// One vehicle-state signal compiled from a DBC signal (the device has no DBC parser): where its bits
    /// are in which frame, how to scale them, and how long a value stays valid. Physical values are kept
    /// as integers in units of 10^-<see cref="Decimals"/> (physical = raw * scale + offset, exactly).
    /// </summary>
    public sealed class SignalTap
    {
        /// <summary>Longest signal in bits (raw values must fit the fixed-point arithmetic).</summary>
        public const int MaxLength = 32;

        // |raw| < 2^32, so |raw * scale| < 2^62 and adding |offset| < 2^60 stays inside a long.

        private readonly long[] _valueRaws;
        private readonly string[] _valueNames;

        /// <summary>Creates a tap; see <see cref="Check"/> for the limits.</summary>
        /// <exception cref="System.ArgumentException">An argument is out of range (see <see cref="Check"/>).</exception>
        public SignalTap(string name, uint id, bool extended, int startBit, int length, bool motorola, bool signed,
            long scaleUnits, long offsetUnits, int decimals, string unit, long maxAgeMicros, long[] valueRaws, string[] valueNames)
        {
            if (Check(name, id, extended, startBit, length, motorola, scaleUnits, offsetUnits, decimals, maxAgeMicros) != null
                || (valueRaws == null) != (valueNames == null)
                || (valueRaws != null && valueRaws.Length != valueNames.Length))
            {
                throw new System.ArgumentException();
            }

            Name = name;
            Id = id;
            Extended = extended;
            StartBit = startBit;
            Length = length;
            Motorola = motorola;
            Signed = signed;
            ScaleUnits = scaleUnits;
            OffsetUnits = offsetUnits;
            Decimals = decimals;
            Unit = unit == null ? "" : unit;
            MaxAgeMicros = maxAgeMicros;
            _valueRaws = valueRaws == null ? new long[0] : valueRaws;
            _valueNames = valueNames == null ? new string[0] : valueNames;
            BytesNeeded = SignalBits.BytesNeeded(startBit, length, motorola);
        }

        /// <summary>Signal name used by interlocks.</summary>
        public string Name
        {
            get { return _name; }
            private set { _name = value; }
        }

        private string _name;

        /// <summary>Frame identifier.</summary>
        public uint Id
        {
            get { return _id; }
            private set { _id = value; }
        }

        private uint _id;

        /// <summary>True for a 29-bit identifier.</summary>
        public bool Extended
        {
            get { return _extended; }
            private set { _extended = value; }
        }

        private bool _extended;

        /// <summary>Start bit in DBC numbering: the LSB for Intel (@1), the MSB in sawtooth numbering for Motorola (@0).</summary>
        public int StartBit
        {
            get { return _startBit; }
            private set { _startBit = value; }
        }

        private int _startBit;

        /// <summary>Length in bits, 1..<see cref="MaxLength"/>.</summary>
        public int Length
        {
            get { return _length; }
            private set { _length = value; }
        }

        private int _length;

        /// <summary>True for Motorola (big-endian, DBC @0) byte order, false for Intel (@1).</summary>
        public bool Motorola
        {
            get { return _motorola; }
            private set { _motorola = value; }
        }

        private bool _motorola;

        /// <summary>True for two's complement raw values (DBC '-').</summary>
        public bool Signed
        {
            get { return _signed; }
            private set { _signed = value; }
        }

        private bool _signed;

        /// <summary>DBC factor times 10^<see cref="Decimals"/>.</summary>
        public long ScaleUnits
        {
            get { return _scaleUnits; }
            private set { _scaleUnits = value; }
        }

        private long _scaleUnits;

        /// <summary>DBC offset times 10^<see cref="Decimals"/>.</summary>
        public long OffsetUnits
        {
            get { return _offsetUnits; }
            private set { _offsetUnits = value; }
        }

        private long _offsetUnits;

        /// <summary>Decimals of the fixed-point physical value (the most decimals of factor and offset).</summary>
        public int Decimals
        {
            get { return _decimals; }
            private set { _decimals = value; }
        }

        private int _decimals;

        /// <summary>Unit as in the DBC (may be empty).</summary>
        public string Unit
        {
            get { return _unit; }
            private set { _unit = value; }
        }

        private string _unit;

        /// <summary>A value older than this is stale, and stale means deny.</summary>
        public long MaxAgeMicros
        {
            get { return _maxAgeMicros; }
            private set { _maxAgeMicros = value; }
        }

        private long _maxAgeMicros;

        /// <summary>Bytes a frame must carry for the whole signal to be present.</summary>
        public int BytesNeeded
        {
            get { return _bytesNeeded; }
            private set { _bytesNeeded = value; }
        }

        private int _bytesNeeded;

        /// <summary>Number of named raw values (the DBC value table).</summary>
        public int ValueCount
        {
            get { return _valueRaws.Length; }
        }

        /// <summary>Raw value of the <paramref name="index"/>th named value.</summary>
        public long ValueRaw(int index)
        {
            return _valueRaws[index];
        }

        /// <summary>Name of the <paramref name="index"/>th named value.</summary>
        public string ValueName(int index)
        {
            return _valueNames[index];
        }

        /// <summary>Index of the named value called <paramref name="name"/>, or -1.</summary>
        public int IndexOfValue(string name)
        {
            for (int i = 0; i < _valueNames.Length; i++)
            {
                if (_valueNames[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The physical value of <paramref name="raw"/> in units of 10^-<see cref="Decimals"/>.</summary>
        public long ToUnits(long raw)
        {
            return (raw * ScaleUnits) + OffsetUnits;
        }

        /// <summary>
        /// Why these tap parameters are invalid, or null when they are valid: a name, an id within 11 or
        /// 29 bits, 1..32 bits inside an 8-byte frame, a non-zero scale, decimals 0..9, a positive max age.
        /// </summary>
        public static string Check(string name, uint id, bool extended, int startBit, int length, bool motorola,
            long scaleUnits, long offsetUnits, int decimals, long maxAgeMicros)
        {
            if (name == null || name.Length == 0)
            {
                return "a signal needs a name";
            }

            string layout = SignalBits.CheckLayout(id, extended, startBit, length, motorola, scaleUnits, offsetUnits, decimals);
            if (layout != null)
            {
                return layout;
            }

            if (maxAgeMicros <= 0)
            {
                return "max-age must be positive";
            }

            return null;
        }
    }
}
