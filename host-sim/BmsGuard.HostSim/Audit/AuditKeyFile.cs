using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim.Audit;

/// <summary>Reads an audit key file: the 32-byte key as 64 hex digits (whitespace and line breaks ignored).</summary>
public static class AuditKeyFile
{
    /// <summary>Key length in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Loads the key at <paramref name="path"/>; a missing or malformed file is an <see cref="InputException"/>.</summary>
    public static byte[] Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read key file '{path}': {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses key text; errors name <paramref name="name"/>.</summary>
    public static byte[] Parse(string text, string name)
    {
        string digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != KeySize * 2 || !digits.All(Uri.IsHexDigit))
        {
            throw new InputException($"{name}: an audit key file holds {KeySize * 2} hex digits (a {KeySize}-byte key), not {Describe(digits)}");
        }

        return Convert.FromHexString(digits);
    }

    private static string Describe(string digits) =>
        digits.All(Uri.IsHexDigit) ? $"{digits.Length} hex digits" : $"'{(digits.Length > 16 ? digits[..16] + "..." : digits)}'";
}
