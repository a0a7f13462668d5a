using System.Text;
using BmsGuard.Core.Text;

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
            StringBuilder sb = LargeText.Builder();
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
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                string word = r.Word(0);
                if (word == "lifetime")
                {
                    r.Check(haveLifetime ? "duplicate lifetime line" : null);
                    ParseLifetime(r, policy);
                    haveLifetime = true;
                }
                else if (word == "command")
                {
                    ParseCommand(r, policy);
                }
                else
                {
                    r.Fail("expected 'command' or 'lifetime', found " + TableValues.Quote(word));
                }
            }

            return r.End(out errorLine, out error) ? policy : null;
        }

        private static bool ParseLifetime(TableReader r, CommandPolicy policy)
        {
            long max = CommandPolicy.DefaultMaxLifetimeSeconds;
            long skew = CommandPolicy.DefaultClockSkewSeconds;
            r.Options(1);
            string maxText = r.Option("max");
            string skewText = r.Option("skew");
            return (maxText == null || (max = Seconds(maxText)) > 0 || r.Bad("max", "whole seconds above 0, e.g. 3600s"))
                && (skewText == null || (skew = Seconds(skewText)) >= 0 || r.Bad("skew", "whole seconds, e.g. 120s"))
                && r.NoneLeft()
                && r.Check(policy.SetLifetime((uint)max, (uint)skew));
        }

        private static bool ParseCommand(TableReader r, CommandPolicy policy)
        {
            string name = r.Word(1);
            int type = CommandType.Parse(name);
            if (r.Count < 2)
            {
                return r.Fail("a command line needs a command type");
            }

            if (type < 0)
            {
                return r.Fail("unknown command type " + TableValues.Quote(name));
            }

            if (policy.IsDefined(type))
            {
                return r.Fail("duplicate command '" + name + "'");
            }

            int roles;
            int needs = 0;
            string needsText;
            string threshold;
            r.Options(2);
            return (!r.Flag("interlocked") || r.Fail("'interlocked' is not a policy option: every command type is checked against the interlock table"))
                && (roles = Roles(r, r.Required("roles"))) >= 0
                && (threshold = r.Required("threshold")) != null
                && ((threshold.Length == 1 && threshold[0] >= '1' && threshold[0] <= '4') || r.Bad("threshold", "1 to 4"))
                && ((needsText = r.Option("needs")) == null || (needs = Roles(r, needsText)) >= 0)
                && r.NoneLeft()
                && r.Check(policy.Set(type, roles, threshold[0] - '0', needs));
        }

        // A comma list of distinct role names as a bit mask; -1 after failing the line (also when list is null).
        private static int Roles(TableReader r, string list)
        {
            if (list == null)
            {
                return -1;
            }

            int mask = 0;
            string[] names = TableValues.Items(list);
            for (int i = 0; i < names.Length; i++)
            {
                int role = Role.Parse(names[i]);
                string error = role < 0 ? "unknown role " : (mask & (1 << role)) != 0 ? "duplicate role " : null;
                if (!r.Check(error == null ? null : error + TableValues.Quote(names[i])))
                {
                    return -1;
                }

                mask |= 1 << role;
            }

            return mask;
        }

        private static long Seconds(string s)
        {
            long micros = TableValues.ParseDurationMicros(s);
            if (micros < 0 || micros % 1000000 != 0 || micros / 1000000 > 0xFFFFFFFFL)
            {
                return -1;
            }

            return micros / 1000000;
        }
    }
}
