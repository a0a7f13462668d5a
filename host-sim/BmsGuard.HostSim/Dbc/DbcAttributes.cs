namespace BmsGuard.HostSim.Dbc;

/// <summary>What a BA_DEF_ attribute applies to.</summary>
public enum DbcAttributeScope
{
    /// <summary>The database itself (BA_DEF_ without an object keyword).</summary>
    Network,

    /// <summary>Nodes (BU_).</summary>
    Node,

    /// <summary>Messages (BO_).</summary>
    Message,

    /// <summary>Signals (SG_).</summary>
    Signal,

    /// <summary>Environment variables (EV_), parsed but not modelled.</summary>
    EnvironmentVariable,
}

/// <summary>The value type of an attribute definition.</summary>
public enum DbcAttributeType
{
    /// <summary>INT min max.</summary>
    Int,

    /// <summary>HEX min max.</summary>
    Hex,

    /// <summary>FLOAT min max.</summary>
    Float,

    /// <summary>STRING.</summary>
    String,

    /// <summary>ENUM "a","b",...: values are indices into the labels.</summary>
    Enum,
}

/// <summary>A BA_DEF_ attribute definition with its BA_DEF_DEF_ default.</summary>
public sealed class DbcAttributeDefinition
{
    internal DbcAttributeDefinition(string name, DbcAttributeScope scope, DbcAttributeType type, double? minimum, double? maximum, IReadOnlyList<string> enumValues)
    {
        Name = name;
        Scope = scope;
        Type = type;
        Minimum = minimum;
        Maximum = maximum;
        EnumValues = enumValues;
    }

    /// <summary>Attribute name, e.g. GenMsgCycleTime.</summary>
    public string Name { get; }

    /// <summary>What the attribute applies to.</summary>
    public DbcAttributeScope Scope { get; }

    /// <summary>Value type.</summary>
    public DbcAttributeType Type { get; }

    /// <summary>Lower bound for INT, HEX and FLOAT.</summary>
    public double? Minimum { get; }

    /// <summary>Upper bound for INT, HEX and FLOAT.</summary>
    public double? Maximum { get; }

    /// <summary>ENUM labels (empty for other types).</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>The BA_DEF_DEF_ default, or null when none is given.</summary>
    public DbcAttributeValue? Default { get; internal set; }
}

/// <summary>
/// An attribute value: <see cref="Text"/> is the string, the ENUM label or the number as written;
/// <see cref="Number"/> is the numeric value (the index for ENUM), null for strings.
/// </summary>
/// <param name="Text">The value as text.</param>
/// <param name="Number">The numeric value, if any.</param>
/// <param name="IsDefault">True when the value comes from BA_DEF_DEF_ rather than a BA_ line.</param>
public sealed record DbcAttributeValue(string Text, double? Number, bool IsDefault = false);
