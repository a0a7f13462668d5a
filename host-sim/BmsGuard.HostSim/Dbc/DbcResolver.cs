using System.Globalization;

namespace BmsGuard.HostSim.Dbc;

/// <summary>
/// Settles what a DBC file states out of order: attribute values are typed by their BA_DEF_
/// (which may follow them), defaults fill objects without a BA_, and each multiplexed signal is
/// linked to its switch (the message's M, or the SG_MUL_VAL_ one), rejecting loops.
/// Oddities go to <paramref name="warn"/> (line, reason), which throws when reading strictly.
/// </summary>
internal sealed class DbcResolver(DbcDatabase db, string source, Action<int, string> warn)
{
    private readonly List<(string Name, DbcAttributeScope Scope, Dictionary<string, DbcAttributeValue> Target, DbcToken Value)> _values = [];
    private readonly List<(string Name, DbcToken Value)> _defaults = [];

    public void AddValue(string name, DbcAttributeScope scope, Dictionary<string, DbcAttributeValue> target, DbcToken value) => _values.Add((name, scope, target, value));

    public void AddDefault(string name, DbcToken value) => _defaults.Add((name, value));

    /// <summary>Resolves everything; <paramref name="messages"/> includes the pseudo-message of unmapped signals.</summary>
    public void Resolve(IEnumerable<DbcMessage> messages)
    {
        var all = messages.ToList();
        ResolveAttributes(all);
        foreach (var message in all)
        {
            // Vector's pseudo-message collects unmapped signals, whose M marks mean nothing here.
            if (message.Name != "VECTOR__INDEPENDENT_SIG_MSG")
            {
                ResolveMultiplexing(message);
            }
        }
    }

    private void ResolveAttributes(List<DbcMessage> messages)
    {
        foreach (var (name, value) in _defaults)
        {
            // A default without a definition has nothing to apply to; CANdb++ would not write one.
            if (db.Definitions.TryGetValue(name, out var definition))
            {
                definition.Default = Convert(definition, value) with { IsDefault = true };
            }
        }

        foreach (var (name, scope, target, value) in _values)
        {
            var definition = db.Definitions.GetValueOrDefault(name);
            if (definition != null && definition.Scope != scope)
            {
                throw new DbcFormatException(source, value.Line, $"attribute {name} is defined for {Describe(definition.Scope)}, not {Describe(scope)}");
            }

            target[name] = Convert(definition, value);
        }

        foreach (var definition in db.Definitions.Values)
        {
            if (definition.Default is not { } d)
            {
                continue;
            }

            IEnumerable<Dictionary<string, DbcAttributeValue>> targets = definition.Scope switch
            {
                DbcAttributeScope.Network => [db.AttributeValues],
                DbcAttributeScope.Node => db.NodeList.Select(n => n.AttributeValues),
                DbcAttributeScope.Message => messages.Select(m => m.AttributeValues),
                DbcAttributeScope.Signal => messages.SelectMany(m => m.Signals).Select(s => s.AttributeValues),
                _ => [],
            };
            foreach (var target in targets)
            {
                target.TryAdd(definition.Name, d);
            }
        }
    }

    private DbcAttributeValue Convert(DbcAttributeDefinition? definition, DbcToken token)
    {
        double? number = token.Kind == DbcTokenKind.Number ? double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        if (definition == null)
        {
            return new DbcAttributeValue(token.Text, number);
        }

        switch (definition.Type)
        {
            case DbcAttributeType.String:
                return new DbcAttributeValue(token.Text, number);
            case DbcAttributeType.Enum when number is { } index:
                if (index != Math.Floor(index) || index < 0 || index >= definition.EnumValues.Count)
                {
                    throw new DbcFormatException(source, token.Line, $"{token.Text} is not an index of ENUM attribute {definition.Name} (0..{definition.EnumValues.Count - 1})");
                }

                return new DbcAttributeValue(definition.EnumValues[(int)index], index);
            case DbcAttributeType.Enum:
                int found = definition.EnumValues.ToList().IndexOf(token.Text);
                return found >= 0
                    ? new DbcAttributeValue(token.Text, found)
                    : throw new DbcFormatException(source, token.Line, $"'{token.Text}' is not a value of ENUM attribute {definition.Name} ({string.Join(", ", definition.EnumValues)})");
            default:
                return number != null
                    ? new DbcAttributeValue(token.Text, number)
                    : throw new DbcFormatException(source, token.Line, $"attribute {definition.Name} is {definition.Type.ToString().ToUpperInvariant()}, so its value must be a number, not {token.Describe()}");
        }
    }

    private void ResolveMultiplexing(DbcMessage message)
    {
        DbcSignal? plain = null;
        foreach (var s in message.Signals)
        {
            if (s.IsMultiplexor && s.MultiplexValue == null)
            {
                if (plain != null)
                {
                    // canmatrix lets the last one select; cantools refuses the message.
                    warn(s.Line, $"message {message.Name} has several multiplexors (M): {plain.Name} and {s.Name}; its mN signals are taken to follow {s.Name}, the last, as canmatrix does");
                }

                plain = s;
            }
        }

        message.Multiplexor = plain;
        foreach (var s in message.Signals)
        {
            if (s.ExtendedSwitch is { } ext)
            {
                var sw = message.Signal(ext.Switch) ?? throw new DbcFormatException(source, ext.Line, $"SG_MUL_VAL_ names multiplexor '{ext.Switch}', which message {message.Name} does not have");
                if (!sw.IsMultiplexor)
                {
                    throw new DbcFormatException(source, ext.Line, $"SG_MUL_VAL_ names {sw.Name} as multiplexor of {s.Name}, but {sw.Name} is not marked M or mNM");
                }

                s.Multiplexer = sw;
            }
            else if (s.MultiplexValue != null)
            {
                s.Multiplexer = plain ?? throw new DbcFormatException(source, s.Line, $"signal {s.Name} is multiplexed (m{s.MultiplexValue}) but message {message.Name} has no multiplexor (M)");
            }

            if (s.IsMultiplexor && s.ValueType != DbcValueType.Integer)
            {
                throw new DbcFormatException(source, s.Line, $"multiplexor {s.Name} must be an integer signal, not an IEEE {s.ValueType}");
            }
        }

        foreach (var s in message.Signals)
        {
            // A switch chain longer than the signal count must loop.
            var at = s.Multiplexer;
            for (int depth = 0; at != null; depth++, at = at.Multiplexer)
            {
                if (at == s || depth > message.Signals.Count)
                {
                    throw new DbcFormatException(source, s.Line, $"signal {s.Name} of message {message.Name} depends on itself through its multiplexors");
                }
            }
        }
    }

    private static string Describe(DbcAttributeScope scope) => scope switch
    {
        DbcAttributeScope.Network => "the database (BA_DEF_ without object type)",
        DbcAttributeScope.Node => "nodes (BU_)",
        DbcAttributeScope.Message => "messages (BO_)",
        DbcAttributeScope.Signal => "signals (SG_)",
        _ => "environment variables (EV_)",
    };
}
