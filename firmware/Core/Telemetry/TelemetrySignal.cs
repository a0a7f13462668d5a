namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// One signal of a telemetry policy, compiled from a DBC signal (the device has no DBC parser): where its
    /// bits are, how to scale them exactly (physical = raw * scale + offset, kept as integers in units of
    /// 10^-<see cref="Decimals"/>, as the safety taps do), its multiplexor condition and its
    /// <see cref="SignalTreatment"/>. Bits are read by the same code as the safety taps (<see cref="SignalBits"/>).
    /// </summary>
    public sealed class TelemetrySignal
    {
        /// <summary>Longest signal in bits.</summary>
        public const int MaxLength = SignalBits.MaxLength;

        /// <summary>Longest name or unit in characters (they travel in the bundle).</summary>
        public const int MaxText = 64;

        // |raw| < 2^32, so |raw * scale| < 2^62 and adding |offset| < 2^60 stays inside a long.

        /// <summary>Signal name (DBC name, or Message.Signal).</summary>
        public readonly string Name;

        /// <summary>Frame identifier.</summary>
        public readonly uint Id;

        /// <summary>True for a 29-bit identifier.</summary>
        public readonly bool Extended;

        /// <summary>Start bit in DBC numbering.</summary>
        public readonly int StartBit;

        /// <summary>Length in bits, 1..<see cref="MaxLength"/>.</summary>
        public readonly int Length;

        /// <summary>True for Motorola (@0), false for Intel (@1).</summary>
        public readonly bool Motorola;

        /// <summary>True for two's complement raw values.</summary>
        public readonly bool Signed;

        /// <summary>DBC factor times 10^<see cref="Decimals"/>.</summary>
        public readonly long ScaleUnits;

        /// <summary>DBC offset times 10^<see cref="Decimals"/>.</summary>
        public readonly long OffsetUnits;

        /// <summary>Decimals of the fixed-point value (0..9).</summary>
        public readonly int Decimals;

        /// <summary>Unit as in the DBC (may be empty).</summary>
        public readonly string Unit;

        /// <summary>Multiplexor condition, or null when the signal is in every frame of its id.</summary>
        public readonly SignalMux Mux;

        /// <summary>What the policy does with the signal.</summary>
        public readonly SignalTreatment Treatment;

        /// <summary>Bytes a frame must carry for the whole signal.</summary>
        public readonly int BytesNeeded;

        /// <summary>Creates a signal; see <see cref="Check"/>.</summary>
        /// <exception cref="System.ArgumentException">An argument is out of range.</exception>
        public TelemetrySignal(string name, uint id, bool extended, int startBit, int length, bool motorola, bool signed,
            long scaleUnits, long offsetUnits, int decimals, string unit, SignalMux mux, SignalTreatment treatment)
        {
            if (treatment == null || Check(name, id, extended, startBit, length, motorola, scaleUnits, offsetUnits, decimals, unit) != null)
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
            Mux = mux;
            Treatment = treatment;
            BytesNeeded = SignalBits.BytesNeeded(startBit, length, motorola);
        }

        /// <summary>Bytes this signal contributes to its identifier: its raw value, most significant byte first.</summary>
        public int RawBytes
        {
            get { return (Length + 7) / 8; }
        }

        /// <summary>
        /// Why these parameters are invalid, or null: a name, an id within 11 or 29 bits, 1..32 bits inside an
        /// 8-byte frame, a non-zero scale below 2^30 units, an offset below 2^60 units, decimals 0..9.
        /// </summary>
        public static string Check(string name, uint id, bool extended, int startBit, int length, bool motorola,
            long scaleUnits, long offsetUnits, int decimals, string unit)
        {
            if (name == null || name.Length == 0 || name.Length > MaxText || (unit != null && unit.Length > MaxText))
            {
                return "a signal needs a name (and name and unit at most 64 characters)";
            }

            return SignalBits.CheckLayout(id, extended, startBit, length, motorola, scaleUnits, offsetUnits, decimals);
        }

        /// <summary>The raw value in <paramref name="data"/>; the caller checked <see cref="BytesNeeded"/>.</summary>
        public long ReadRaw(byte[] data)
        {
            return SignalBits.ReadRaw(data, StartBit, Length, Motorola, Signed);
        }

        /// <summary>The physical value of <paramref name="raw"/> in units of 10^-<see cref="Decimals"/>.</summary>
        public long ToUnits(long raw)
        {
            return (raw * ScaleUnits) + OffsetUnits;
        }

        /// <summary>Marks (or clears) this signal's bits in the 8-byte mask at <paramref name="mask"/>[<paramref name="offset"/>].</summary>
        internal void Mark(byte[] mask, int offset, bool set)
        {
            SignalBits.Mark(mask, offset, StartBit, Length, Motorola, set);
        }
    }
}
