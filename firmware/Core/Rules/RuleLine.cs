using BmsGuard.Core.Text;

namespace BmsGuard.Core
{
    /// <summary>Parses one <c>rule</c> line into a <see cref="FilterRule"/>.</summary>
    internal static class RuleLine
    {
        /// <summary>Returns the rule on the reader's current line, or null after failing the line.</summary>
        internal static FilterRule Parse(TableReader r)
        {
            string name = r.Word(1);
            if (r.Word(0) != "rule")
            {
                r.Fail("expected 'rule', found " + TableValues.Quote(r.Word(0)));
                return null;
            }

            if (r.Count < 3)
            {
                r.Fail("a rule needs a name and id=");
                return null;
            }

            if (!TableValues.IsName(name))
            {
                r.Fail("invalid rule name " + TableValues.Quote(name) + " (1 to 64 letters, digits, _ - . only)");
                return null;
            }

            uint id;
            uint mask;
            long every;
            byte[] and;
            byte[] or;
            byte[] xor;
            byte[] set;
            r.Options(2);

            bool ext = r.Flag("ext");
            bool inv = r.Flag("inv");
            bool rtr = r.Flag("rtr");
            bool haveMask = r.Option("mask") != null;
            if (!r.Hex("id", true, out id) || !r.Hex("mask", false, out mask) || !r.Duration("every", false, out every)
                || !Operand(r, "and", out and) || !Operand(r, "or", out or) || !Operand(r, "xor", out xor) || !Operand(r, "set", out set)
                || !r.NoneLeft())
            {
                return null;
            }

            uint width = ext ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax;
            if (id > width)
            {
                r.Fail(ext ? "extended id above 0x1FFFFFFF" : "standard id above 0x7FF (add ext for 29-bit ids)");
                return null;
            }

            if (mask > width)
            {
                r.Fail(ext ? "mask above 0x1FFFFFFF" : "mask above 0x7FF");
                return null;
            }

            return new FilterRule(name, id, haveMask ? mask : width, ext, inv, rtr, every, new ByteEdit(and, or, xor, set));
        }

        // An 8-byte edit operand: exactly 16 hex digits (no 0x); null when absent.
        private static bool Operand(TableReader r, string key, out byte[] bytes)
        {
            bytes = null;
            string s = r.Option(key);
            if (s == null)
            {
                return true;
            }

            if (s.Length != 16)
            {
                return r.Bad(key, "16 hex digits");
            }

            bytes = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                int hi = TableValues.HexDigit(s[2 * i]);
                int lo = TableValues.HexDigit(s[(2 * i) + 1]);
                if (hi < 0 || lo < 0)
                {
                    return r.Bad(key, "16 hex digits");
                }

                bytes[i] = (byte)((hi << 4) | lo);
            }

            return true;
        }
    }
}
