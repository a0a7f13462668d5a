namespace BmsGuard.Core
{
    /// <summary>Whitespace tokenizer and number parsers for rule text (no culture, no exceptions).</summary>
    internal static class RuleTokens
    {
        /// <summary>Longest rule, tap or signal name: names go into every decision line and audit text.</summary>
        internal const int MaxName = 64;

        /// <summary>True for a name of 1 to <see cref="MaxName"/> letters, digits, '_', '-' and '.' (rule, tap and signal names).</summary>
        internal static bool IsName(string s)
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

        /// <summary>A token as an error message quotes it: cut to 40 characters, with its length when longer.</summary>
        internal static string Shown(string token)
        {
            return token.Length <= 40 ? token : token.Substring(0, 40) + "...(" + token.Length.ToString() + " characters)";
        }

        /// <summary>Splits on spaces and tabs (and a stray '\r'), dropping empty tokens.</summary>
        internal static string[] Split(string s)
        {
            int count = 0;
            bool inToken = false;
            for (int i = 0; i < s.Length; i++)
            {
                bool space = IsSpace(s[i]);
                if (!space && !inToken)
                {
                    count++;
                }

                inToken = !space;
            }

            string[] tokens = new string[count];
            int n = 0;
            int start = -1;
            for (int i = 0; i <= s.Length; i++)
            {
                bool space = i == s.Length || IsSpace(s[i]);
                if (!space && start < 0)
                {
                    start = i;
                }
                else if (space && start >= 0)
                {
                    tokens[n++] = s.Substring(start, i - start);
                    start = -1;
                }
            }

            return tokens;
        }

        /// <summary>Parses hex digits with an optional 0x prefix; false on anything else or overflow past 32 bits.</summary>
        internal static bool TryParseHex(string s, out uint value)
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

        /// <summary>Parses exactly 16 hex digits into 8 bytes, or returns null.</summary>
        internal static byte[] ParseOperand(string s)
        {
            if (s.Length != 16)
            {
                return null;
            }

            byte[] bytes = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                int hi = HexDigit(s[2 * i]);
                int lo = HexDigit(s[(2 * i) + 1]);
                if (hi < 0 || lo < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((hi << 4) | lo);
            }

            return bytes;
        }

        /// <summary>
        /// Parses 1..<paramref name="maxDigits"/> decimal digits (no sign, no culture) into
        /// <paramref name="value"/>; false for anything else.
        /// </summary>
        internal static bool TryParseDigits(string s, int maxDigits, out long value)
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
        internal static string FormatDuration(long micros)
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
        internal static long ParseDurationMicros(string s)
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

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r';
        }

        private static int HexDigit(char c)
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
    }
}
