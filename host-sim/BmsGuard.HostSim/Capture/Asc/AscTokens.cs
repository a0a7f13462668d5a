namespace BmsGuard.HostSim.Capture.Asc;

/// <summary>
/// The whitespace-separated columns of one ASC line, as offsets into the line (no allocation),
/// with the few token tests the format needs. Reused for every line.
/// </summary>
internal sealed class AscTokens
{
    // A CAN FD line has 26 columns besides its up to 64 data bytes; anything beyond that is an
    // event python-can ignores the tail of too.
    private const int Max = 96;

    private readonly int[] _start = new int[Max];
    private readonly int[] _end = new int[Max];

    /// <summary>Columns found (at most <see cref="Max"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Splits <paramref name="line"/> at spaces and tabs.</summary>
    public void Split(ReadOnlySpan<byte> line)
    {
        Count = 0;
        int i = 0;
        while (Count < Max)
        {
            while (i < line.Length && IsSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                return;
            }

            _start[Count] = i;
            while (i < line.Length && !IsSpace(line[i]))
            {
                i++;
            }

            _end[Count++] = i;
        }
    }

    /// <summary>Column <paramref name="index"/> of <paramref name="line"/> (empty past the end).</summary>
    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> line, int index) =>
        index < Count ? line[_start[index].._end[index]] : default;

    /// <summary>Where column <paramref name="index"/> starts in the line.</summary>
    public int StartOf(int index) => _start[index];

    /// <summary>True when <paramref name="token"/> begins with the lower-case ASCII <paramref name="prefix"/>, ignoring case.</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> token, ReadOnlySpan<byte> prefix)
    {
        if (token.Length < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if ((token[i] | 0x20) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="token"/> is the lower-case ASCII <paramref name="word"/>, ignoring case.</summary>
    public static bool IsIgnoreCase(ReadOnlySpan<byte> token, ReadOnlySpan<byte> word) =>
        token.Length == word.Length && StartsWithIgnoreCase(token, word);

    /// <summary>True for a non-empty run of ASCII digits.</summary>
    public static bool IsDigits(ReadOnlySpan<byte> token)
    {
        foreach (byte b in token)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>True for a non-empty run of regex <c>\w</c> characters (ASCII letters, digits, '_').</summary>
    public static bool IsWord(ReadOnlySpan<byte> token)
    {
        foreach (byte b in token)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_'))
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>True when <paramref name="token"/> is <c>digits.digits</c>, the shape of an event's time.</summary>
    public static bool IsTimestamp(ReadOnlySpan<byte> token)
    {
        int dot = token.IndexOf((byte)'.');
        return dot > 0 && IsDigits(token[..dot]) && IsDigits(token[(dot + 1)..]);
    }

    private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t';
}
