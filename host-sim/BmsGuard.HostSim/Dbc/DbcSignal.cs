namespace BmsGuard.HostSim.Dbc;

/// <summary>A signal (SG_) of a message: bit layout, scaling, value table and multiplexing.</summary>
public sealed class DbcSignal
{
    internal DbcSignal(string name, int line)
    {
        Name = name;
        Line = line;
    }

    /// <summary>Signal name, unique within its message.</summary>
    public string Name { get; }

    /// <summary>Start bit as written: the LSB for Intel, the MSB (sawtooth numbering) for Motorola.</summary>
    public int StartBit { get; internal set; }

    /// <summary>Length in bits, 1..64.</summary>
    public int Length { get; internal set; }

    /// <summary>Byte order.</summary>
    public DbcByteOrder ByteOrder { get; internal set; }

    /// <summary>True for two's complement integers (the '-' in @1-).</summary>
    public bool IsSigned { get; internal set; }

    /// <summary>Integer, float or double (SIG_VALTYPE_).</summary>
    public DbcValueType ValueType { get; internal set; }

    /// <summary>Factor: physical = raw * Scale + Offset.</summary>
    public double Scale { get; internal set; } = 1;

    /// <summary>Offset: physical = raw * Scale + Offset.</summary>
    public double Offset { get; internal set; }

    /// <summary>Minimum physical value as declared ([min|max]).</summary>
    public double Minimum { get; internal set; }

    /// <summary>Maximum physical value as declared ([min|max]).</summary>
    public double Maximum { get; internal set; }

    /// <summary>Unit, e.g. "V".</summary>
    public string Unit { get; internal set; } = "";

    /// <summary>Receiving nodes (the placeholder Vector__XXX left out).</summary>
    public IReadOnlyList<string> Receivers { get; internal set; } = [];

    /// <summary>CM_ SG_ comment, or null.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Attribute values (BA_ SG_ and defaults).</summary>
    public IReadOnlyDictionary<string, DbcAttributeValue> Attributes => AttributeValues;

    /// <summary>Value descriptions (VAL_) by raw value; signed signals use the sign-extended raw value.</summary>
    public IReadOnlyDictionary<long, string> ValueTable { get; internal set; } = new Dictionary<long, string>();

    /// <summary>True for a multiplexor switch (M, or mNM in extended multiplexing).</summary>
    public bool IsMultiplexor { get; internal set; }

    /// <summary>The N of an mN signal as written, or null when the signal is not multiplexed.</summary>
    public int? MultiplexValue { get; internal set; }

    /// <summary>The switch this signal depends on, or null when it is always present.</summary>
    public DbcSignal? Multiplexer { get; internal set; }

    /// <summary>Switch values for which this signal is present (from mN, or SG_MUL_VAL_ ranges).</summary>
    public IReadOnlyList<DbcMuxRange> MultiplexRanges { get; internal set; } = [];

    /// <summary>True when the signal's bits reach past its message's length (a DBC flaw read with a warning).</summary>
    public bool ReachesPastMessage { get; internal set; }

    /// <summary>Line of the SG_ statement.</summary>
    internal int Line { get; }

    /// <summary>Scale and offset as exact decimals when the text allows, so 3521 * 0.1 is 352.1.</summary>
    internal decimal? ExactScale { get; set; }

    /// <summary>See <see cref="ExactScale"/>.</summary>
    internal decimal? ExactOffset { get; set; }

    /// <summary>The SG_MUL_VAL_ switch name and line, until resolved into <see cref="Multiplexer"/>.</summary>
    internal (string Switch, int Line)? ExtendedSwitch { get; set; }

    internal Dictionary<string, DbcAttributeValue> AttributeValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Index of the most significant bit in MSB-first order (byte * 8 + 7 - bit) for Motorola signals.</summary>
    internal int MotorolaMsb => ((StartBit / 8) * 8) + 7 - (StartBit % 8);

    /// <summary>Bytes a frame needs to carry the whole signal.</summary>
    public int BytesNeeded => ByteOrder == DbcByteOrder.Intel
        ? (StartBit + Length + 7) / 8
        : (MotorolaMsb + Length + 7) / 8;

    /// <summary>The value description of <paramref name="raw"/>, or null.</summary>
    public string? Describe(ulong raw)
    {
        if (ValueTable.Count == 0 || ValueType != DbcValueType.Integer)
        {
            return null;
        }

        long key = IsSigned ? SignalCodec.SignExtend(raw, Length) : (long)raw;
        if (!IsSigned && raw > long.MaxValue)
        {
            return null;
        }

        return ValueTable.GetValueOrDefault(key);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
