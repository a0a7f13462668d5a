using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// One interlock row: a command type and a conjunction of conditions (none: the type is explicitly
    /// always safe), with counters of how often it was checked, held and did not hold.
    /// </summary>
    public sealed class Interlock
    {
        private readonly InterlockCondition[] _conditions;

        /// <summary>Creates a row for <paramref name="commandType"/>; an empty array means "always".</summary>
        public Interlock(int commandType, InterlockCondition[] conditions)
        {
            CommandType = commandType;
            _conditions = conditions == null ? new InterlockCondition[0] : conditions;
        }

        /// <summary>The <see cref="Commands.CommandType"/> value the row guards.</summary>
        public int CommandType
        {
            get { return _commandType; }
            private set { _commandType = value; }
        }

        private int _commandType;

        /// <summary>Number of conditions (0 for an explicit <c>always</c> row).</summary>
        public int ConditionCount
        {
            get { return _conditions.Length; }
        }

        /// <summary>Times the row was evaluated.</summary>
        public long Checked
        {
            get { return _checked; }
            private set { _checked = value; }
        }

        private long _checked;

        /// <summary>Times every condition held on fresh state.</summary>
        public long Passed
        {
            get { return _passed; }
            private set { _passed = value; }
        }

        private long _passed;

        /// <summary>Times it did not (unsafe, stale or unknown).</summary>
        public long Failed
        {
            get { return _failed; }
            private set { _failed = value; }
        }

        private long _failed;

        /// <summary>The <paramref name="index"/>th condition.</summary>
        public InterlockCondition Condition(int index)
        {
            return _conditions[index];
        }

        /// <summary>
        /// Evaluates every condition and counts the outcome. The result is the most telling of them:
        /// <see cref="SafetyResult.Unknown"/> over <see cref="SafetyResult.Stale"/> over
        /// <see cref="SafetyResult.Unsafe"/>, and <see cref="SafetyResult.Safe"/> only when all hold.
        /// </summary>
        public int Evaluate(VehicleState state, long nowMicros)
        {
            Checked++;
            int result = SafetyResult.Safe;
            for (int i = 0; i < _conditions.Length; i++)
            {
                int r = _conditions[i].Evaluate(state, nowMicros);

                // Safe 0 < Unsafe 1 < Stale 2 < Unknown 3: the larger code is the more telling reason.
                if (r > result)
                {
                    result = r;
                }
            }

            if (result == SafetyResult.Safe)
            {
                Passed++;
            }
            else
            {
                Failed++;
            }

            return result;
        }

        /// <summary>Sets the counters to zero.</summary>
        public void ResetCounters()
        {
            Checked = 0;
            Passed = 0;
            Failed = 0;
        }
    }
}
