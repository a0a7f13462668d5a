using BmsGuard.Core;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Capture.Candump;

namespace BmsGuard.HostSim.Replay;

/// <summary>
/// Which capture interface is which side of the guard. Default: can0 = BMS, can1 = TCU. Parsed
/// from and printed as <c>can0=bms,can1=tcu</c>.
/// </summary>
public sealed class ChannelMap
{
    private readonly Dictionary<string, GatewayPort> _sides = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ignored = new(StringComparer.Ordinal);
    private readonly string?[] _outputNames = new string?[2];

    /// <summary>
    /// The default map: can0 = BMS, can1 = TCU, and the same buses as numbered channels 1 and 2 of
    /// ASC, BLF, TRC and CSV captures (see <c>ChannelNames</c>).
    /// </summary>
    public const string DefaultText = "can0=bms,can1=tcu,1=bms,2=tcu";

    /// <summary>The default map (<see cref="DefaultText"/>).</summary>
    public static ChannelMap Default => Parse(DefaultText);

    /// <summary>Parses <c>iface=bms|tcu|none[,...]</c> (none: the interface's frames are skipped and counted); throws <see cref="FormatException"/> with the reason.</summary>
    public static ChannelMap Parse(string text)
    {
        var map = new ChannelMap();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1)
            {
                throw new FormatException($"bad interface mapping '{part}': expected iface=bms, iface=tcu or iface=none");
            }

            string iface = part[..eq];
            if (System.Text.Encoding.UTF8.GetByteCount(iface) > CandumpLineFormatter.MaxInterfaceName)
            {
                throw new FormatException($"interface name longer than {CandumpLineFormatter.MaxInterfaceName} bytes: '{iface[..16]}...'");
            }

            string sideName = part[(eq + 1)..].ToLowerInvariant();
            if (sideName == "none")
            {
                if (map._sides.ContainsKey(iface) || !map._ignored.Add(iface))
                {
                    throw new FormatException($"interface '{iface}' is mapped twice");
                }

                continue;
            }

            GatewayPort side = sideName switch
            {
                "bms" => GatewayPort.Bms,
                "tcu" => GatewayPort.Tcu,
                var other => throw new FormatException($"bad side '{other}' for interface '{iface}': expected bms, tcu or none"),
            };
            if (map._ignored.Contains(iface) || !map._sides.TryAdd(iface, side))
            {
                throw new FormatException($"interface '{iface}' is mapped twice");
            }

            map._outputNames[(int)side] ??= iface;
        }

        for (int s = 0; s < 2; s++)
        {
            if (map._outputNames[s] == null)
            {
                throw new FormatException($"no interface is mapped to {(s == 0 ? "bms" : "tcu")}");
            }
        }

        return map;
    }

    /// <summary>The side of an interface, or false when it is not mapped.</summary>
    public bool TryGetSide(string iface, out GatewayPort side) => _sides.TryGetValue(iface, out side);

    /// <summary>True when the interface is mapped to none: its frames are skipped (and counted).</summary>
    public bool Ignores(string iface) => _ignored.Contains(iface);

    /// <summary>Interface name used when writing frames that reached <paramref name="side"/> (the first mapped to it).</summary>
    public string OutputName(GatewayPort side) => _outputNames[(int)side]!;

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(",", _sides.Select(kv => $"{kv.Key}={(kv.Value == GatewayPort.Bms ? "bms" : "tcu")}").Concat(_ignored.Select(i => $"{i}=none")));
}
