using System.Text;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The printable form of a <see cref="CommandPolicy"/>. Printing a policy and parsing the print
    /// gives the same policy; counters are printed as trailing comments, which the parser ignores.
    /// </summary>
    /// <example>
    /// <code>
    /// lifetime max=3600s skew=120s
    /// command set-charge-target roles=owner,fleet threshold=1
    /// command open-contactors roles=owner,fleet,workshop,battery-maker threshold=2 needs=owner,fleet
    /// </code>
    /// A missing <c>lifetime</c> line keeps the defaults; a command type without a line may be sent by nobody.
    /// <c>needs=</c> lists roles of which at least one must sign. Interlocks are not policy: every type is
    /// checked against the interlock table.
    /// </example>
    public static class CommandPolicyText
    {
        /// <summary>Prints the policy in the syntax <see cref="Parse"/> accepts, with counters as comments.</summary>
        public static string Print(CommandPolicy policy)
        {
            StringBuilder sb = new StringBuilder();
            sb.Append("# bmsguard command policy: roles allowed per command, distinct roles that must co-sign\n");
            sb.Append("lifetime max=");
            sb.Append(((long)policy.MaxLifetimeSeconds).ToString());
            sb.Append("s skew=");
            sb.Append(((long)policy.ClockSkewSeconds).ToString());
            sb.Append("s\n");
            for (int type = 0; type < CommandPolicy.Rows; type++)
            {
                if (!policy.IsDefined(type))
                {
                    continue;
                }

                sb.Append("command ");
                sb.Append(CommandType.Name(type));
                sb.Append(" roles=");
                AppendRoles(sb, policy.RoleMask(type));
                sb.Append(" threshold=");
                sb.Append(policy.Threshold(type).ToString());
                if (policy.NeedsMask(type) != 0)
                {
                    sb.Append(" needs=");
                    AppendRoles(sb, policy.NeedsMask(type));
                }

                sb.Append("  # accepted=");
                sb.Append(((long)policy.Accepted(type)).ToString());
                sb.Append(" denied=");
                sb.Append(((long)policy.Denied(type)).ToString());
                sb.Append('\n');
            }

            return sb.ToString();
        }

        private static void AppendRoles(StringBuilder sb, int mask)
        {
            bool first = true;
            for (int role = Role.Count - 1; role >= 0; role--)
            {
                if ((mask & (1 << role)) != 0)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    sb.Append(Role.Name(role));
                    first = false;
                }
            }
        }

        /// <summary>
        /// Parses a policy. Returns null on the first error, with <paramref name="errorLine"/> (1-based)
        /// and <paramref name="error"/> saying why.
        /// </summary>
        public static CommandPolicy Parse(string text, out int errorLine, out string error)
        {
            CommandPolicy policy = new CommandPolicy();
            bool haveLifetime = false;
            errorLine = 0;
            error = null;
            TextLines lines = new TextLines(text);
            int line = 0;
            while (lines.Next())
            {
                line = lines.Line;
                string[] tokens = lines.Tokens;

                if (tokens[0] == "lifetime")
                {
                    error = haveLifetime ? "duplicate lifetime line" : ParseLifetime(tokens, policy);
                    haveLifetime = true;
                }
                else if (tokens[0] == "command")
                {
                    error = ParseCommand(tokens, policy);
                }
                else
                {
                    error = "expected 'command' or 'lifetime', found '" + tokens[0] + "'";
                }

                if (error != null)
                {
                    errorLine = line;
                    return null;
                }
            }

            return policy;
        }

        private static string ParseLifetime(string[] tokens, CommandPolicy policy)
        {
            long max = CommandPolicy.DefaultMaxLifetimeSeconds;
            long skew = CommandPolicy.DefaultClockSkewSeconds;
            for (int i = 1; i < tokens.Length; i++)
            {
                string t = tokens[i];
                if (t.Length > 4 && t.Substring(0, 4) == "max=")
                {
                    max = Seconds(t.Substring(4));
                    if (max <= 0)
                    {
                        return "bad lifetime max '" + t.Substring(4) + "' (whole seconds above 0, e.g. 3600s)";
                    }
                }
                else if (t.Length > 5 && t.Substring(0, 5) == "skew=")
                {
                    skew = Seconds(t.Substring(5));
                    if (skew < 0)
                    {
                        return "bad clock skew '" + t.Substring(5) + "' (whole seconds, e.g. 120s)";
                    }
                }
                else
                {
                    return "unknown lifetime option '" + t + "'";
                }
            }

            return policy.SetLifetime((uint)max, (uint)skew);
        }

        private static string ParseCommand(string[] tokens, CommandPolicy policy)
        {
            if (tokens.Length < 2)
            {
                return "a command line needs a command type";
            }

            string name = tokens[1];
            int type = CommandType.Parse(name);
            if (type < 0)
            {
                return "unknown command type '" + name + "'";
            }

            if (policy.IsDefined(type))
            {
                return "duplicate command '" + name + "'";
            }

            int roles = -1;
            int threshold = -1;
            int needs = 0;
            for (int i = 2; i < tokens.Length; i++)
            {
                string t = tokens[i];
                if (t.Length > 6 && t.Substring(0, 6) == "roles=")
                {
                    string error;
                    roles = ParseRoles(t.Substring(6), out error);
                    if (error != null)
                    {
                        return error;
                    }
                }
                else if (t.Length > 10 && t.Substring(0, 10) == "threshold=")
                {
                    string value = t.Substring(10);
                    threshold = value.Length == 1 && value[0] >= '1' && value[0] <= '4' ? value[0] - '0' : -1;
                    if (threshold < 0)
                    {
                        return "bad threshold '" + value + "' (1 to 4)";
                    }
                }
                else if (t.Length > 6 && t.Substring(0, 6) == "needs=")
                {
                    string error;
                    needs = ParseRoles(t.Substring(6), out error);
                    if (error != null)
                    {
                        return error;
                    }
                }
                else if (t == "interlocked")
                {
                    return "'interlocked' is not a policy option: every command type is checked against the interlock table";
                }
                else
                {
                    return "unknown option '" + t + "'";
                }
            }

            if (roles < 0)
            {
                return "command '" + name + "' has no roles=";
            }

            if (threshold < 0)
            {
                return "command '" + name + "' has no threshold=";
            }

            return policy.Set(type, roles, threshold, needs);
        }

        private static int ParseRoles(string list, out string error)
        {
            error = null;
            int mask = 0;
            int pos = 0;
            while (pos <= list.Length)
            {
                int comma = list.IndexOf(',', pos);
                if (comma < 0)
                {
                    comma = list.Length;
                }

                string name = list.Substring(pos, comma - pos);
                int role = Role.Parse(name);
                if (role < 0)
                {
                    error = "unknown role '" + name + "'";
                    return -1;
                }

                if ((mask & (1 << role)) != 0)
                {
                    error = "duplicate role '" + name + "'";
                    return -1;
                }

                mask |= 1 << role;
                pos = comma + 1;
            }

            return mask;
        }

        private static long Seconds(string s)
        {
            long micros = RuleTokens.ParseDurationMicros(s);
            if (micros < 0 || micros % 1000000 != 0 || micros / 1000000 > 0xFFFFFFFFL)
            {
                return -1;
            }

            return micros / 1000000;
        }
    }
}
