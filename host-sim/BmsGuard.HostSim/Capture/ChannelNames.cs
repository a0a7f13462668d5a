using System.Globalization;

namespace BmsGuard.HostSim.Capture;

/// <summary>
/// Channel naming across formats. Text formats with interface names (candump) keep them ("can0");
/// formats with channel numbers (ASC, BLF, TRC, python-can CSV) read them as their decimal string
/// ("1"). When converting a name to a number, "canN"/"vcanN"/"slcanN" becomes N + 1 (these formats
/// count from 1); a number converts to "can(N-1)" for candump.
/// </summary>
public static class ChannelNames
{
    /// <summary>The channel number (1-based) for <paramref name="channel"/>, or false when it has none.</summary>
    public static bool TryGetNumber(string channel, out int number)
    {
        if (int.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        int i = channel.Length;
        while (i > 0 && char.IsAsciiDigit(channel[i - 1]))
        {
            i--;
        }

        if (i < channel.Length && i > 0 && int.TryParse(channel.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            number = n + 1;
            return true;
        }

        number = 0;
        return false;
    }

    /// <summary>The 1-based number as a channel string ("1").</summary>
    public static string FromNumber(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A candump interface name for <paramref name="channel"/>: numbers become "can(N-1)", names stay.</summary>
    public static string ToInterfaceName(string channel) =>
        int.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? "can" + (n - 1).ToString(CultureInfo.InvariantCulture)
            : channel;
}
