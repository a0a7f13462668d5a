using System.Text;

namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// One <c>signal</c> line: a <see cref="SignalTap"/> in DBC terms, printed and parsed back exactly.
    /// </summary>
    /// <example>
    /// <code>
    /// signal vehicle_speed id=0x0D0 start=0 len=16 order=intel unsigned scale=0.01 offset=0 unit=km/h max-age=500ms
    /// signal pack_current id=0x1F0 start=16 len=16 order=intel signed scale=0.1 offset=0 unit=A max-age=200ms
    /// signal contactor_pos id=0x1F3 start=0 len=1 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:open,1:closed
    /// </code>
    /// <c>start</c>, <c>len</c>, <c>order</c> and the sign are DBC's <c>start|len@order sign</c> (Intel @1
    /// counts from the LSB, Motorola @0 from the MSB in sawtooth numbering); <c>scale</c> and <c>offset</c>
    /// are DBC's factor and offset as exact decimals; <c>ext</c> marks a 29-bit id; <c>values=</c> is the
    /// DBC value table (raw:name, comma separated); <c>max-age=</c> takes us, ms or s.
    /// </example>
    public static class SignalTapLine
    {
        /// <summary>Prints a tap in the syntax <see cref="Parse"/> accepts.</summary>
        public static string Print(SignalTap tap)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("signal ");
            sb.Append(tap.Name);
            sb.Append(" id=0x");
            sb.Append(tap.Id.ToString(tap.Extended ? "X8" : "X3"));
            if (tap.Extended)
            {
                sb.Append(" ext");
            }

            sb.Append(" start=");
            sb.Append(tap.StartBit.ToString());
            sb.Append(" len=");
            sb.Append(tap.Length.ToString());
            sb.Append(tap.Motorola ? " order=motorola" : " order=intel");
            sb.Append(tap.Signed ? " signed" : " unsigned");
            sb.Append(" scale=");
            sb.Append(FixedDecimal.Format(tap.ScaleUnits, tap.Decimals));
            sb.Append(" offset=");
            sb.Append(FixedDecimal.Format(tap.OffsetUnits, tap.Decimals));
            if (tap.Unit.Length > 0)
            {
                sb.Append(" unit=");
                sb.Append(tap.Unit);
            }

            sb.Append(" max-age=");
            sb.Append(RuleTokens.FormatDuration(tap.MaxAgeMicros));
            for (int i = 0; i < tap.ValueCount; i++)
            {
                sb.Append(i == 0 ? " values=" : ",");
                sb.Append(tap.ValueRaw(i).ToString());
                sb.Append(':');
                sb.Append(tap.ValueName(i));
            }

            return sb.ToString();
        }

        /// <summary>Parses the tokens of one line; null with <paramref name="error"/> naming the offending token.</summary>
        public static SignalTap Parse(string[] tokens, out string error)
        {
            error = null;
            if (tokens.Length < 2 || tokens[0] != "signal")
            {
                error = "expected 'signal <name> ...'";
                return null;
            }

            string name = tokens[1];
            if (!RuleTokens.IsName(name))
            {
                error = "invalid signal name '" + RuleTokens.Shown(name) + "' (1 to 64 letters, digits, _ - . only)";
                return null;
            }

            uint id = 0;
            bool haveId = false;
            bool ext = false;
            int start = -1;
            int length = -1;
            int order = -1;
            int sign = -1;
            long scale = 1;
            int scaleDecimals = 0;
            long offset = 0;
            int offsetDecimals = 0;
            string unit = "";
            long maxAge = -1;
            long[] raws = null;
            string[] names = null;
            long number;
            for (int i = 2; i < tokens.Length; i++)
            {
                string t = tokens[i];
                int eq = t.IndexOf('=');
                string key = eq < 0 ? t : t.Substring(0, eq);
                string value = eq < 0 ? null : t.Substring(eq + 1);
                bool ok = true;
                if (value == null && key == "ext")
                {
                    ext = true;
                }
                else if (value == null && (key == "signed" || key == "unsigned"))
                {
                    sign = key == "signed" ? 1 : 0;
                }
                else if (key == "id" && value != null)
                {
                    ok = RuleTokens.TryParseHex(value, out id);
                    haveId = true;
                }
                else if (key == "start" && value != null)
                {
                    ok = RuleTokens.TryParseDigits(value, 3, out number);
                    start = (int)number;
                }
                else if (key == "len" && value != null)
                {
                    ok = RuleTokens.TryParseDigits(value, 3, out number);
                    length = (int)number;
                }
                else if (key == "order" && value != null)
                {
                    order = value == "intel" ? 0 : value == "motorola" ? 1 : -1;
                    ok = order >= 0;
                }
                else if (key == "scale" && value != null)
                {
                    ok = FixedDecimal.TryParse(value, out scale, out scaleDecimals);
                }
                else if (key == "offset" && value != null)
                {
                    ok = FixedDecimal.TryParse(value, out offset, out offsetDecimals);
                }
                else if (key == "unit" && value != null)
                {
                    unit = value;
                }
                else if (key == "max-age" && value != null)
                {
                    maxAge = RuleTokens.ParseDurationMicros(value);
                    ok = maxAge > 0;
                }
                else if (key == "values" && value != null)
                {
                    ok = ParseValues(value, out raws, out names);
                }
                else
                {
                    error = "unknown option '" + t + "'";
                    return null;
                }

                if (!ok)
                {
                    error = "bad value in '" + t + "'";
                    return null;
                }
            }

            error = Missing(haveId, start, length, order, sign, maxAge);
            if (error != null)
            {
                return null;
            }

            int decimals = scaleDecimals > offsetDecimals ? scaleDecimals : offsetDecimals;
            long scaleUnits = scale * FixedDecimal.Pow10(decimals - scaleDecimals);
            long offsetUnits = offset * FixedDecimal.Pow10(decimals - offsetDecimals);
            error = SignalTap.Check(name, id, ext, start, length, order == 1, scaleUnits, offsetUnits, decimals, maxAge);
            if (error != null)
            {
                return null;
            }

            return new SignalTap(name, id, ext, start, length, order == 1, sign == 1, scaleUnits, offsetUnits, decimals, unit, maxAge, raws, names);
        }

        private static string Missing(bool haveId, int start, int length, int order, int sign, long maxAge)
        {
            if (!haveId)
            {
                return "missing id=";
            }

            if (start < 0)
            {
                return "missing start=";
            }

            if (length < 0)
            {
                return "missing len=";
            }

            if (order < 0)
            {
                return "missing order=intel or order=motorola";
            }

            if (sign < 0)
            {
                return "missing signed or unsigned";
            }

            return maxAge <= 0 ? "missing max-age= (stale state must be denied)" : null;
        }

        // values=0:open,1:closed -> raw values (integers, may be negative) and distinct names.
        private static bool ParseValues(string text, out long[] raws, out string[] names)
        {
            int count = 1;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == ',')
                {
                    count++;
                }
            }

            raws = new long[count];
            names = new string[count];
            int pos = 0;
            for (int n = 0; n < count; n++)
            {
                int end = text.IndexOf(',', pos);
                if (end < 0)
                {
                    end = text.Length;
                }

                string item = text.Substring(pos, end - pos);
                pos = end + 1;
                int colon = item.IndexOf(':');
                int decimals;
                if (colon < 0 || !FixedDecimal.TryParse(item.Substring(0, colon), out raws[n], out decimals) || decimals != 0)
                {
                    return false;
                }

                names[n] = item.Substring(colon + 1);
                if (!RuleTokens.IsName(names[n]) || (names[n][0] >= '0' && names[n][0] <= '9') || names[n][0] == '-')
                {
                    return false;
                }

                for (int k = 0; k < n; k++)
                {
                    if (names[k] == names[n] || raws[k] == raws[n])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
