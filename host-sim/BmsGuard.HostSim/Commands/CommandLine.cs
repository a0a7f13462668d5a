namespace BmsGuard.HostSim.Commands;

/// <summary>A parsed command line: the command, its positional arguments and its --options.</summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = ["--no-decisions", "--quiet", "--exact-dlc"];

    // Options that may be given several times; their values are joined with ',' (as the comma form).
    private static readonly HashSet<string> Repeatable = ["--signal", "--key", "--from"];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private CommandLine(string? command) => Command = command;

    /// <summary>The command word, or null when none was given.</summary>
    public string? Command { get; }

    /// <summary>Positional arguments after the command.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Splits <paramref name="args"/>; options take the next argument as value unless they are flags.</summary>
    public static CommandLine Parse(string[] args)
    {
        var cl = new CommandLine(args.Length > 0 ? args[0] : null);
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                cl.Positional.Add(a);
                continue;
            }

            string name = a;
            string? value = null;
            int eq = a.IndexOf('=');
            if (eq > 0)
            {
                name = a[..eq];
                value = a[(eq + 1)..];
            }
            else if (!Flags.Contains(a))
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"option {a} needs a value");
                }

                value = args[++i];
            }

            if (Repeatable.Contains(name) && cl._options.TryGetValue(name, out var earlier))
            {
                cl._options[name] = earlier + "," + value;
            }
            else if (!cl._options.TryAdd(name, value))
            {
                throw new UsageException($"option {name} given twice");
            }
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
