using System.Text;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;
using BmsGuard.Core.Text;

namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// Text form of a <see cref="NativeCommandTable"/>, one row a line; printing and parsing the print
    /// give the same table. Counters print as a trailing comment.
    /// </summary>
    /// <example>
    /// <code>
    /// native open-contactors id=0x5A0 data=01,A5,00,00,00,00,00,00
    /// native set-charge-target id=0x5A1 data=01,p0,00,00,00,00,00,00   # p0 = parameter byte 0
    /// </code>
    /// </example>
    public static class NativeCommandText
    {
        /// <summary>Prints the table with counters as comments.</summary>
        public static string Print(NativeCommandTable table)
        {
            StringBuilder sb = LargeText.Builder();
            for (int i = 0; i < table.Count; i++)
            {
                NativeCommand row = table.RowAt(i);
                sb.Append("native ");
                sb.Append(CommandType.Name(row.CommandType));
                sb.Append(" id=0x");
                sb.Append(row.Id.ToString(row.Extended ? "X8" : "X3"));
                if (row.Extended)
                {
                    sb.Append(" ext");
                }

                sb.Append(" data=");
                for (int b = 0; b < row.Length; b++)
                {
                    if (b > 0)
                    {
                        sb.Append(',');
                    }

                    int p = row.ParameterAt(b);
                    sb.Append(p == NativeCommand.Literal ? row.LiteralAt(b).ToString("X2") : "p" + p.ToString());
                }

                sb.Append("  # executed=");
                sb.Append(row.Executed.ToString());
                sb.Append(" failed=");
                sb.Append(row.Failed.ToString());
                sb.Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Parses a table; null with the 1-based <paramref name="errorLine"/> and <paramref name="error"/> on bad input.</summary>
        public static NativeCommandTable Parse(string text, out int errorLine, out string error)
        {
            NativeCommandTable table = new NativeCommandTable();
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                NativeCommand row = ParseRow(r);
                if (row != null && !table.Add(row))
                {
                    r.Fail("a second row for '" + CommandType.Name(row.CommandType) + "'");
                }
            }

            return r.End(out errorLine, out error) ? table : null;
        }

        private static NativeCommand ParseRow(TableReader r)
        {
            if (r.Count < 3 || r.Word(0) != "native")
            {
                r.Fail("expected 'native <command> id=<hex> [ext] data=..'");
                return null;
            }

            int type = CommandType.Parse(r.Word(1));
            if (type < 0)
            {
                r.Fail("unknown command '" + r.Word(1) + "'");
                return null;
            }

            uint id;
            byte[] literals = null;
            int[] parameters = null;
            r.Options(2);

            bool extended = r.Flag("ext");
            string data;
            if (!r.Hex("id", true, out id) || (data = r.Required("data")) == null
                || (!ParseData(data, out literals, out parameters) && !r.Bad("data", "1 to 8 comma-separated bytes: hex such as 0A, or pN for parameter byte N < 48"))
                || !r.NoneLeft())
            {
                return null;
            }

            if (id > (extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax))
            {
                r.Fail("id 0x" + id.ToString("X") + " does not fit " + (extended ? "29" : "11") + " bits");
                return null;
            }

            return new NativeCommand(type, id, extended, literals, parameters);
        }

        private static bool ParseData(string s, out byte[] literals, out int[] parameters)
        {
            string[] items = TableValues.Items(s);
            int n = items.Length;
            literals = new byte[n];
            parameters = new int[n];
            if (n > 8 || s.Length == 0)
            {
                return false;
            }

            for (int b = 0; b < n; b++)
            {
                string item = items[b];
                long p = NativeCommand.Literal;
                uint v = 0;
                bool ok = item.Length >= 2 && item[0] == 'p'
                    ? TableValues.TryParseDigits(item.Substring(1), 3, out p) && p < 48
                    : item.Length == 2 && TableValues.TryParseHex(item, out v);
                if (!ok)
                {
                    return false;
                }

                parameters[b] = (int)p;
                literals[b] = (byte)v;
            }

            return true;
        }
    }
}
