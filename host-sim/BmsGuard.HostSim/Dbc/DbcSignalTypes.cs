namespace BmsGuard.HostSim.Dbc;

/// <summary>Byte order of a signal: @1 Intel (little-endian) or @0 Motorola (big-endian).</summary>
public enum DbcByteOrder
{
    /// <summary>@0: start bit is the most significant bit, DBC sawtooth numbering.</summary>
    Motorola = 0,

    /// <summary>@1: start bit is the least significant bit.</summary>
    Intel = 1,
}

/// <summary>How a signal's raw bits are interpreted (SIG_VALTYPE_).</summary>
public enum DbcValueType
{
    /// <summary>Two's complement or unsigned integer (the default).</summary>
    Integer = 0,

    /// <summary>SIG_VALTYPE_ 1: IEEE 754 single precision, 32 bits.</summary>
    Float32 = 1,

    /// <summary>SIG_VALTYPE_ 2: IEEE 754 double precision, 64 bits.</summary>
    Float64 = 2,
}

/// <summary>An inclusive range of multiplexor raw values (SG_MUL_VAL_ "lo-hi").</summary>
/// <param name="From">Lowest value.</param>
/// <param name="To">Highest value.</param>
public readonly record struct DbcMuxRange(ulong From, ulong To)
{
    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(ulong value) => value >= From && value <= To;

    /// <inheritdoc/>
    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}
