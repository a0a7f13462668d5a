using System.Text;

namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Turns a DBC file's bytes into text. UTF-8 (with or without BOM) when the bytes are valid
/// UTF-8; otherwise Windows-1252, the code page CANdb++ writes on Western systems, with a warning
/// naming the line of the first byte that is not UTF-8 (ASCII and Latin-1 letters read the same
/// either way; canmatrix assumes ISO-8859-1, which differs only in 0x80-0x9F, e.g. '€').
/// </summary>
internal static class DbcText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>The text, and a warning when it had to be read as Windows-1252.</summary>
    public static (string Text, DbcWarning? Warning) Decode(byte[] bytes, string source)
    {
        try
        {
            return (StrictUtf8.GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            // The exception's index is relative to an internal chunk, so find the byte again.
            int at = FirstNonUtf8(bytes);
            int line = 1 + bytes.AsSpan(0, Math.Clamp(at, 0, bytes.Length)).Count((byte)'\n');
            string hex = at >= 0 && at < bytes.Length ? $" (byte 0x{bytes[at]:X2})" : "";
            return (Windows1252.Value.GetString(bytes), new DbcWarning(source, line, $"the file is not UTF-8{hex}; read as Windows-1252"));
        }
    }

    private static int FirstNonUtf8(byte[] bytes)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[4];
        for (int i = 0; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes, i, 1, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
        }

        return bytes.Length - 1;  // a sequence cut off at the end
    }
}
