using System.Globalization;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim.Egress;

/// <summary>
/// Reads the outbox file <see cref="OutboxWriter"/> writes. Blank lines and lines starting with '#' are
/// skipped; anything else that is not <c>TIME DESTINATION TOPIC SIZE HEX</c> is an <see cref="InputException"/>
/// naming <c>FILE:LINE</c> and the reason.
/// </summary>
public static class OutboxReader
{
    /// <summary>Reads the outbox at <paramref name="path"/>.</summary>
    public static List<OutboxLine> Load(string path) => Load(path, out _);

    /// <summary>Reads the outbox at <paramref name="path"/> and the boot record it names (<see cref="OutboxWriter.BootComment"/>; null: none).</summary>
    public static List<OutboxLine> Load(string path, out uint? boot)
    {
        try
        {
            using var reader = new StreamReader(path);
            return Read(reader, path, out boot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read outbox '{path}': {e.Message}");
        }
    }

    /// <summary>Reads every publish line of <paramref name="reader"/>; errors name <paramref name="name"/>.</summary>
    public static List<OutboxLine> Read(TextReader reader, string name) => Read(reader, name, out _);

    /// <summary>
    /// Reads every publish line of <paramref name="reader"/> and the boot record the outbox names; errors
    /// name <paramref name="name"/>. An outbox is one run: a second, different boot comment is an error.
    /// </summary>
    public static List<OutboxLine> Read(TextReader reader, string name, out uint? boot)
    {
        boot = null;
        var lines = new List<OutboxLine>();
        int number = 0;
        for (string? text = reader.ReadLine(); text != null; text = reader.ReadLine())
        {
            number++;
            string trimmed = text.Trim();
            if (trimmed.StartsWith(OutboxWriter.BootComment, StringComparison.Ordinal))
            {
                if (!uint.TryParse(trimmed.AsSpan(OutboxWriter.BootComment.Length), NumberStyles.None, CultureInfo.InvariantCulture, out uint seq) || (boot != null && boot != seq))
                {
                    throw new InputException($"{name}:{number}: '{trimmed}' is not a boot record sequence number, or a second run in one outbox");
                }

                boot = seq;
                continue;
            }

            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            lines.Add(Parse(trimmed, number, out string? error) ?? throw new InputException($"{name}:{number}: {error}"));
        }

        return lines;
    }

    /// <summary>Parses one publish line (no comment); null with <paramref name="error"/> when it is not one.</summary>
    public static OutboxLine? Parse(string text, int number, out string? error)
    {
        string[] f = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5)
        {
            error = $"expected 5 fields (TIME DESTINATION TOPIC SIZE HEX), found {f.Length}";
            return null;
        }

        error = OutboxTime.TryParseSeconds(f[0], out long micros) ?? CheckDestination(f[1]) ?? UplinkPolicy.CheckTopic(f[2]);
        if (error != null)
        {
            return null;
        }

        if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int size))
        {
            error = $"size '{f[3]}' is not a byte count";
            return null;
        }

        byte[] payload;
        if (f[4] == OutboxWriter.EmptyPayload)
        {
            payload = [];
        }
        else if (f[4].Length % 2 != 0 || !f[4].All(char.IsAsciiHexDigit))
        {
            error = $"payload '{Shorten(f[4])}' is not hex digits in pairs ('{OutboxWriter.EmptyPayload}' for none)";
            return null;
        }
        else
        {
            payload = Convert.FromHexString(f[4]);
        }

        if (payload.Length != size)
        {
            error = $"size says {size} bytes, the payload has {payload.Length}";
            return null;
        }

        return new OutboxLine(number, micros, f[1], f[2], payload);
    }

    /// <summary>Null when <paramref name="destination"/> is <c>host:port</c> (port 1..65535) or <see cref="OutboxWriter.NotSent"/>, else why not.</summary>
    public static string? CheckDestination(string destination)
    {
        if (destination == OutboxWriter.NotSent)
        {
            return null;
        }

        int colon = destination.LastIndexOf(':');
        bool portOk = colon > 0 && int.TryParse(destination.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535;
        bool hostOk = colon > 0 && destination.Take(colon).All(c => c > ' ' && c <= '~');
        return portOk && hostOk ? null : $"destination '{destination}' is not host:port or '{OutboxWriter.NotSent}'";
    }

    private static string Shorten(string text) => text.Length > 24 ? text[..24] + "..." : text;
}
