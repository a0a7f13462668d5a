using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Verbs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmsGuard.HostSim.Policy;

/// <summary>What the policy file says about one signal or message: an action and its parameters, with the line it is on.</summary>
/// <param name="Name">Signal (Name or Message.Signal) or message name.</param>
/// <param name="Line">1-based line of the entry.</param>
/// <param name="Action">Action name as written.</param>
/// <param name="Options">Parameters (step, every, window, function, by, slots) with their values and lines.</param>
public sealed record PolicyEntry(string Name, int Line, string Action, IReadOnlyDictionary<string, (string Value, int Line)> Options);

/// <summary>An identifier as written: its parts in order, action and parameters.</summary>
/// <param name="Name">Identifier name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Signals">Part signal names with their lines, in order.</param>
/// <param name="Action">drop or pseudonymize.</param>
/// <param name="Options">bytes, every with their values and lines.</param>
public sealed record PolicyIdentifierEntry(string Name, int Line, IReadOnlyList<(string Name, int Line)> Signals, string Action,
    IReadOnlyDictionary<string, (string Value, int Line)> Options);

/// <summary>
/// A telemetry policy file (YAML) as written, before DBC names are resolved: destination, egress budget,
/// message-wide and per-signal actions, identifiers. Every entry keeps its line so errors read file:line: reason.
/// </summary>
public sealed class PolicyDocument
{
    private static readonly string[] TopLevel = ["destination", "egress", "messages", "signals", "identifiers"];
    private static readonly string[] EntryOptions = ["action", "step", "every", "window", "function", "by", "slots"];
    private static readonly string[] IdentifierOptions = ["signals", "action", "bytes", "every"];

    private PolicyDocument(string source) => Source = source;

    /// <summary>File name used in errors.</summary>
    public string Source { get; }

    /// <summary>Allowed broker hosts.</summary>
    public List<string> Brokers { get; } = [];

    /// <summary>Time (SNTP) servers the device may set its clock from; empty: none.</summary>
    public List<string> TimeServers { get; } = [];

    /// <summary>Topic prefix, or null when missing.</summary>
    public string? TopicPrefix { get; private set; }

    /// <summary>The uplink drops the newest message when its queue is full (egress: drop: newest); default oldest.</summary>
    public bool DropNewest { get; private set; }

    /// <summary>Egress budget in bytes per hour, or null when missing.</summary>
    public (long Value, int Line)? EgressBytesPerHour { get; private set; }

    /// <summary>Message-wide entries (every signal of the message).</summary>
    public List<PolicyEntry> Messages { get; } = [];

    /// <summary>Per-signal entries; they override message-wide ones.</summary>
    public List<PolicyEntry> Signals { get; } = [];

    /// <summary>Identifiers in file order.</summary>
    public List<PolicyIdentifierEntry> Identifiers { get; } = [];

    /// <summary>Line 1 or the line of the root mapping (for errors about missing sections).</summary>
    public int RootLine { get; private set; } = 1;

    /// <summary>Parses policy YAML; errors are <see cref="InputException"/>s reading "source:line: reason".</summary>
    public static PolicyDocument Parse(string text, string source)
    {
        var doc = new PolicyDocument(source);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new InputException($"{source}:{e.Start.Line}: not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet fails on some malformed input (e.g. a lone CR inside a flow mapping) with these
            // instead of a YamlException: still bad input, reported where its scanner stopped.
            long line = parser.Current is { } at ? Math.Clamp(at.Start.Line, 1, Math.Max(1, text.TrimEnd('\n').Split('\n').Length)) : FailureLine(text);
            throw new InputException($"{source}:{line}: not valid YAML (the YAML reader stopped here: {e.Message})");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InputException($"{source}:1: a policy is one YAML mapping (destination, egress, messages, signals, identifiers)");
        }

        doc.RootLine = (int)root.Start.Line;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = doc.Scalar(keyNode, "section name");
            switch (key)
            {
                case "destination":
                    doc.ReadDestination(doc.Mapping(value, key));
                    break;
                case "egress":
                    doc.ReadEgress(doc.Mapping(value, key));
                    break;
                case "messages":
                    doc.ReadEntries(doc.Mapping(value, key), doc.Messages);
                    break;
                case "signals":
                    doc.ReadEntries(doc.Mapping(value, key), doc.Signals);
                    break;
                case "identifiers":
                    doc.ReadIdentifiers(doc.Mapping(value, key));
                    break;
                default:
                    throw doc.Error(keyNode, $"unknown section '{key}' ({string.Join(", ", TopLevel)})");
            }
        }

