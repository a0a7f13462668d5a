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

    /// <summary>Oddities the reader accepted, in file order, each with what it assumed (empty under strict reading, which refuses them).</summary>
    public IReadOnlyList<DbcWarning> Warnings => WarningList;

    /// <summary>Global comment (CM_ "..."), or null.</summary>
    public string? Comment { get; internal set; }

    internal List<DbcNode> NodeList { get; } = [];

    internal List<DbcWarning> WarningList { get; } = [];

    internal Dictionary<string, IReadOnlyDictionary<long, string>> ValueTableMap { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DbcAttributeDefinition> Definitions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, DbcAttributeValue> AttributeValues { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Parses DBC text; <paramref name="source"/> names it in errors and warnings. Oddities that
    /// canmatrix and cantools accept become <see cref="Warnings"/>, or errors when <paramref name="strict"/>.
    /// </summary>
    /// <exception cref="DbcFormatException">The text is not a DBC file, is malformed, or (strict) has an oddity.</exception>
    public static DbcDatabase Parse(string text, string source, bool strict = false) => DbcParser.Parse(text, source, strict);

    /// <summary>
    /// Reads and parses a DBC file (see <see cref="DbcText"/> for the encodings read);
    /// <paramref name="source"/> (default: the path) names it in errors and warnings.
    /// </summary>
    /// <exception cref="DbcFormatException">The file is not a DBC file, is malformed, or (strict) has an oddity.</exception>
    public static DbcDatabase Load(string path, string? source = null, bool strict = false)
    {
        source ??= path;
        var (text, encodingWarning) = DbcText.Decode(File.ReadAllBytes(path), source);
        var db = DbcParser.Parse(text, source, strict, encodingWarning);
        return db;
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
