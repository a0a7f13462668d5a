using System.Text;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Text;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// The printable form of an <see cref="InterlockTable"/>, one row a line in table order; counters are
    /// printed as a trailing comment, which the parser ignores. Printing and parsing the print gives the
    /// same table.
    /// </summary>
    /// <example>
    /// <code>
    /// interlock open-contactors when vehicle_speed == 0 and abs(pack_current) &lt; 5
    /// interlock disable-charging when charging_state != charging_dc
    /// interlock disable-charging when abs(pack_current) &lt; 10
    /// interlock enable-charging always
    /// </code>
    /// Command names are <see cref="CommandType.Name"/>. A condition is <c>signal op constant</c> or
    /// <c>abs(signal) op constant</c> with op one of <c>== != &lt; &lt;= &gt; &gt;=</c>, separated by
    /// spaces; the constant is a decimal physical value (no finer than the signal's scale and offset
    /// decimals) or a name from the signal's <c>values=</c> table. Rows of one type are alternatives.
    /// </example>
    public static class InterlockTableText
    {
        /// <summary>Prints the table in the syntax <see cref="Parse"/> accepts, with counters as comments.</summary>
        public static string Print(InterlockTable table)
        {
            StringBuilder sb = LargeText.Builder();
            sb.Append("# bmsguard interlocks: a command is safe when one of its rows holds on fresh state; no row = deny\n");
            for (int i = 0; i < table.Count; i++)
            {
                Interlock row = table.Row(i);
                sb.Append(PrintRow(table.State, row));
                sb.Append("  # checked=");
                sb.Append(row.Checked.ToString());
                sb.Append(" passed=");
                sb.Append(row.Passed.ToString());
                sb.Append(" failed=");
                sb.Append(row.Failed.ToString());
                sb.Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Prints one row without counters.</summary>
        public static string PrintRow(VehicleState state, Interlock row)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("interlock ");
            sb.Append(CommandType.Name(row.CommandType));
            if (row.ConditionCount == 0)
            {
                sb.Append(" always");
                return sb.ToString();
            }

            for (int i = 0; i < row.ConditionCount; i++)
            {
                InterlockCondition c = row.Condition(i);
                SignalTap tap = state.Tap(c.Tap);
                sb.Append(i == 0 ? " when " : " and ");
                sb.Append(c.Absolute ? "abs(" + tap.Name + ")" : tap.Name);
                sb.Append(' ');
                sb.Append(Comparison.Symbol(c.Operator));
                sb.Append(' ');
                sb.Append(c.ValueName != null ? c.ValueName : FixedDecimal.Format(c.ThresholdUnits, tap.Decimals));
            }

            return sb.ToString();
        }

        /// <summary>
        /// Parses interlock rows over the signals of <paramref name="state"/>. Returns null on the first error,
        /// with <paramref name="errorLine"/> (1-based) and <paramref name="error"/> saying why.
        /// </summary>
        public static InterlockTable Parse(string text, VehicleState state, out int errorLine, out string error)
        {
            InterlockTable table = new InterlockTable(state);
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                Interlock row = ParseRow(r, state);
                if (row != null && !table.Add(row))
                {
                    r.Fail("more than 64 interlocks");
                }
            }

            return r.End(out errorLine, out error) ? table : null;
        }

        private static Interlock ParseRow(TableReader r, VehicleState state)
        {
            int words = r.Count;
            if (r.Word(0) != "interlock" || words < 3)
            {
                r.Fail("expected 'interlock <command> when ...' or 'interlock <command> always'");
                return null;
            }

            int type = CommandType.Parse(r.Word(1));
            if (type < 0)
            {
                r.Fail("unknown command '" + r.Word(1) + "'");
                return null;
            }

            if (r.Word(2) == "always")
            {
                return r.Check(words > 3 ? "nothing may follow 'always'" : null) ? new Interlock(type, null) : null;
            }

            // when c1 and c2 ...: 4n words after the command name, each condition three of them.
            if (r.Word(2) != "when" || (words - 2) % 4 != 0)
            {
                r.Fail("expected 'when signal op value [and signal op value ...]' or 'always'");
                return null;
            }

            InterlockCondition[] conditions = new InterlockCondition[(words - 2) / 4];
            for (int n = 0; n < conditions.Length; n++)
            {
                int at = 2 + (4 * n);
                string joint = n == 0 ? "when" : "and";
                string error = r.Word(at) != joint ? "expected '" + joint + "', found '" + r.Word(at) + "'" : null;
                conditions[n] = error == null ? ParseCondition(r.Word(at + 1), r.Word(at + 2), r.Word(at + 3), state, out error) : null;
                if (!r.Check(error))
                {
                    return null;
                }
            }

            return new Interlock(type, conditions);
        }

        private static InterlockCondition ParseCondition(string operand, string symbol, string constant, VehicleState state, out string error)
        {
            error = null;
            bool absolute = operand.Length > 5 && operand.Substring(0, 4) == "abs(" && operand[operand.Length - 1] == ')';
            string name = absolute ? operand.Substring(4, operand.Length - 5) : operand;
            int tap = state.IndexOf(name);
            if (tap < 0)
            {
                error = "unknown signal '" + name + "'";
                return null;
            }

            int op = Comparison.Parse(symbol);
            if (op < 0)
            {
                error = "unknown operator '" + symbol + "' (== != < <= > >=)";
                return null;
            }

            SignalTap signal = state.Tap(tap);
            int value = signal.IndexOfValue(constant);
            if (value >= 0)
            {
                return new InterlockCondition(tap, absolute, op, signal.ToUnits(signal.ValueRaw(value)), constant);
            }

            long mantissa;
            int decimals;
            if (!FixedDecimal.TryParse(constant, out mantissa, out decimals))
            {
                error = "'" + constant + "' is neither a number nor a value of " + name;
                return null;
            }

            if (decimals > signal.Decimals)
            {
                error = "'" + constant + "' has more decimals than " + name + " (" + signal.Decimals.ToString() + ")";
                return null;
            }

            long factor = FixedDecimal.Pow10(signal.Decimals - decimals);
            if (mantissa > long.MaxValue / factor || mantissa < -(long.MaxValue / factor))
            {
                error = "'" + constant + "' out of range";
                return null;
            }

            return new InterlockCondition(tap, absolute, op, mantissa * factor, null);
        }
    }
}
