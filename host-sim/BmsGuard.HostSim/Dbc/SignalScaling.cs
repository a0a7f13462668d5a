namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Converts between a signal's raw bits and its physical value (raw * scale + offset), for
/// unsigned, two's complement and IEEE float/double signals.
/// </summary>
public static class SignalScaling
{
    /// <summary>The physical value of <paramref name="raw"/> (the signal's bits, zero-extended).</summary>
    public static PhysicalValue ToPhysical(DbcSignal signal, ulong raw)
    {
        switch (signal.ValueType)
        {
            case DbcValueType.Float32:
                return Scale(signal, FloatBits.Widen((uint)raw));
            case DbcValueType.Float64:
                return Scale(signal, BitConverter.UInt64BitsToDouble(raw));
        }

        if (signal.ExactScale is { } scale && signal.ExactOffset is { } offset)
        {
            try
            {
                decimal r = signal.IsSigned ? SignalCodec.SignExtend(raw, signal.Length) : raw;
                return new PhysicalValue((r * scale) + offset);
            }
            catch (OverflowException)
            {
                // Beyond decimal's range (huge scales): fall back to double below.
            }
        }

        double d = signal.IsSigned ? SignalCodec.SignExtend(raw, signal.Length) : raw;
        return new PhysicalValue((d * signal.Scale) + signal.Offset);
    }

    /// <summary>The raw bits for <paramref name="value"/>, rounded to the nearest step of the scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit the signal's bits.</exception>
    public static ulong ToRaw(DbcSignal signal, PhysicalValue value)
    {
        switch (signal.ValueType)
        {
            case DbcValueType.Float32:
                return FloatBits.Narrow(Unscale(signal, value.Value));
            case DbcValueType.Float64:
                return BitConverter.DoubleToUInt64Bits(Unscale(signal, value.Value));
        }

        if (signal.Scale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"signal {signal.Name} has scale 0, so no raw value encodes {value}");
        }

        if (value.Exact is { } exact && signal.ExactScale is { } scale && signal.ExactOffset is { } offset)
        {
            try
            {
                return FromInteger(signal, Math.Round((exact - offset) / scale, MidpointRounding.AwayFromZero), value);
            }
            catch (OverflowException)
            {
                // Too large for decimal: the double path below decides.
            }
        }

        double raw = Math.Round((value.Value - signal.Offset) / signal.Scale, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(raw))
        {
            throw OutOfRange(signal, value);
        }

        // Through long/ulong, not (decimal)double, which keeps only 15 significant digits.
        if (raw >= -9.2e18 && raw <= 9.2e18)
        {
            return FromInteger(signal, (long)raw, value);
        }

        return raw > 0 && raw < 18446744073709551616.0 ? FromInteger(signal, (ulong)raw, value) : throw OutOfRange(signal, value);
    }

    private static ulong FromInteger(DbcSignal signal, decimal raw, PhysicalValue value)
    {
        int bits = signal.Length;
        if (signal.IsSigned)
        {
            decimal min = -(decimal)(1UL << (bits - 1));
            decimal max = (1UL << (bits - 1)) - 1;
            if (raw < min || raw > max)
            {
                throw OutOfRange(signal, value);
            }

            ulong twos = (ulong)(long)raw;
            return bits == 64 ? twos : twos & ((1UL << bits) - 1);
        }

        decimal umax = ulong.MaxValue >> (64 - bits);
        return raw >= 0 && raw <= umax ? (ulong)raw : throw OutOfRange(signal, value);
    }

    private static PhysicalValue Scale(DbcSignal signal, double v) =>
        // Identity scaling skips the arithmetic so -0.0 and NaN payloads come back bit for bit.
        IsIdentity(signal) ? new PhysicalValue(v) : new PhysicalValue((v * signal.Scale) + signal.Offset);

    private static double Unscale(DbcSignal signal, double v) => IsIdentity(signal) ? v : (v - signal.Offset) / signal.Scale;

    private static bool IsIdentity(DbcSignal signal) => signal.Scale == 1 && signal.Offset == 0;

    private static ArgumentOutOfRangeException OutOfRange(DbcSignal signal, PhysicalValue value)
    {
        string kind = signal.IsSigned ? "signed" : "unsigned";
        return new ArgumentOutOfRangeException(nameof(value), $"{value} {signal.Unit} does not fit signal {signal.Name} ({signal.Length}-bit {kind}, scale {signal.Scale}, offset {signal.Offset})".Replace("  ", " ", StringComparison.Ordinal));
    }
}
