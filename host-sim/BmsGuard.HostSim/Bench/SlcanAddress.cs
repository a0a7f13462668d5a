using System.Globalization;

namespace BmsGuard.HostSim.Bench;

/// <summary>
/// Where and how to open an SLCAN adapter: <c>PATH[@BITRATE[/TTYBAUD]]</c>, e.g. /dev/ttyACM0@500000.
/// The bit rate is the CAN bus's (default 500000); the serial speed matters only to adapters behind
/// a real UART (USB CDC adapters ignore it; default 115200).
/// </summary>
public sealed record SlcanAddress(string Path, int BitRate, int TtyBaud)
{
    /// <summary>The Lawicel bit-rate commands S0..S8 (and CANable's S9 for 83.3 kbit/s), as python-can has them.</summary>
    public static readonly IReadOnlyDictionary<int, string> BitRateCommands = new Dictionary<int, string>
    {
        [10_000] = "S0", [20_000] = "S1", [50_000] = "S2", [100_000] = "S3", [125_000] = "S4",
        [250_000] = "S5", [500_000] = "S6", [750_000] = "S7", [1_000_000] = "S8", [83_300] = "S9",
    };

    /// <summary>The Lawicel command that sets <see cref="BitRate"/>.</summary>
    public string BitRateCommand => BitRateCommands[BitRate];

    /// <summary>Parses the address part of <paramref name="name"/>; throws <see cref="FormatException"/> naming it.</summary>
    public static SlcanAddress Parse(string name, string address)
    {
        int at = address.LastIndexOf('@');
        if (at < 0)
        {
            return new(address, 500_000, 115_200);
        }

        string[] rates = address[(at + 1)..].Split('/');
        if (rates.Length > 2 || !int.TryParse(rates[0], NumberStyles.None, CultureInfo.InvariantCulture, out int bitRate) || !BitRateCommands.ContainsKey(bitRate))
        {
            throw new FormatException($"{name}: the bit rate after '@' must be one of {string.Join(", ", BitRateCommands.Keys.Order())}");
        }

        int baud = 115_200;
        if (rates.Length == 2 && (!int.TryParse(rates[1], NumberStyles.None, CultureInfo.InvariantCulture, out baud) || baud < 300))
        {
            throw new FormatException($"{name}: the serial speed after '/' must be a number of baud, e.g. 115200");
        }

        return new(address[..at], bitRate, baud);
    }
}
