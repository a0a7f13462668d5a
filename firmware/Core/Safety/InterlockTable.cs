using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// The safety interlocks: rows per command type over live <see cref="VehicleState"/>. A command is safe
    /// when any of its rows holds (each row is a conjunction, so the rows of one type form an OR of ANDs).
    /// Fail closed: a type with no row is <see cref="SafetyResult.Unknown"/> (not known to be safe); a type
    /// that is safe in every state needs an explicit <c>always</c> row. The command guard must also deny
    /// any type its policy marks interlocked for which <see cref="Covers"/> is false.
    /// </summary>
    public sealed class InterlockTable : ISafetyCheck
    {
        /// <summary>Most rows a table may hold.</summary>
        public const int MaxRows = 64;

        private const int NoRow = -1;

        private readonly Interlock[] _rows = new Interlock[MaxRows];
        private readonly int[] _first = new int[CommandType.Max + 1];
        private readonly int[] _next = new int[MaxRows];
        private readonly int[] _last = new int[CommandType.Max + 1];

        /// <summary>Creates an empty table (every type uncovered) over <paramref name="state"/>.</summary>
        public InterlockTable(VehicleState state)
        {
            State = state;
            for (int t = 0; t <= CommandType.Max; t++)
            {
                _first[t] = NoRow;
                _last[t] = NoRow;
            }
        }

        /// <summary>The vehicle state the conditions read.</summary>
        public VehicleState State
        {
            get { return _state; }
            private set { _state = value; }
        }

        private VehicleState _state;

        /// <summary>Number of rows.</summary>
        public int Count
        {
            get { return _count; }
            private set { _count = value; }
        }

        private int _count;

        /// <summary>Checks of a type with no row (denied as unknown).</summary>
        public long Uncovered
        {
            get { return _uncovered; }
            private set { _uncovered = value; }
        }

        private long _uncovered;

        /// <summary>The <paramref name="index"/>th row, in table order.</summary>
        public Interlock Row(int index)
        {
            return _rows[index];
        }

        /// <summary>
        /// Appends a row; false when the table is full or the command type is not 1..<see cref="CommandType.Max"/>.
        /// </summary>
        public bool Add(Interlock row)
        {
            int type = row.CommandType;
            if (Count == MaxRows || type < 1 || type > CommandType.Max)
            {
                return false;
            }

            _rows[Count] = row;
            _next[Count] = NoRow;
            if (_first[type] == NoRow)
            {
                _first[type] = Count;
            }
            else
            {
                _next[_last[type]] = Count;
            }

            _last[type] = Count;
            Count++;
            return true;
        }

        /// <summary>True when the table has at least one row (possibly <c>always</c>) for <paramref name="commandType"/>.</summary>
        public bool Covers(int commandType)
        {
            return commandType >= 1 && commandType <= CommandType.Max && _first[commandType] != NoRow;
        }

        /// <inheritdoc />
        /// <remarks>
        /// Rows of the type are tried in table order and the first that holds decides. When none holds the
        /// result is the most telling reason among them (unknown over stale over unsafe). Allocates nothing.
        /// </remarks>
        public int Check(int commandType, long nowMicros)
        {
            if (!Covers(commandType))
            {
                Uncovered++;
                return SafetyResult.Unknown;
            }

            int result = SafetyResult.Safe;
            for (int r = _first[commandType]; r != NoRow; r = _next[r])
            {
                int outcome = _rows[r].Evaluate(State, nowMicros);
                if (outcome == SafetyResult.Safe)
                {
                    return SafetyResult.Safe;
                }

                if (outcome > result)
                {
                    result = outcome;
                }
            }

            return result;
        }

        /// <summary>Sets every counter to zero.</summary>
        public void ResetCounters()
        {
            Uncovered = 0;
            for (int i = 0; i < Count; i++)
            {
                _rows[i].ResetCounters();
            }
        }
    }
}
