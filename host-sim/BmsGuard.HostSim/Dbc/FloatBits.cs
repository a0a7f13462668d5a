namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// float32 ↔ double conversions that keep NaN payloads. The hardware conversion quiets
/// signalling NaNs, which would change bits a frame carried; every other float32 converts to
/// double and back exactly.
/// </summary>
internal static class FloatBits
{
    private const int MantissaShift = 52 - 23;

    /// <summary>The float32 with bits <paramref name="bits"/> as a double.</summary>
    public static double Widen(uint bits)
    {
        float f = BitConverter.UInt32BitsToSingle(bits);
        if (!float.IsNaN(f))
        {
            return f;
        }

        ulong sign = (ulong)(bits >> 31) << 63;
        ulong mantissa = (ulong)(bits & 0x7F_FFFF) << MantissaShift;
        return BitConverter.UInt64BitsToDouble(sign | (0x7FFUL << 52) | mantissa);
    }

    /// <summary>The float32 bits of <paramref name="value"/> (rounded to nearest when it is not a float32).</summary>
    public static uint Narrow(double value)
    {
        if (!double.IsNaN(value))
        {
            return BitConverter.SingleToUInt32Bits((float)value);
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        uint sign = (uint)(bits >> 63) << 31;
        uint mantissa = (uint)((bits >> MantissaShift) & 0x7F_FFFF);
        // A payload only in the low double bits would vanish and turn NaN into infinity: keep it a (quiet) NaN.
        return sign | 0x7F80_0000u | (mantissa == 0 ? 0x40_0000u : mantissa);
    }
}
