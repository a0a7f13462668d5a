namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// Decimal text such as "0.01", "-40" or "3276.7" as an exact integer mantissa and a count of
    /// decimals (value = mantissa / 10^decimals), so DBC scalings and interlock thresholds are compared
    /// without binary floating point. No exponents, no culture, no exceptions.
    /// </summary>
    internal static class FixedDecimal
    {
        /// <summary>Most decimals a value may carry (10^9 keeps every product of a 32-bit raw value in a long).</summary>
        internal const int MaxDecimals = 9;

        /// <summary>
        /// Parses [-]digits[.digits] with trailing fractional zeros dropped ("0.10" is 1 with 1 decimal).
        /// False on anything else, more than <see cref="MaxDecimals"/> significant decimals, or more than 15 digits.
        /// </summary>
        internal static bool TryParse(string s, out long mantissa, out int decimals)
        {
            mantissa = 0;
            decimals = 0;
            int i = 0;
            bool negative = false;
            if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
            {
                negative = s[0] == '-';
                i = 1;
            }

            int digits = 0;
            bool point = false;
            int fraction = 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '.' && !point)
                {
                    point = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (point)
                {
                    fraction++;
                }

                if (digits > 15)
                {
                    return false;
                }
            }

            if (digits == 0 || (point && fraction == 0))
            {
                return false;
            }

            while (fraction > 0 && mantissa % 10 == 0)
            {
                mantissa /= 10;
                fraction--;
            }

            if (fraction > MaxDecimals)
            {
                return false;
            }

            mantissa = negative ? -mantissa : mantissa;
            decimals = fraction;
            return true;
        }

        /// <summary>10 to the power <paramref name="n"/> (0..18).</summary>
        internal static long Pow10(int n)
        {
            long p = 1;
            for (int i = 0; i < n; i++)
            {
                p *= 10;
            }

            return p;
        }

        /// <summary>Shortest text of mantissa / 10^decimals: no trailing fractional zeros ("0.01", "-40", "5").</summary>
        internal static string Format(long mantissa, int decimals)
        {
            while (decimals > 0 && mantissa % 10 == 0)
            {
                mantissa /= 10;
                decimals--;
            }

            bool negative = mantissa < 0;
            string digits = (negative ? -mantissa : mantissa).ToString();
            if (decimals > 0)
            {
                while (digits.Length <= decimals)
                {
                    digits = "0" + digits;
                }

                digits = digits.Substring(0, digits.Length - decimals) + "." + digits.Substring(digits.Length - decimals);
            }

            return negative ? "-" + digits : digits;
        }
    }
}
