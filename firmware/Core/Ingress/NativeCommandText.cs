using System.Text;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Safety;

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
            StringBuilder sb = new StringBuilder();
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

        /// <summary>Parses a table; null with the 1-based <paramref name="line"/> and <paramref name="error"/> on bad input.</summary>
        public static NativeCommandTable Parse(string text, out int line, out string error)
        {
            NativeCommandTable table = new NativeCommandTable();
            TextLines lines = new TextLines(text);
            line = 0;
            error = null;
            while (lines.Next())
            {
                line = lines.Line;
                NativeCommand row = ParseRow(lines.Tokens, out error);
                if (row == null)
                {
                    return null;
                }

                if (!table.Add(row))
                {
                    error = "a second row for '" + CommandType.Name(row.CommandType) + "'";
                    return null;
                }
            }

            line = 0;
            return table;
        }

        private static NativeCommand ParseRow(string[] t, out string error)
        {
            error = null;
            if (t.Length < 3 || t[0] != "native")
            {
                error = "expected 'native <command> id=0x... [ext] data=..'";
                return null;
            }

            int type = CommandType.Parse(t[1]);
            if (type < 0)
            {
                error = "unknown command '" + t[1] + "'";
                return null;
            }

            uint id = 0;
            bool haveId = false;
            bool extended = false;
            byte[] literals = null;
            int[] parameters = null;
            for (int i = 2; i < t.Length; i++)
            {
                string token = t[i];
                if (token == "ext")
                {
                    extended = true;
                }
                else if (token.Length > 5 && token.Substring(0, 5) == "id=0x" && RuleTokens.TryParseHex(token.Substring(5), out id))
                {
                    haveId = true;
                }
                else if (token.Length > 5 && token.Substring(0, 5) == "data=")
                {
                    if (!ParseData(token.Substring(5), out literals, out parameters))
                    {
                        error = "data must be 1 to 8 comma-separated bytes (hex like 0A, or pN for parameter byte N < 48), not '" + token.Substring(5) + "'";
                        return null;
                    }
                }
                else
                {
                    error = "unexpected '" + token + "'";
                    return null;
                }
            }

            if (!haveId || literals == null)
            {
                error = haveId ? "missing data=" : "missing id=0x...";
                return null;
            }

            if (id > (extended ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax))
            {
                error = "id 0x" + id.ToString("X") + " does not fit " + (extended ? "29" : "11") + " bits";
                return null;
            }

            return new NativeCommand(type, id, extended, literals, parameters);
        }

        private static bool ParseData(string s, out byte[] literals, out int[] parameters)
        {
            literals = null;
            parameters = null;
            int n = 1;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == ',')
                {
                    n++;
                }
            }

            if (n > 8 || s.Length == 0)
            {
                return false;
            }

            byte[] lit = new byte[n];
            int[] par = new int[n];
            int start = 0;
            for (int b = 0; b < n; b++)
            {
                int end = s.IndexOf(',', start);
                if (end < 0)
                {
                    end = s.Length;
                }

                string item = s.Substring(start, end - start);
                start = end + 1;
                par[b] = NativeCommand.Literal;
                if (item.Length >= 2 && item[0] == 'p')
                {
                    long p;
                    if (!RuleTokens.TryParseDigits(item.Substring(1), 3, out p) || p >= 48)
                    {
                        return false;
                    }

                    par[b] = (int)p;
                }
                else
                {
                    uint v;
                    if (item.Length != 2 || !RuleTokens.TryParseHex(item, out v))
                    {
                        return false;
                    }

                    lit[b] = (byte)v;
                }
            }

            literals = lit;
            parameters = par;
            return true;
        }
    }
}
