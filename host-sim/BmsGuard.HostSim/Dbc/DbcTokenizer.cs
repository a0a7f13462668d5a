using System.Text;

namespace BmsGuard.HostSim.Dbc;

/// <summary>Kinds of DBC tokens.</summary>
internal enum DbcTokenKind
{
    Identifier,
    Number,
    String,
    Punctuation,
    End,
}

/// <summary>One token with where it starts, so every error can name its line.</summary>
internal readonly record struct DbcToken(DbcTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string punctuationOrWord) => (Kind == DbcTokenKind.Punctuation || Kind == DbcTokenKind.Identifier) && Text == punctuationOrWord;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        DbcTokenKind.End => "end of file",
        DbcTokenKind.String => $"string \"{Shorten(Text)}\"",
        _ => $"'{Text}'",
    };

    private static string Shorten(string s) => s.Length <= 24 ? s.ReplaceLineEndings(" ") : s[..24].ReplaceLineEndings(" ") + "...";
}

/// <summary>
/// Splits DBC text into tokens. Strings may span lines (multi-line comments) and escape quotes as
/// \". A sign belongs to a number only when it follows whitespace or an opening delimiter, so
/// "@1-" and the SG_MUL_VAL_ range "0-3" tokenize as punctuation while "(0.1,-40)" keeps -40.
/// </summary>
internal static class DbcTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>; the list ends with an <see cref="DbcTokenKind.End"/> token.</summary>
    /// <exception cref="DbcFormatException">An unterminated string.</exception>
    public static List<DbcToken> Tokenize(string text, string source)
    {
        var tokens = new List<DbcToken>(text.Length / 4);
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = ++i;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int column = i - lineStart;
            if (c == '"')
            {
                int startLine = line;
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new DbcFormatException(source, startLine, "unterminated string (no closing \")");
                    }

                    char s = text[i];
                    if (s == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\'))
                    {
                        sb.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (s == '"')
                    {
                        i++;
                        break;
                    }

                    if (s == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    if (s != '\r')
                    {
                        sb.Append(s);
                    }

                    i++;
                }

                tokens.Add(new DbcToken(DbcTokenKind.String, sb.ToString(), startLine, column));
                continue;
            }

            if (IsIdentifierStart(c))
            {
                int start = i;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                tokens.Add(new DbcToken(DbcTokenKind.Identifier, text[start..i], line, column));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && NextIsDigit(text, i)) || ((c == '-' || c == '+') && SignStartsNumber(text, i)))
            {
                int start = i;
                i = ScanNumber(text, i);
                if (i < text.Length && IsIdentifierPart(text[i]) && AllDigits(text, start, i))
                {
                    // A name that starts with digits ("1stCell", "12V_Status"): some tools write those.
                    while (i < text.Length && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new DbcToken(DbcTokenKind.Identifier, text[start..i], line, column));
                    continue;
                }

                tokens.Add(new DbcToken(DbcTokenKind.Number, text[start..i], line, column));
                continue;
            }

            tokens.Add(new DbcToken(DbcTokenKind.Punctuation, c.ToString(), line, column));
            i++;
        }

        tokens.Add(new DbcToken(DbcTokenKind.End, "", line, 0));
        return tokens;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool AllDigits(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (!char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NextIsDigit(string text, int i) => i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);

    private static bool SignStartsNumber(string text, int i)
    {
        bool digitFollows = NextIsDigit(text, i) || (i + 2 < text.Length && text[i + 1] == '.' && char.IsAsciiDigit(text[i + 2]));
        if (!digitFollows)
        {
            return false;
        }

        char before = i > 0 ? text[i - 1] : ' ';
        return char.IsWhiteSpace(before) || before is '(' or ',' or '[' or '|' or ':';
    }

    private static int ScanNumber(string text, int i)
    {
        if (text[i] is '-' or '+')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        // Exponent: only when digits follow, so "1e" never eats the next token.
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < text.Length && text[j] is '-' or '+')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }
}
