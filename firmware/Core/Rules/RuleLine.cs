namespace BmsGuard.Core
{
    /// <summary>Parses the tokens of one <c>rule</c> line into a <see cref="FilterRule"/>.</summary>
    internal static class RuleLine
    {
        /// <summary>Returns the rule, or null with <paramref name="error"/> naming the offending token.</summary>
        internal static FilterRule Parse(string[] tokens, out string error)
        {
            error = null;
            if (tokens[0] != "rule")
            {
                error = "expected 'rule', found '" + RuleTokens.Shown(tokens[0]) + "'";
                return null;
            }

            if (tokens.Length < 3)
            {
                error = "a rule needs a name and id=";
                return null;
            }

            string name = tokens[1];
            if (!RuleTokens.IsName(name))
            {
                error = "invalid rule name '" + RuleTokens.Shown(name) + "' (1 to 64 letters, digits, _ - . only)";
                return null;
            }

            bool haveId = false;
            bool haveMask = false;
            uint id = 0;
            uint mask = 0;
            bool ext = false;
            bool inv = false;
            bool rtr = false;
            long every = 0;
            byte[] and = null;
            byte[] or = null;
            byte[] xor = null;
            byte[] set = null;

            for (int i = 2; i < tokens.Length; i++)
            {
                string t = tokens[i];
                int eq = t.IndexOf('=');
                string key = eq < 0 ? t : t.Substring(0, eq);
                string value = eq < 0 ? null : t.Substring(eq + 1);
                if (key == "ext" && value == null)
                {
                    ext = true;
                }
                else if (key == "inv" && value == null)
                {
                    inv = true;
                }
                else if (key == "rtr" && value == null)
                {
                    rtr = true;
                }
                else if (key == "id" && value != null)
                {
                    if (!RuleTokens.TryParseHex(value, out id))
                    {
                        error = "bad id '" + value + "' (hex expected)";
                        return null;
                    }

                    haveId = true;
                }
                else if (key == "mask" && value != null)
                {
                    if (!RuleTokens.TryParseHex(value, out mask))
                    {
                        error = "bad mask '" + value + "' (hex expected)";
                        return null;
                    }

                    haveMask = true;
                }
                else if (key == "every" && value != null)
                {
                    every = RuleTokens.ParseDurationMicros(value);
                    if (every <= 0)
                    {
                        error = "bad interval '" + value + "' (e.g. 100ms, 250us, 1s)";
                        return null;
                    }
                }
                else if ((key == "and" || key == "or" || key == "xor" || key == "set") && value != null)
                {
                    byte[] operand = RuleTokens.ParseOperand(value);
                    if (operand == null)
                    {
                        error = "bad " + key + " operand '" + value + "' (16 hex digits expected)";
                        return null;
                    }

                    if (key == "and")
                    {
                        and = operand;
                    }
                    else if (key == "or")
                    {
                        or = operand;
                    }
                    else if (key == "xor")
                    {
                        xor = operand;
                    }
                    else
                    {
                        set = operand;
                    }
                }
                else
                {
                    error = "unknown option '" + t + "'";
                    return null;
                }
            }

            if (!haveId)
            {
                error = "rule '" + name + "' has no id=";
                return null;
            }

            uint width = ext ? FilterRule.ExtendedIdMax : FilterRule.StandardIdMax;
            if (id > width)
            {
                error = ext ? "extended id above 0x1FFFFFFF" : "standard id above 0x7FF (add ext for 29-bit ids)";
                return null;
            }

            if (haveMask && mask > width)
            {
                error = ext ? "mask above 0x1FFFFFFF" : "mask above 0x7FF";
                return null;
            }

            if (!haveMask)
            {
                mask = width;
            }

            ByteEdit edit = new ByteEdit(and, or, xor, set);
            return new FilterRule(name, id, mask, ext, inv, rtr, every, edit);
        }
    }
}
