using System.Text;
using BmsGuard.Core.Text;

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
            sb.Append(TableValues.FormatDuration(tap.MaxAgeMicros));
            for (int i = 0; i < tap.ValueCount; i++)
            {
                sb.Append(i == 0 ? " values=" : ",");
                sb.Append(tap.ValueRaw(i).ToString());
                sb.Append(':');
                sb.Append(tap.ValueName(i));
            }

            return sb.ToString();
        }

        /// <summary>Parses the reader's current line; null after failing the line.</summary>
        internal static SignalTap Parse(TableReader r)
        {
            string name = r.Word(1);
            if (r.Count < 2 || r.Word(0) != "signal")
            {
                r.Fail("expected 'signal <name> ...'");
                return null;
            }

            if (!TableValues.IsName(name))
            {
                r.Fail("invalid signal name " + TableValues.Quote(name) + " (1 to 64 letters, digits, _ - . only)");
                return null;
            }

            r.Options(2);

            bool ext = r.Flag("ext");
            bool signed = r.Flag("signed");
            bool unsigned = r.Flag("unsigned");
            uint id;
            long start;
            long length;
            long maxAge;
            long scale = 1;
            int scaleDecimals = 0;
            long offset = 0;
            int offsetDecimals = 0;
            string unit = r.Option("unit");
            string order = r.Option("order");
            string scaleText = r.Option("scale");
            string offsetText = r.Option("offset");
            string values = r.Option("values");
            long[] raws = null;
            string[] names = null;
            if (!r.Hex("id", true, out id) || !Digits(r, "start", out start) || !Digits(r, "len", out length)
                || (order == null && !r.Fail("missing order=intel or order=motorola"))
                || (order != "intel" && order != "motorola" && !r.Bad("order", "intel or motorola"))
                || (scaleText != null && !FixedDecimal.TryParse(scaleText, out scale, out scaleDecimals) && !r.Bad("scale", "a decimal such as 0.01"))
                || (offsetText != null && !FixedDecimal.TryParse(offsetText, out offset, out offsetDecimals) && !r.Bad("offset", "a decimal such as -40"))
                || (values != null && !ParseValues(values, out raws, out names) && !r.Bad("values", "distinct raw:name pairs such as 0:open,1:closed"))
                || !r.Check(signed == unsigned ? (signed ? "both signed and unsigned" : "missing signed or unsigned") : null)
                || !r.Duration("max-age", true, out maxAge)
                || !r.NoneLeft())
            {
                return null;
            }

            int decimals = scaleDecimals > offsetDecimals ? scaleDecimals : offsetDecimals;
            long scaleUnits = scale * FixedDecimal.Pow10(decimals - scaleDecimals);
            long offsetUnits = offset * FixedDecimal.Pow10(decimals - offsetDecimals);
            bool motorola = order == "motorola";
            string error = SignalTap.Check(name, id, ext, (int)start, (int)length, motorola, scaleUnits, offsetUnits, decimals, maxAge);
            if (!r.Check(error))
            {
                return null;
            }

            return new SignalTap(name, id, ext, (int)start, (int)length, motorola, signed, scaleUnits, offsetUnits, decimals, unit == null ? "" : unit, maxAge, raws, names);
        }

        private static bool Digits(TableReader r, string key, out long value)
        {
            value = 0;
            string text = r.Required(key);
            return text != null && (TableValues.TryParseDigits(text, 3, out value) || r.Bad(key, "up to 3 decimal digits"));
        }

        // values=0:open,1:closed -> raw values (integers, may be negative) and distinct names.
        private static bool ParseValues(string text, out long[] raws, out string[] names)
        {
            names = TableValues.Items(text);
            raws = new long[names.Length];
            for (int n = 0; n < names.Length; n++)
            {
                string item = names[n];
                int colon = item.IndexOf(':');
                int decimals;
                if (colon < 0 || !FixedDecimal.TryParse(item.Substring(0, colon), out raws[n], out decimals) || decimals != 0)
                {
                    return false;
                }

                names[n] = item.Substring(colon + 1);
                if (!TableValues.IsName(names[n]) || (names[n][0] >= '0' && names[n][0] <= '9') || names[n][0] == '-')
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
