using System.Globalization;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// How often <see cref="TrafficGenerator"/> sends each message: a per-message override, else the
/// message's GenMsgCycleTime, else the default (none: the message is not sent cyclically). An
/// override of 0 leaves the message out. Printed as the --cycle option reads it: "100,PackStatus=20,Debug=0".
/// </summary>
public sealed class CycleTimes
{
    /// <summary>Only the DBC's GenMsgCycleTime.</summary>
    public static readonly CycleTimes FromDbc = new(null, new Dictionary<string, int>());

    private readonly Dictionary<string, int> _overrides;

    /// <summary>A table with a default (ms, or null) and per-message overrides (ms, 0 = not sent).</summary>
    public CycleTimes(int? defaultMillis, IReadOnlyDictionary<string, int> overrides)
    {
        DefaultMillis = defaultMillis;
        _overrides = new Dictionary<string, int>(overrides, StringComparer.Ordinal);
    }

    /// <summary>Cycle in ms for messages without GenMsgCycleTime or override, or null.</summary>
    public int? DefaultMillis { get; }

    /// <summary>Per-message cycles in ms by message name (0: not sent).</summary>
    public IReadOnlyDictionary<string, int> Overrides => _overrides;

    /// <summary>
    /// Parses "[DEFAULT][,MESSAGE=CYCLE...]" (the --cycle option, repeated options joined by ','),
    /// each cycle in ms or with a unit (20, 20ms, 1s; 0 or off for not sent); message names must exist in <paramref name="dbc"/>.
    /// </summary>
    /// <exception cref="FormatException">A bad cycle, a second default, or an unknown message name.</exception>
    public static CycleTimes Parse(string text, DbcDatabase dbc)
    {
        int? fallback = null;
        var overrides = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            if (eq < 0)
            {
                fallback = fallback == null ? Millis(part, allowOff: false) : throw new FormatException($"two default cycles given ({fallback} ms and '{part}'); give one, and MESSAGE=CYCLE for the others");
                continue;
            }

            string name = part[..eq].Trim();
            if (dbc.Message(name) == null)
            {
                throw new FormatException($"{dbc.Source} has no message called '{name}'");
            }

            if (!overrides.TryAdd(name, Millis(part[(eq + 1)..].Trim(), allowOff: true)))
            {
                throw new FormatException($"message {name} is given two cycles");
            }
        }

        return new CycleTimes(fallback, overrides);
    }

    /// <summary>The cycle of <paramref name="message"/> in ms, or null when it is not sent cyclically.</summary>
    public int? Of(DbcMessage message)
    {
        if (_overrides.TryGetValue(message.Name, out int ms))
        {
            return ms > 0 ? ms : null;
        }

        return message.CycleTime ?? DefaultMillis;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (DefaultMillis is { } d)
        {
            parts.Add(d.ToString(CultureInfo.InvariantCulture));
        }

        parts.AddRange(_overrides.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));
        return string.Join(',', parts);
    }

    private static int Millis(string text, bool allowOff)
    {
        if (allowOff && text is "off" or "0")
        {
            return 0;
        }

        (string number, int scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1)
            : text.EndsWith('s') ? (text[..^1], 1000)
            : (text, 1);
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > 3_600_000 / scale)
        {
            string off = allowOff ? ", or 0/off to leave the message out" : "";
            throw new FormatException($"a cycle must be a whole number of milliseconds from 1 to 3600000 (20, 20ms, 1s){off}, not '{text}'");
        }

        return n * scale;
    }
}
