using System.Text;
using BmsGuard.Core.Text;

namespace BmsGuard.Core.Telemetry
{
    /// <summary>
    /// Text form of an <see cref="UplinkPolicy"/>: one setting a line, topics in index order; '#' starts
    /// a comment. Printing and parsing the print give the same policy. Settings left out keep their defaults.
    /// </summary>
    /// <example>
    /// <code>
    /// queue 4096            # RAM ring bytes
    /// max-message 512       # largest payload
    /// segment 16384         # bytes per storage segment, 0 = no spill
    /// drop oldest           # or newest
    /// budget 2000000/h      # payload bytes per hour, or none
    /// inflight 4
    /// ack-timeout 10s
    /// reconnect 2s
    /// topic bms/guard/telemetry    # index 0
    /// topic bms/guard/events       # index 1
    /// </code>
    /// </example>
    public static class UplinkPolicyText
    {
        /// <summary>Prints every setting and the topics.</summary>
        public static string Print(UplinkPolicy policy)
        {
            StringBuilder sb = LargeText.Builder();
            Line(sb, "queue", policy.QueueBytes.ToString());
            Line(sb, "max-message", policy.MaxMessageBytes.ToString());
            Line(sb, "segment", policy.SegmentBytes.ToString());
            Line(sb, "drop", policy.Drop == UplinkDropPolicy.DropNewest ? "newest" : "oldest");
            Line(sb, "budget", policy.BytesPerHour == 0 ? "none" : policy.BytesPerHour.ToString() + "/h");
            Line(sb, "inflight", policy.Inflight.ToString());
            Line(sb, "ack-timeout", TableValues.FormatDuration(policy.AckTimeoutMicros));
            Line(sb, "reconnect", TableValues.FormatDuration(policy.ReconnectMicros));
            for (int t = 0; t < policy.Topics.Length; t++)
            {
                Line(sb, "topic", policy.Topics[t]);
            }

            return sb.ToString();
        }

        /// <summary>
        /// Parses a policy; null with the 1-based <paramref name="errorLine"/> and <paramref name="error"/> on bad
        /// input (line 0: the policy as a whole, e.g. no topic).
        /// </summary>
        public static UplinkPolicy Parse(string text, out int errorLine, out string error)
        {
            UplinkPolicy policy = new UplinkPolicy(null);
            string[] topics = new string[UplinkPolicy.MaxTopics];
            int topicCount = 0;
            int seen = 0;
            TableReader r = new TableReader(text);
            while (r.Next())
            {
                string key = r.Word(0);
                int bit = KeyBit(key);
                if (r.Check(r.Count != 2 ? "expected '<setting> <value>', got " + r.Count.ToString() + " words" : null)
                    && r.Check((seen & bit) != 0 ? "'" + key + "' given twice" : null))
                {
                    seen |= bit;
                    r.Check(Apply(policy, key, r.Word(1), topics, ref topicCount));
                }
            }

            string[] table = new string[topicCount];
            System.Array.Copy(topics, table, topicCount);
            policy.Topics = table;
            if (r.Error == null)
            {
                r.CheckWhole(policy.Check());
            }

            return r.End(out errorLine, out error) ? policy : null;
        }

        private static string Apply(UplinkPolicy policy, string key, string value, string[] topics, ref int topicCount)
        {
            long number;
            if (key == "topic")
            {
                string reason = UplinkPolicy.CheckTopic(value);
                if (reason != null)
                {
                    return reason;
                }

                if (topicCount == topics.Length)
                {
                    return "more than 255 topics";
                }

                topics[topicCount++] = value;
                return null;
            }

            if (key == "drop")
            {
                if (value == "oldest" || value == "newest")
                {
                    policy.Drop = value == "oldest" ? UplinkDropPolicy.DropOldest : UplinkDropPolicy.DropNewest;
                    return null;
                }

                return "drop must be 'oldest' or 'newest', not '" + value + "'";
            }

            if (key == "budget")
            {
                if (value == "none")
                {
                    policy.BytesPerHour = 0;
                    return null;
                }

                if (value.Length < 3 || value.Substring(value.Length - 2) != "/h" || !TableValues.TryParseDigits(value.Substring(0, value.Length - 2), 10, out number) || number == 0)
                {
                    return "budget must be 'none' or bytes per hour like '500000/h', not '" + value + "'";
                }

                policy.BytesPerHour = number;
                return null;
            }

            if (key == "ack-timeout" || key == "reconnect")
            {
                long micros = TableValues.ParseDurationMicros(value);
                if (micros <= 0)
                {
                    return key + " must be a positive duration like 500ms or 10s, not '" + value + "'";
                }

                if (key == "reconnect")
                {
                    policy.ReconnectMicros = micros;
                }
                else
                {
                    policy.AckTimeoutMicros = micros;
                }

                return null;
            }

            if (key != "queue" && key != "max-message" && key != "segment" && key != "inflight")
            {
                return "unknown setting '" + key + "'";
            }

            if (!TableValues.TryParseDigits(value, 10, out number) || number > 16777216)
            {
                return key + " must be a whole number up to 16777216, not '" + value + "'";
            }

            if (key == "queue")
            {
                policy.QueueBytes = (int)number;
            }
            else if (key == "max-message")
            {
                policy.MaxMessageBytes = (int)number;
            }
            else if (key == "segment")
            {
                policy.SegmentBytes = (int)number;
            }
            else
            {
                policy.Inflight = (int)number;
            }

            return null;
        }

        // One bit per setting that may appear once (topics repeat: 0).
        private static int KeyBit(string key)
        {
            string[] once = SingleKeys;
            for (int i = 0; i < once.Length; i++)
            {
                if (once[i] == key)
                {
                    return 1 << i;
                }
            }

            return 0;
        }

        private static readonly string[] SingleKeys = new string[]
        {
            "queue", "max-message", "segment", "drop", "budget", "inflight", "ack-timeout", "reconnect",
        };

        private static void Line(StringBuilder sb, string key, string value)
        {
            sb.Append(key);
            sb.Append(' ');
            sb.Append(value);
            sb.Append('\n');
        }
    }
}
