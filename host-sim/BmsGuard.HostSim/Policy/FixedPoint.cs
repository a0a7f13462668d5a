using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Policy;

/// <summary>Exact decimal helpers for compiling DBC scalings into the firmware's integer units.</summary>
public static class FixedPoint
{
    /// <summary>Significant decimals of <paramref name="value"/> (trailing zeros dropped).</summary>
    public static int Decimals(decimal value)
    {
        value /= 1.000000000000000000000000000000000m; // normalizes the scale: trailing zeros removed
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
    }

    /// <summary>Decimals needed for a signal's scale and offset.</summary>
    public static int SignalDecimals(DbcSignal s) =>
        Math.Max(Decimals(s.ExactScale ?? (decimal)s.Scale), Decimals(s.ExactOffset ?? (decimal)s.Offset));

    /// <summary>10^<paramref name="n"/> as a decimal.</summary>
    public static decimal Pow10(int n)
    {
        decimal p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>Units of 10^-<paramref name="decimals"/> as shortest decimal text ("0.5", "-40", "352.1").</summary>
    public static string Format(long units, int decimals) =>
        (units / Pow10(decimals) / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
