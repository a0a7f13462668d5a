namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>ASCII number formatting into byte spans for <see cref="TrcWriter"/>, without allocating.</summary>
internal static class TrcText
{
    private static readonly byte[] HexDigits = "0123456789ABCDEF"u8.ToArray();

    /// <summary>A non-negative number in decimal; returns the digits written.</summary>
    public static int Decimal(Span<byte> into, long value)
    {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        return Fixed(into, value, digits);
    }

    /// <summary>A non-negative number in exactly <paramref name="digits"/> decimal digits, zero-padded.</summary>
    public static int Fixed(Span<byte> into, long value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return digits;
    }

    /// <summary>A number in exactly <paramref name="digits"/> upper-case hex digits.</summary>
    public static int Hex(Span<byte> into, uint value, int digits)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            into[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }

        return digits;
    }

    /// <summary>Writes <paramref name="text"/> right-aligned in <paramref name="width"/> columns (wider text is not cut).</summary>
    public static int Right(Span<byte> into, ReadOnlySpan<byte> text, int width)
    {
        int pad = Math.Max(0, width - text.Length);
        into[..pad].Fill((byte)' ');
        text.CopyTo(into[pad..]);
        return pad + text.Length;
    }

    /// <summary>Writes <paramref name="text"/> left-aligned in <paramref name="width"/> columns.</summary>
    public static int Left(Span<byte> into, ReadOnlySpan<byte> text, int width)
    {
        text.CopyTo(into);
        int pad = Math.Max(0, width - text.Length);
        into.Slice(text.Length, pad).Fill((byte)' ');
        return text.Length + pad;
    }
}
