namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Exact conversion between decimal seconds text ("12.345678", "1e-05") and integer nanoseconds,
/// for the text formats that store time as a decimal number. No floating point: what the file
/// says is what the frame gets, to the nanosecond (digits beyond the ninth decimal are truncated).
/// </summary>
internal static class DecimalNanos
{
    /// <summary>Longest text <see cref="Format"/> writes.</summary>
    public const int MaxFormatted = 32;

    private static readonly long[] Pow10 = BuildPow10();

    /// <summary>
    /// Parses <c>digits[.digits]</c>; <paramref name="python"/> also allows a sign and an exponent,
    /// as Python's <c>repr(float)</c> writes them ("-0.5", "1e-05", "1.5e+16").
    /// </summary>
    /// <returns>Null on success, else why the text is not a timestamp.</returns>
    public static string? TryParse(ReadOnlySpan<byte> text, bool python, out long nanos)
    {
        nanos = 0;
        int i = 0;
        bool negative = false;
        if (python && i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i++] == (byte)'-';
        }

        int intStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < text.Length && text[i] == (byte)'.')
        {
            fracStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fracEnd = i;
        }

        if (intEnd == intStart && fracEnd == fracStart)
        {
            return "expected decimal seconds";
        }

        int exponent = 0;
        if (python && i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            bool negativeExponent = i < text.Length && text[i] == (byte)'-';
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                i++;
            }

            int expStart = i;
            while (i < text.Length && IsDigit(text[i]) && i - expStart < 4)
            {
                exponent = (exponent * 10) + (text[i++] - '0');
            }

            if (i == expStart)
            {
                return "missing exponent digits";
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return "unexpected character in decimal seconds";
        }

        // Horner over the digits worth at least 1 ns; 'place' is the power of ten (in ns) of the
        // current digit, so the last digit kept scales the sum.
        long sum = 0;
        int place = (intEnd - intStart) - 1 + exponent + 9;
        int lastPlace = place;
        for (int k = intStart; k < fracEnd; k++)
        {
            if (k == intEnd)
            {
                continue; // the decimal point
            }

            if (place < 0)
            {
                break;
            }

            int d = text[k] - '0';
            if (sum > (long.MaxValue - d) / 10)
            {
                return "timestamp out of range";
            }

            sum = (sum * 10) + d;
            lastPlace = place--;
        }

        if (sum != 0 && lastPlace > 0)
        {
            if (lastPlace > 18 || sum > long.MaxValue / Pow10[lastPlace])
            {
                return "timestamp out of range";
            }

            sum *= Pow10[lastPlace];
        }

        nanos = negative ? -sum : sum;
        return null;
    }

    /// <summary>
    /// Writes <paramref name="nanos"/> as decimal seconds: six decimals (microseconds, what Vector
    /// and candump write), nine when the value has sub-microsecond digits so nothing is lost.
    /// </summary>
    /// <returns>Bytes written.</returns>
    public static int Format(Span<byte> into, long nanos)
    {
        int n = 0;
        ulong magnitude = nanos < 0 ? (ulong)(-(nanos + 1)) + 1 : (ulong)nanos;
        if (nanos < 0)
        {
            into[n++] = (byte)'-';
        }

        ulong seconds = magnitude / 1_000_000_000;
        ulong fraction = magnitude % 1_000_000_000;
        seconds.TryFormat(into[n..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        n += written;
        into[n++] = (byte)'.';
        int digits = fraction % 1000 == 0 ? 6 : 9;
        if (digits == 6)
        {
            fraction /= 1000;
        }

        for (int k = digits - 1; k >= 0; k--)
        {
            into[n + k] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }

        return n + digits;
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static long[] BuildPow10()
    {
        var p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }
}
