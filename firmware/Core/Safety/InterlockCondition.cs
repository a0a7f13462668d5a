using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// One condition of an interlock: a tapped signal (or its absolute value) compared with a constant in
    /// the signal's own fixed-point units, e.g. <c>abs(pack_current) &lt; 5</c> or <c>charging_state == not_connected</c>.
    /// </summary>
    public sealed class InterlockCondition
    {
        /// <summary>Creates a condition on tap number <paramref name="tap"/>.</summary>
        /// <param name="tap">Index of the signal in the vehicle state.</param>
        /// <param name="absolute">Compare |value| instead of the value.</param>
        /// <param name="op">A <see cref="Comparison"/> operator.</param>
        /// <param name="thresholdUnits">The constant in units of 10^-decimals of the tap.</param>
        /// <param name="valueName">The value-table name the constant was written as, or null for a number.</param>
        public InterlockCondition(int tap, bool absolute, int op, long thresholdUnits, string valueName)
        {
            Tap = tap;
            Absolute = absolute;
            Operator = op;
            ThresholdUnits = thresholdUnits;
            ValueName = valueName;
        }

        /// <summary>Index of the signal in the vehicle state.</summary>
        public int Tap
        {
            get { return _tap; }
            private set { _tap = value; }
        }

        private int _tap;

        /// <summary>True when the absolute value is compared.</summary>
        public bool Absolute
        {
            get { return _absolute; }
            private set { _absolute = value; }
        }

        private bool _absolute;

        /// <summary>A <see cref="Comparison"/> operator.</summary>
        public int Operator
        {
            get { return _operator; }
            private set { _operator = value; }
        }

        private int _operator;

        /// <summary>The constant in the tap's fixed-point units.</summary>
        public long ThresholdUnits
        {
            get { return _thresholdUnits; }
            private set { _thresholdUnits = value; }
        }

        private long _thresholdUnits;

        /// <summary>The value-table name the constant was written as, or null.</summary>
        public string ValueName
        {
            get { return _valueName; }
            private set { _valueName = value; }
        }

        private string _valueName;

        /// <summary>
        /// <see cref="SafetyResult.Safe"/> when the condition holds on a fresh value, <see cref="SafetyResult.Unsafe"/>
        /// when it does not, and the signal's <see cref="SafetyResult.Stale"/> or <see cref="SafetyResult.Unknown"/> otherwise.
        /// </summary>
        public int Evaluate(VehicleState state, long nowMicros)
        {
            int freshness = state.Freshness(Tap, nowMicros);
            if (freshness != SafetyResult.Safe)
            {
                return freshness;
            }

            long value = state.Units(Tap);
            if (Absolute && value < 0)
            {
                value = -value;
            }

            return Comparison.Holds(Operator, value, ThresholdUnits) ? SafetyResult.Safe : SafetyResult.Unsafe;
        }
    }
}