        return doc;
    }

    // Where YamlDotNet's scanner stops on input it cannot read: the line its cursor reached.
    private static long FailureLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            while (scanner.MoveNext())
            {
            }
        }
        catch (Exception)
        {
            // The same failure as in Load; the cursor is where it happened.
        }

        // Counted in '\n' as editors do (YAML also breaks lines at a lone '\r').
        long index = Math.Min(scanner.CurrentPosition.Index, text.Length);
        return 1 + text.AsSpan(0, (int)index).Count('\n');
    }

    /// <summary>An error at <paramref name="line"/>.</summary>
    public InputException Error(int line, string reason) => new($"{Source}:{line}: {reason}");

    private InputException Error(YamlNode node, string reason) => Error((int)node.Start.Line, reason);

    private void ReadDestination(YamlMappingNode map)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Scalar(keyNode, "destination field");
            if (key == "brokers")
            {
                foreach (var item in value is YamlSequenceNode seq ? seq.Children : [value])
                {
                    Brokers.Add(Scalar(item, "broker host"));
                }
            }
            else if (key == "time-servers")
            {
                foreach (var item in value is YamlSequenceNode seq ? seq.Children : [value])
                {
                    TimeServers.Add(Scalar(item, "time server host"));
                }
            }
            else if (key == "topic-prefix")
            {
                TopicPrefix = Scalar(value, "topic prefix");
                string? topicError = TelemetryUplink.Check(TopicPrefix, TelemetryUplink.MinBytesPerHour, false);
                if (topicError != null)
                {
                    throw Error(value, $"topic-prefix '{TopicPrefix}': {topicError}");
                }
            }
            else
            {
                throw Error(keyNode, $"unknown destination field '{key}' (brokers, time-servers, topic-prefix)");
            }
        }
    }

    private void ReadEgress(YamlMappingNode map)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Scalar(keyNode, "egress field");
            if (key == "drop")
            {
                string drop = Scalar(value, "drop policy");
                DropNewest = drop switch
                {
                    "oldest" => false,
                    "newest" => true,
                    _ => throw Error(value, $"drop must be 'oldest' or 'newest' (what the uplink gives up when its queue is full), not '{drop}'"),
                };
                continue;
            }

            if (key != "bytes-per-hour")
            {
                throw Error(keyNode, $"unknown egress field '{key}' (bytes-per-hour, drop)");
            }

            string text = Scalar(value, "bytes per hour");
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)
                || n < TelemetryUplink.MinBytesPerHour || n > TelemetryUplink.MaxBytesPerHour)
            {
                // The firmware's own bounds (TelemetryUplink): the guard refuses a bundle outside them.
                throw Error(value, $"bytes-per-hour must be an integer from {TelemetryUplink.MinBytesPerHour} to {TelemetryUplink.MaxBytesPerHour} (one largest payload per hour at least), not '{text}'");
            }

            EgressBytesPerHour = (n, (int)value.Start.Line);
        }
    }

    private void ReadEntries(YamlMappingNode map, List<PolicyEntry> into)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string name = Scalar(keyNode, "name");
            var options = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
            string? action;
            if (value is YamlScalarNode)
            {
                action = Scalar(value, "action");
            }
            else if (value is YamlMappingNode fields)
            {
                ReadOptions(fields, EntryOptions, options);
                action = options.Remove("action", out var a) ? a.Item1 : throw Error(value, $"{name}: missing action");
            }
            else
            {
                throw Error(value, $"{name}: expected an action or {{action: ..., ...}}");
            }

            if (into.Exists(e => e.Name == name))
            {
                throw Error(keyNode, $"{name} is listed twice");
            }

            into.Add(new PolicyEntry(name, (int)keyNode.Start.Line, action, options));
        }
    }

    private void ReadIdentifiers(YamlMappingNode map)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            string name = Scalar(keyNode, "identifier name");
            var fields = Mapping(value, name);
            var signals = new List<(string, int)>();
            var options = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
            foreach (var (fieldKey, fieldValue) in fields.Children)
            {
                string field = Scalar(fieldKey, "identifier field");
                if (field == "signals")
                {
                    foreach (var item in fieldValue is YamlSequenceNode seq ? seq.Children : [fieldValue])
                    {
                        signals.Add((Scalar(item, "signal name"), (int)item.Start.Line));
                    }
                }
                else if (Array.IndexOf(IdentifierOptions, field) >= 0)
                {
                    options[field] = (Scalar(fieldValue, field), (int)fieldValue.Start.Line);
                }
                else
                {
                    throw Error(fieldKey, $"{name}: unknown identifier field '{field}' ({string.Join(", ", IdentifierOptions)})");
                }
            }

            string action = options.Remove("action", out var a) ? a.Item1 : throw Error(value, $"{name}: missing action (drop or pseudonymize)");
            if (signals.Count == 0)
            {
                throw Error(value, $"{name}: an identifier needs signals: [...]");
            }

            Identifiers.Add(new PolicyIdentifierEntry(name, (int)keyNode.Start.Line, signals, action, options));
        }
    }

    private void ReadOptions(YamlMappingNode fields, string[] allowed, Dictionary<string, (string, int)> options)
    {
        foreach (var (k, v) in fields.Children)
        {
            string key = Scalar(k, "field");
            if (Array.IndexOf(allowed, key) < 0)
            {
                throw Error(k, $"unknown field '{key}' ({string.Join(", ", allowed)})");
            }

            options[key] = (Scalar(v, key), (int)v.Start.Line);
        }
    }

    private string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } s } ? s : throw Error(node, $"expected a single value for {what}");

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what}: expected a mapping (key: value lines)");
}
