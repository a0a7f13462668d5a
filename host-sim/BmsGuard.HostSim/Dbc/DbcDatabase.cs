using System.Text;

namespace BmsGuard.HostSim.Dbc;

/// <summary>A parsed DBC file: nodes, messages by identifier, value tables and attributes.</summary>
public sealed class DbcDatabase
{
    private readonly Dictionary<(uint Id, bool Extended), DbcMessage> _byId = [];
    private readonly Dictionary<string, DbcMessage> _byName = new(StringComparer.Ordinal);
    private readonly List<DbcMessage> _messages = [];

    internal DbcDatabase(string source) => Source = source;

    /// <summary>The file name used in error messages.</summary>
    public string Source { get; }

    /// <summary>VERSION string ("" when absent).</summary>
    public string Version { get; internal set; } = "";

    /// <summary>Nodes (BU_) in file order.</summary>
    public IReadOnlyList<DbcNode> Nodes => NodeList;

    /// <summary>Messages in file order (without Vector's VECTOR__INDEPENDENT_SIG_MSG pseudo-message).</summary>
    public IReadOnlyList<DbcMessage> Messages => _messages;

    /// <summary>Named value tables (VAL_TABLE_).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<long, string>> ValueTables => ValueTableMap;

    /// <summary>Attribute definitions (BA_DEF_) by name.</summary>
    public IReadOnlyDictionary<string, DbcAttributeDefinition> AttributeDefinitions => Definitions;

    /// <summary>Database-level attribute values (BA_ without an object, and defaults).</summary>
    public IReadOnlyDictionary<string, DbcAttributeValue> Attributes => AttributeValues;

    /// <summary>Global comment (CM_ "..."), or null.</summary>
    public string? Comment { get; internal set; }

    internal List<DbcNode> NodeList { get; } = [];

    internal Dictionary<string, IReadOnlyDictionary<long, string>> ValueTableMap { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DbcAttributeDefinition> Definitions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DbcAttributeValue> AttributeValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses DBC text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DbcFormatException">The text is not a valid DBC file.</exception>
    public static DbcDatabase Parse(string text, string source) => DbcParser.Parse(text, source);

    /// <summary>
    /// Reads and parses a DBC file. Files are UTF-8 when they decode as such, else Windows-1252's
    /// Latin-1 subset (what CANdb++ writes); <paramref name="source"/> (default: the path) names it in errors.
    /// </summary>
    /// <exception cref="DbcFormatException">The file is not a valid DBC file.</exception>
    public static DbcDatabase Load(string path, string? source = null)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        return Parse(text.TrimStart('\uFEFF'), source ?? path);
    }

    /// <summary>The message with this identifier and format, or null.</summary>
    public DbcMessage? Find(uint id, bool extended) => _byId.GetValueOrDefault((id, extended));

    /// <summary>The message called <paramref name="name"/>, or null.</summary>
    public DbcMessage? Message(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The node called <paramref name="name"/>, or null.</summary>
    public DbcNode? Node(string name) => NodeList.Find(n => n.Name == name);

    internal bool TryAdd(DbcMessage message)
    {
        if (!_byId.TryAdd((message.Id, message.IsExtended), message))
        {
            return false;
        }

        _byName.TryAdd(message.Name, message);
        _messages.Add(message);
        return true;
    }
}
