using System.Text;
using BmsGuard.Core.Text;

namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// The printable form of a <see cref="UdsPolicy"/>: one entry per line, counters as trailing
    /// comments (ignored by the parser), so printing and parsing the print gives the same policy.
    /// </summary>
    /// <example>
    /// <code>
    /// service 0x3E always      # tester-present
    /// service 0x27 window      # security-access: only inside a maintenance window
    /// service 0x34 flashing    # request-download: only inside a flashing window
    /// session 0x01 always      # DiagnosticSessionControl is decided per session
    /// did 0xF189               # a DID ReadDataByIdentifier (0x22) may read
    /// </code>
    /// Hex numbers take an optional 0x. Anything not listed is denied.
    /// </example>
    public static class UdsPolicyText
    {
        /// <summary>Prints the policy in the syntax <see cref="Parse"/> accepts, with counters as comments.</summary>
        public static string Print(UdsPolicy policy)
        {
            StringBuilder sb = LargeText.Builder();
            sb.Append("# bmsguard UDS policy: TCU -> BMS requests; anything unlisted is denied\n");
            for (int i = 0; i < policy.ServiceCount; i++)
            {
                int sid = policy.ServiceSid(i);
                Line(sb, "service 0x" + ((byte)sid).ToString("X2"), policy.ServiceAccess(i), UdsService.Name(sid));
                Counters(sb, policy.ServiceAllowed(i), policy.ServiceDenied(i));
            }

            for (int i = 0; i < policy.SessionCount; i++)
            {
                int session = policy.Session(i);
                Line(sb, "session 0x" + ((byte)session).ToString("X2"), policy.SessionAccess(i), UdsService.SessionName(session));
                Counters(sb, policy.SessionAllowed(i), policy.SessionDenied(i));
            }

            for (int i = 0; i < policy.DidCount; i++)
            {
                sb.Append("did 0x");
                sb.Append(((uint)policy.Did(i)).ToString("X4"));
                sb.Append("  # reads=");
                sb.Append(policy.DidReads(i).ToString());
                sb.Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Parses a policy; null on the first error, with the 1-based line and the reason.</summary>
        public static UdsPolicy Parse(string text, out int errorLine, out string error)
        {
            UdsPolicy policy = new UdsPolicy();
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                r.Check(ParseLine(policy, r));
            }

            return r.End(out errorLine, out error) ? policy : null;
        }

        private static string ParseLine(UdsPolicy policy, TableReader r)
        {
            string word = r.Word(0);
            string given = r.Word(1);
            uint id;
            if (word == "did")
            {
                if (r.Count != 2)
                {
                    return "expected 'did ID'";
                }

                if (!TableValues.TryParseHex(given, out id) || id > 0xFFFF)
                {
                    return "invalid DID '" + given + "' (hex, 0x0000-0xFFFF)";
                }

                if (policy.DidIndex((int)id) >= 0)
                {
                    return "duplicate did '" + given + "'";
                }

                return policy.AddDid((int)id) ? null : "too many DIDs (at most 64)";
            }

            if (word != "service" && word != "session")
            {
                return "expected 'service', 'session' or 'did', found '" + word + "'";
            }

            if (r.Count != 3)
            {
                return "expected '" + word + " ID ACCESS' with ACCESS always, window or flashing";
            }

            if (!TableValues.TryParseHex(given, out id) || id > 0xFF)
            {
                return "invalid " + word + " id '" + given + "' (hex, 0x00-0xFF)";
            }

            int access = UdsAccess.Parse(r.Word(2));
            if (access < 0)
            {
                return "unknown access '" + r.Word(2) + "' (always, window, flashing)";
            }

            if (word == "session")
            {
                if (id < 1 || id > 0x7F)
                {
                    return "invalid session id '" + given + "' (0x01-0x7F)";
                }

                if (policy.SessionIndex((int)id) >= 0)
                {
                    return "duplicate session '" + given + "'";
                }

                return policy.AddSession((int)id, access) ? null : "too many sessions (at most 8)";
            }

            if (id == UdsService.DiagnosticSessionControl)
            {
                return "diagnostic-session-control (0x10) is decided per session: 'session ID ACCESS'";
            }

            if (policy.ServiceIndex((int)id) >= 0)
            {
                return "duplicate service '" + given + "'";
            }

            return policy.AddService((int)id, access) ? null : "too many services (at most 32)";
        }

        private static void Line(StringBuilder sb, string head, int access, string name)
        {
            sb.Append(head);
            sb.Append(' ');
            sb.Append(UdsAccess.Name(access));
            sb.Append("  # ");
            sb.Append(name);
        }

        private static void Counters(StringBuilder sb, int allowed, int denied)
        {
            sb.Append(" allowed=");
            sb.Append(allowed.ToString());
            sb.Append(" denied=");
            sb.Append(denied.ToString());
            sb.Append('\n');
        }
    }
}
