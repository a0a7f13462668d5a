using System.Globalization;
using System.Security.Cryptography;
using BmsGuard.Core.Commands;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim.Keys;

/// <summary>
/// A signing key on the bench: role, key id and a 32-byte HMAC-SHA256 secret, as a small text file
/// ("role owner", "id 1", "secret 64-hex"). The secret never goes into a repository or over the TCU
/// in clear; the file is created readable by its owner only.
/// </summary>
public sealed record KeyFile(int Role, ushort Id, byte[] Secret)
{
    /// <summary>Secret length in bytes.</summary>
    public const int SecretLength = 32;

    /// <summary>A fresh key with a secret from the OS random generator.</summary>
    public static KeyFile Generate(int role, ushort id) => new(role, id, RandomNumberGenerator.GetBytes(SecretLength));

    /// <summary>First 8 bytes of SHA-256 of the secret, in hex: safe to print and compare.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Secret))[..16];

    /// <summary>The file's text.</summary>
    public string ToText() =>
        "# BMS Guard signing key. Keep it secret: not in a repository, never on the TCU.\n" +
        $"role {BmsGuard.Core.Commands.Role.Name(Role)}\n" +
        $"id {Id}\n" +
        $"secret {Convert.ToHexStringLower(Secret)}\n";

    /// <summary>Writes the key to a new file (never overwrites), readable by the owner only.</summary>
    public void Save(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var w = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            w.Write(ToText());
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new InputException($"{path}: already exists; a key file is never overwritten");
        }
    }

    /// <summary>Reads a key file; errors name the file and line.</summary>
    public static KeyFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: key file not found");
        }

        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses key file lines; <paramref name="name"/> is used in errors.</summary>
    public static KeyFile Parse(string[] lines, string name)
    {
        int role = -1;
        int id = -1;
        byte[]? secret = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string where = $"{name}:{i + 1}";
            int space = line.IndexOf(' ');
            string key = space < 0 ? line : line[..space];
            string value = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            switch (key)
            {
                case "role":
                    role = BmsGuard.Core.Commands.Role.Parse(value);
                    if (role < 0)
                    {
                        throw new InputException($"{where}: unknown role '{value}' (owner, fleet, workshop, battery-maker)");
                    }

                    break;
                case "id":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id < 1 || id > ushort.MaxValue)
                    {
                        throw new InputException($"{where}: key id must be 1..65535, not '{value}'");
                    }

                    break;
                case "secret":
                    secret = ParseSecret(value, where);
                    break;
                default:
                    throw new InputException($"{where}: unknown field '{key}' (role, id, secret)");
            }
        }

        if (role < 0 || id < 0 || secret == null)
        {
            string missing = role < 0 ? "role" : id < 0 ? "id" : "secret";
            throw new InputException($"{name}: not a key file: no '{missing}' line");
        }

        return new KeyFile(role, (ushort)id, secret);
    }

    /// <summary>Parses a 64-hex-digit secret.</summary>
    public static byte[] ParseSecret(string hex, string where)
    {
        if (hex.Length != SecretLength * 2 || !hex.All(Uri.IsHexDigit))
        {
            throw new InputException($"{where}: secret must be {SecretLength * 2} hex digits");
        }

        return Convert.FromHexString(hex);
    }
}
