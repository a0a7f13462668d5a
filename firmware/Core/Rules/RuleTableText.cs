using System.Text;
using BmsGuard.Core.Text;

namespace BmsGuard.Core
{
    /// <summary>
    /// The printable form of a <see cref="RuleTable"/>, one rule per line, in the order rules are
    /// tried. Printing a table and parsing the print gives the same table; counters are printed as a
    /// trailing comment, which the parser ignores.
    /// </summary>
    /// <example>
    /// <code>
    /// # name         filter                     options
    /// rule pack      id=0x1F0 mask=0x7FF       every=100ms
    /// rule serial    id=0x3F0 mask=0x7FF       and=0000000000000000
    /// rule j1939     id=0x18FF5000 mask=0x1FFFFF00 ext
    /// rule not_diag  id=0x700 mask=0x700 inv
    /// </code>
    /// Options: <c>ext</c> (29-bit ids), <c>inv</c> (match everything the filter does not),
    /// <c>rtr</c> (also forward remote frames), <c>every=</c> (minimum interval per id, with unit
    /// us, ms or s), <c>and= or= xor= set=</c> (16 hex digits, applied in that order). A
    /// <c>receive</c> line sets a port's receive budget (<see cref="ReceiveLine"/>); it prints only
    /// when it differs from the default.
    /// </example>
    public static class RuleTableText
    {
        /// <summary>Prints the table in the syntax <see cref="Parse"/> accepts, with counters as comments.</summary>
        public static string Print(RuleTable table)
        {
            // Thousands of rules print past the device StringBuilder's default cap (LargeText).
            StringBuilder sb = LargeText.Builder();
            sb.Append("# bmsguard rule table: BMS -> TCU allowlist, first match wins; TCU -> BMS default deny\n");
            for (int i = 0; i < table.Count; i++)
            {
                FilterRule rule = table[i];
                sb.Append(PrintRule(rule));
                sb.Append("  # handled=");
                sb.Append(rule.Handled.ToString());
                sb.Append(" dropped=");
                sb.Append(rule.Dropped.ToString());
                sb.Append('\n');
            }

            ReceiveLine.Print(sb, table, GatewayPort.Bms);
            ReceiveLine.Print(sb, table, GatewayPort.Tcu);
            return sb.ToString();
        }

        /// <summary>Prints one rule without counters.</summary>
        public static string PrintRule(FilterRule rule)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("rule ");
            sb.Append(rule.Name);
            sb.Append(" id=0x");
            sb.Append(rule.Id.ToString(rule.Extended ? "X8" : "X3"));
            sb.Append(" mask=0x");
            sb.Append(rule.Mask.ToString(rule.Extended ? "X8" : "X3"));
            if (rule.Extended)
            {
                sb.Append(" ext");
            }

            if (rule.Inverse)
            {
                sb.Append(" inv");
            }

            if (rule.AllowRemote)
            {
                sb.Append(" rtr");
            }

            if (rule.MinIntervalMicros > 0)
            {
                sb.Append(" every=");
                sb.Append(TableValues.FormatDuration(rule.MinIntervalMicros));
            }

            if (rule.Edit != null)
            {
                AppendOperand(sb, " and=", rule.Edit.And);
                AppendOperand(sb, " or=", rule.Edit.Or);
                AppendOperand(sb, " xor=", rule.Edit.Xor);
                AppendOperand(sb, " set=", rule.Edit.Set);
            }

            return sb.ToString();
        }

        /// <summary>
        /// Parses a rule table. Returns null on the first error, with <paramref name="errorLine"/>
        /// (1-based) and <paramref name="error"/> saying why; the table is compiled on success.
        /// </summary>
        public static RuleTable Parse(string text, out int errorLine, out string error)
        {
            RuleTable table = new RuleTable();
            ExtendedMaskCounter masks = new ExtendedMaskCounter();
            TableReader r = new TableReader(text);
            bool[] receive = new bool[2];
            while (r.Next())
            {
                if (r.Word(0) == "receive")
                {
                    ReceiveLine.Parse(r, table, receive);
                    continue;
                }

                FilterRule rule = RuleLine.Parse(r);

                // Limits are checked here, not only at compile time, so the error names the rule's line.
                if (rule != null
                    && r.Check(table.IndexOf(rule.Name) >= 0 ? "duplicate rule name '" + rule.Name + "'" : null)
                    && r.Check(table.Count == RuleIndex.MaxRules ? RuleTable.TooManyRules : null)
                    && r.Check(rule.Extended && !masks.Add(rule.Mask, rule.Inverse) ? RuleTable.TooManyExtendedMasks : null))
                {
                    table.Add(rule);
                }
            }

            // A table that does not compile is refused at its last rule's line.
            if (r.Error == null)
            {
                r.Check(table.Compile() ? null : table.CompileError);
            }

            return r.End(out errorLine, out error) ? table : null;
        }

        private static void AppendOperand(StringBuilder sb, string label, byte[] operand)
        {
            if (operand == null)
            {
                return;
            }

            sb.Append(label);
            for (int i = 0; i < operand.Length; i++)
            {
                sb.Append(operand[i].ToString("X2"));
            }
        }
    }
}
