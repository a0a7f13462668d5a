namespace BmsGuard.HostSim.Verbs;

/// <summary>A verb's parsed command line, as the verb reads it: the command, its positional arguments and its --options.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CommandLine(string? command) => Command = command;

    /// <summary>The command word, or null when none was given.</summary>
    public string? Command { get; }

    /// <summary>Positional arguments after the command.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>The command line a verb gets for <paramref name="args"/> (parsed as the CLI parses them; for callers that run a verb directly).</summary>
    /// <exception cref="UsageException">The arguments do not parse.</exception>
    public static CommandLine Parse(string[] args) => VerbTree.LineOf(args);

    /// <summary>
    /// A command line from values already parsed (<see cref="VerbTree"/>): the command word, the positional
    /// arguments (subcommand words first) and the options given, a flag with a null value, a repeated
    /// option's values joined with ','.
    /// </summary>
    public static CommandLine From(string command, IEnumerable<string> positional, IReadOnlyDictionary<string, string?> options)
    {
        var cl = new CommandLine(command);
        cl.Positional.AddRange(positional);
        foreach (var (name, value) in options)
        {
            cl._options[name] = value;
        }

        return cl;
    }

    /// <summary>Value of an option, or null.</summary>
    public string? Option(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>True when a flag is present.</summary>
    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>Integer option with a default; a bad value is a usage error.</summary>
    public int IntOption(string name, int fallback, int min, int max)
    {
        string? v = Option(name);
        if (v == null)
        {
            return fallback;
        }

        if (!int.TryParse(v, out int n) || n < min || n > max)
        {
            throw new UsageException($"{name} must be an integer from {min} to {max}, not '{v}'");
        }

        return n;
    }

    /// <summary>Fails on options the command did not ask for and on extra positional arguments.</summary>
    public void RejectUnknown(int maxPositional)
    {
        foreach (var name in _options.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new UsageException($"unknown option {name} for '{Command}'");
            }
        }

        if (Positional.Count > maxPositional)
        {
            throw new UsageException($"unexpected argument '{Positional[maxPositional]}'");
        }
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An input file is wrong; the message names the file (and line) and the reason.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>An external part (MQTT broker, CAN adapter) failed; the message names it and why.</summary>
public sealed class ExternalPartException(string message) : Exception(message);
