namespace BmsGuard.HostSim.Dbc;

/// <summary>A message (BO_): identifier, length, sender and signals.</summary>
public sealed class DbcMessage
{
    private readonly Dictionary<string, DbcSignal> _byName = new(StringComparer.Ordinal);
    private readonly List<DbcSignal> _signals = [];

    internal DbcMessage(uint id, bool extended, string name, int length, string? sender, int line)
    {
        Id = id;
        IsExtended = extended;
        Name = name;
        Length = length;
        Sender = sender;
        Line = line;
    }

    /// <summary>CAN identifier without DBC's extended flag (bit 31).</summary>
    public uint Id { get; }

    /// <summary>True for a 29-bit identifier.</summary>
    public bool IsExtended { get; }

    /// <summary>Message name.</summary>
    public string Name { get; }

    /// <summary>Length in bytes (0..64; above 8 means CAN FD).</summary>
    public int Length { get; }

    /// <summary>Transmitting node, or null for the placeholder Vector__XXX.</summary>
    public string? Sender { get; }

    /// <summary>Signals in file order.</summary>
    public IReadOnlyList<DbcSignal> Signals => _signals;

    /// <summary>CM_ BO_ comment, or null.</summary>
    public string? Comment { get; internal set; }

    /// <summary>Attribute values (BA_ BO_ and defaults).</summary>
    public IReadOnlyDictionary<string, DbcAttributeValue> Attributes => AttributeValues;

    /// <summary>Cycle time in ms from GenMsgCycleTime (or its default); null when absent or 0 (not cyclic).</summary>
    public int? CycleTime
    {
        get
        {
            double? ms = Attributes.GetValueOrDefault("GenMsgCycleTime")?.Number;
            return ms is > 0 ? (int)Math.Round(ms.Value) : null;
        }
    }

    /// <summary>The plain multiplexor (M), or null when the message is not multiplexed.</summary>
    public DbcSignal? Multiplexor { get; internal set; }

    /// <summary>True when some signal is present only for certain multiplexor values.</summary>
    public bool IsMultiplexed => _signals.Exists(s => s.Multiplexer != null);

    /// <summary>The DBC identifier as written: bit 31 set for extended identifiers.</summary>
    public uint DbcId => IsExtended ? Id | 0x8000_0000u : Id;

    internal int Line { get; }

    internal Dictionary<string, DbcAttributeValue> AttributeValues { get; } = new(StringComparer.Ordinal);

    /// <summary>The signal called <paramref name="name"/>, or null.</summary>
    public DbcSignal? Signal(string name) => _byName.GetValueOrDefault(name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal bool TryAdd(DbcSignal signal)
    {
        if (!_byName.TryAdd(signal.Name, signal))
        {
            return false;
        }

        _signals.Add(signal);
        return true;
    }
}
