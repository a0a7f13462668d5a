namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// The multiplexor condition of a multiplexed signal: the switch's bits (unsigned) and the inclusive range
    /// of switch values for which the signal is present (DBC mN is a range of one; SG_MUL_VAL_ may give more).
    /// </summary>
    public sealed class SignalMux
    {
        /// <summary>Start bit of the switch in DBC numbering.</summary>
        public readonly int StartBit;

        /// <summary>Length of the switch in bits (1..16).</summary>
        public readonly int Length;

        /// <summary>True for a Motorola switch.</summary>
        public readonly bool Motorola;

        /// <summary>Lowest switch value for which the signal is present.</summary>
        public readonly int Low;

        /// <summary>Highest switch value for which the signal is present.</summary>
        public readonly int High;

        /// <summary>Bytes a frame must carry to read the switch.</summary>
        public readonly int BytesNeeded;

        /// <summary>Creates a condition; see <see cref="Check"/> for the limits.</summary>
        /// <exception cref="System.ArgumentException">An argument is out of range.</exception>
        public SignalMux(int startBit, int length, bool motorola, int low, int high)
        {
            if (Check(startBit, length, motorola, low, high) != null)
            {
                throw new System.ArgumentException();
            }

            StartBit = startBit;
            Length = length;
            Motorola = motorola;
            Low = low;
            High = high;
            BytesNeeded = SignalBits.BytesNeeded(startBit, length, motorola);
        }

        /// <summary>Why these parameters are invalid, or null: a switch of 1..16 bits in the frame, 0 &lt;= low &lt;= high &lt; 2^length.</summary>
        public static string Check(int startBit, int length, bool motorola, int low, int high)
        {
            if (length < 1 || length > 16 || !SignalBits.Fits(startBit, length, motorola))
            {
                return "multiplexor must be 1..16 bits inside the 8-byte frame";
            }

            return low < 0 || high < low || high >= (1 << length) ? "multiplexor values outside the switch's range" : null;
        }

        /// <summary>True when the frame carries the switch and its value selects the signal. Allocates nothing.</summary>
        public bool Selects(byte[] data, int length)
        {
            if (length < BytesNeeded || data.Length < BytesNeeded)
            {
                return false;
            }

            long value = SignalBits.ReadRaw(data, StartBit, Length, Motorola, false);
            return value >= Low && value <= High;
        }
    }
}
