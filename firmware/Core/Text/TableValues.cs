namespace BmsGuard.Core.Text
{
    /// <summary>
    /// The value forms every table shares (docs/syntax.md): hex with an optional 0x, decimal digits,
    /// durations with a unit, names, comma lists. No culture, no exceptions.
    /// </summary>
    public static class TableValues
    {
        /// <summary>Longest rule, tap or signal name: names go into every decision line and audit text.</summary>
        public const int MaxName = 64;

        /// <summary>True for a name of 1 to <see cref="MaxName"/> letters, digits, '_', '-' and '.' (rule, tap and signal names).</summary>
        public static bool IsName(string s)
        {
            if (s.Length > MaxName)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return s.Length > 0;
        }

        /// <summary>A word as an error message quotes it: in single quotes, cut to 40 characters with its length when longer.</summary>
        public static string Quote(string word)
        {
            return "'" + (word.Length <= 40 ? word : word.Substring(0, 40) + "...(" + word.Length.ToString() + " characters)") + "'";
        }

        /// <summary>The items of a comma list; "a,,b" has an empty second item, "" one empty item.</summary>
        public static string[] Items(string list)
        {
            return Cut(list, false);
        }

        /// <summary>The words of a line: split on spaces and tabs (and a stray '\r'), empty words dropped.</summary>
        public static string[] Words(string line)
        {
            return Cut(line, true);
        }

        /// <summary>Parses 1 to 8 hex digits with an optional 0x (1F0 and 0x1F0 alike); false on anything else.</summary>
        public static bool TryParseHex(string s, out uint value)
        {
            value = 0;
            int i = 0;
            if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            {
                i = 2;
            }

            if (i == s.Length || s.Length - i > 8)
            {
                return false;
            }

            for (; i < s.Length; i++)
            {
                int d = HexDigit(s[i]);
                if (d < 0)
                {
                    return false;
                }

                value = (value << 4) | (uint)d;
            }

            return true;
        }

        /// <summary>Value 0..15 of a hex digit, or -1.</summary>
        public static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>Parses 1 to <paramref name="maxDigits"/> decimal digits (no sign); false on anything else.</summary>
        public static bool TryParseDigits(string s, int maxDigits, out long value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > maxDigits)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        /// <summary>A duration in the largest unit that prints it exactly (2s, 100ms, 250us): what <see cref="ParseDurationMicros"/> reads.</summary>
        public static string FormatDuration(long micros)
        {
            if (micros % 1000000 == 0)
            {
                return (micros / 1000000).ToString() + "s";
            }

            if (micros % 1000 == 0)
            {
                return (micros / 1000).ToString() + "ms";
            }

            return micros.ToString() + "us";
        }

        /// <summary>Parses a duration such as 100ms, 250us or 2s into microseconds; -1 when invalid.</summary>
        public static long ParseDurationMicros(string s)
        {
            int digits = 0;
            long value = 0;
            while (digits < s.Length && s[digits] >= '0' && s[digits] <= '9')
            {
                value = (value * 10) + (s[digits] - '0');
                digits++;
                if (value > 100000000000L)
                {
                    return -1;
                }
            }

            if (digits == 0)
            {
                return -1;
            }

            string unit = s.Substring(digits);
            if (unit == "us")
            {
                return value;
            }

            if (unit == "ms")
            {
                return value * 1000;
            }

            if (unit == "s")
            {
                return value * 1000000;
            }

            return -1;
        }

        // Counts the parts in the first pass and fills them in the second.
        private static string[] Cut(string s, bool words)
        {
            string[] parts = null;
            for (int pass = 0; pass < 2; pass++)
            {
                int n = 0;
                int start = 0;
                for (int i = 0; i <= s.Length; i++)
                {
                    if (i < s.Length && (words ? s[i] != ' ' && s[i] != '\t' && s[i] != '\r' : s[i] != ','))
                    {
                        continue;
                    }

                    if (!words || i > start)
                    {
                        if (parts != null)
                        {
                            parts[n] = s.Substring(start, i - start);
                        }

                        n++;
                    }

                    start = i + 1;
                }

                if (parts == null)
                {
                    parts = new string[n];
                }
            }

            return parts;
        }
    }
}
