namespace BmsGuard.HostSim.Dbc;

/// <summary>A node (ECU) from BU_.</summary>
public sealed class DbcNode
{
    internal DbcNode(string name) => Name = name;

    /// <summary>Node name.</summary>
    public string Name { get; }

    /// <summary>CM_ BU_ comment, or null.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Attribute values (BA_ BU_ and defaults).</summary>
    public IReadOnlyDictionary<string, DbcAttributeValue> Attributes => AttributeValues;

    internal Dictionary<string, DbcAttributeValue> AttributeValues { get; } = new(StringComparer.Ordinal);
}
