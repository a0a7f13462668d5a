using System.Text;

namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// Splits a message line into its blank-separated fields (offsets kept in reused arrays, so no
/// allocation per line) and parses the field kinds every TRC version shares.
/// </summary>
internal sealed class TrcFields
{
    /// <summary>Enough for the widest frame line: 10 columns and 64 data bytes.</summary>
    public const int Max = 80;

    private readonly int[] _starts = new int[Max];
    private readonly int[] _ends = new int[Max];

    /// <summary>Fields found, at most <see cref="Max"/>.</summary>
    public int Count { get; private set; }

    /// <summary>True when the line had more fields than <see cref="Max"/> (only event text may).</summary>
    public bool Overflow { get; private set; }

    public void Split(ReadOnlySpan<byte> line)
    {
        int n = 0;
        int i = 0;
        Overflow = false;
        while (i < line.Length)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            if (n == Max)
            {
                Overflow = true;
                break;
            }

            _starts[n] = i;
            while (i < line.Length && !IsBlank(line[i]))
            {
                i++;
            }

            _ends[n++] = i;
        }

        Count = n;
    }

    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> line, int index) => line[_starts[index].._ends[index]];

    public static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r';

    /// <summary>The line without leading and trailing blanks.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0;
        int b = s.Length;
        while (a < b && IsBlank(s[a]))
        {
            a++;
        }

        while (b > a && IsBlank(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    /// <summary>A field as text for error messages, shortened when long.</summary>
    public static string Text(ReadOnlySpan<byte> field) =>
        field.Length <= 40 ? Encoding.Latin1.GetString(field) : Encoding.Latin1.GetString(field[..40]) + "...";

    /// <summary>A decimal number 0..<paramref name="max"/>.</summary>
    public static int Decimal(ReadOnlySpan<byte> field, int max, string what)
    {
        int v = 0;
        foreach (byte b in field)
        {
            int d = b - '0';
            if ((uint)d > 9 || v > (max - d) / 10)
            {
                v = -1;
                break;
            }

            v = (v * 10) + d;
        }

        if (field.IsEmpty || v < 0 || v > max)
        {
            throw new TrcSyntaxException($"{what} '{Text(field)}' is not a number from 0 to {max}");
        }

        return v;
    }

    /// <summary>One data byte: exactly two hex digits.</summary>
    public static byte HexByte(ReadOnlySpan<byte> field)
    {
        int hi = field.Length == 2 ? HexValue(field[0]) : -1;
        int lo = field.Length == 2 ? HexValue(field[1]) : -1;
        if (hi < 0 || lo < 0)
        {
            throw new TrcSyntaxException($"data byte '{Text(field)}' is not two hex digits");
        }

        return (byte)((hi << 4) | lo);
    }

    /// <summary>
    /// A CAN identifier: up to 4 hex digits is an 11-bit one (0000-07FF), 5 to 8 a 29-bit one.
    /// PEAK writes 4 and 8 digits; python-can writes 7 for extended ones, hence "more than 4".
    /// </summary>
    public static uint Identifier(ReadOnlySpan<byte> field, out bool extended)
    {
        if (field.IsEmpty || field.Length > 8)
        {
            throw new TrcSyntaxException($"identifier '{Text(field)}' must have 1 to 4 (11-bit) or 5 to 8 (29-bit) hex digits");
        }

        uint id = 0;
        foreach (byte b in field)
        {
            int d = HexValue(b);
            if (d < 0)
            {
                throw new TrcSyntaxException($"invalid hex digit in the identifier '{Text(field)}'");
            }

            id = (id << 4) | (uint)d;
        }

        extended = field.Length > 4;
        if (!extended && id > 0x7FF)
        {
            throw new TrcSyntaxException($"11-bit identifier {Text(field)} above 07FF (29-bit identifiers have more than 4 digits)");
        }

        if (id > 0x1FFFFFFF)
        {
            throw new TrcSyntaxException($"29-bit identifier {Text(field)} above 1FFFFFFF");
        }

        return id;
    }

    /// <summary>Reads <paramref name="count"/> data bytes from field <paramref name="first"/> on.</summary>
    public void Data(ReadOnlySpan<byte> line, int first, int count, byte[] into)
    {
        for (int i = 0; i < count; i++)
        {
            into[i] = HexByte(Get(line, first + i));
        }
    }

    /// <summary>
    /// Throws unless exactly <paramref name="expected"/> data bytes follow field <paramref name="first"/>;
    /// the reason names <paramref name="what"/>, followed by the expected count when <paramref name="showCount"/>.
    /// </summary>
    public void ExpectDataCount(int first, int expected, string what, bool showCount = false)
    {
        int found = Math.Max(0, Count - first);
        if (found != expected || Overflow)
        {
            string subject = showCount ? $"{what} {expected}" : what;
            throw new TrcSyntaxException(Overflow
                ? $"more than {Max} fields on the line"
                : $"{subject} needs {expected} data byte{(expected == 1 ? "" : "s")}, the line has {found}");
        }
    }

    private static int HexValue(byte b) =>
        b >= '0' && b <= '9' ? b - '0' : b >= 'A' && b <= 'F' ? b - 'A' + 10 : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
}
