using System.CommandLine;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// Builds the System.CommandLine tree from <see cref="VerbTable"/> and turns parse errors into one line
/// with a suggestion. Each verb's action hands its values to the verb as a <see cref="CommandLine"/>.
/// </summary>
public static class VerbTree
{
    /// <summary>Runs a verb with its parsed command line.</summary>
    public delegate int Executor(VerbSpec verb, CommandLine line, TextWriter stdout, TextWriter stderr);

    /// <summary>The root command with every verb of <see cref="VerbTable.All"/>.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr, Executor execute)
    {
        var root = new RootCommand("bmsguard: replay CAN captures through the BMS Guard firmware, run it on a bench, sign commands and policies, verify audit logs.");
        foreach (VerbSpec verb in VerbTable.All)
        {
            string[] words = verb.Path.Split(' ');
            Command parent = root;
            for (int i = 0; i < words.Length - 1; i++)
            {
                parent = Group(parent, words[i]);
            }

            parent.Subcommands.Add(Verb(verb, words, stdout, stderr, execute));
        }

        return root;
    }

    /// <summary>The first parse error as one line, with a suggestion where a name was mistyped.</summary>
    public static string Explain(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        string name = PathOf(parsed);

        // An option the verb does not know lands in its positional argument when it takes one.
        foreach (var child in parsed.CommandResult.Children)
        {
            if (child is System.CommandLine.Parsing.ArgumentResult argument)
            {
                foreach (var token in argument.Tokens)
                {
                    if (token.Value.StartsWith('-') && token.Value != "-")
                    {
                        string option = token.Value.Split('=')[0];
                        return $"unknown option {option} for '{name}'" + Suggest(option, command.Options.Select(o => o.Name));
                    }
                }
            }
        }

        if (parsed.UnmatchedTokens.Count > 0)
        {
            string token = parsed.UnmatchedTokens[0];
            if (token.StartsWith('-') && token != "-")
            {
                return $"unknown option {token} for '{name}'" + Suggest(token, command.Options.Select(o => o.Name));
            }

            if (command.Subcommands.Count > 0)
            {
                return $"unknown command '{token}'{(command is RootCommand ? string.Empty : $" for '{name}'")}" + Suggest(token, command.Subcommands.Select(c => c.Name));
            }

            return $"unexpected argument '{token}' for '{name}'";
        }

        string message = parsed.Errors[0].Message;
        const string Missing = "Required argument missing for option: '";
        if (message.StartsWith(Missing, StringComparison.Ordinal))
        {
            return $"option {message[Missing.Length..].TrimEnd('.', '\'')} needs a value";
        }

        if (message.StartsWith("Required argument missing for command", StringComparison.Ordinal) && command.Arguments.Count > 0)
        {
            var a = command.Arguments[0];
            return $"'{name}' is missing its arguments <{a.Name}>: {a.Description?.TrimEnd('.')}";
        }

        if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
        {
            return $"'{name}' needs one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }

        return message.TrimEnd('.');
    }

    /// <summary>The command line the verb named by <paramref name="args"/> would be run with.</summary>
    /// <exception cref="UsageException">The arguments do not parse.</exception>
    public static CommandLine LineOf(string[] args)
    {
        CommandLine? line = null;
        RootCommand root = Build(TextWriter.Null, TextWriter.Null, (_, l, _, _) =>
        {
            line = l;
            return 0;
        });
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            throw new UsageException(Explain(parsed));
        }

        parsed.Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
        return line ?? throw new UsageException($"'{string.Join(' ', args)}' names no verb");
    }

    /// <summary>Where to look for help on what was parsed: <c>bmsguard VERB --help</c>.</summary>
    public static string HelpHint(ParseResult parsed)
    {
        string path = PathOf(parsed);
        return path.Length == 0 ? "bmsguard --help" : $"bmsguard {path} --help";
    }

    private static Command Verb(VerbSpec verb, string[] words, TextWriter stdout, TextWriter stderr, Executor execute)
    {
        var command = new Command(words[^1], verb.Description);
        Func<ParseResult, IEnumerable<string>> arguments = _ => [];
        if (verb.Arguments is { Max: 1 } one)
        {
            // One value converts to a string, not to an array of one.
            var argument = new Argument<string>(one.Name) { Arity = new ArgumentArity(one.Min, 1), Description = one.Description };
            command.Arguments.Add(argument);
            arguments = r => r.GetValue(argument) is { } value ? [value] : [];
        }
        else if (verb.Arguments is { } many)
        {
            var argument = new Argument<string[]>(many.Name) { Arity = new ArgumentArity(many.Min, many.Max), Description = many.Description };
            command.Arguments.Add(argument);
            arguments = r => r.GetValue(argument) ?? [];
        }

        var readers = new List<Func<ParseResult, (string Name, string? Value)?>>();
        foreach (OptionSpec spec in verb.Options)
        {
            readers.Add(Add(command, spec));
        }

        command.SetAction(result =>
        {
            var positional = new List<string>(words.Skip(1));
            foreach (string value in arguments(result))
            {
                if (value.StartsWith('-') && value != "-")
                {
                    stderr.WriteLine($"bmsguard: unknown option {value} for '{verb.Path}'{Suggest(value, verb.Options.Select(o => o.Name))} (try: bmsguard {verb.Path} --help)");
                    return Cli.Usage;
                }

                positional.Add(value);
            }

            var options = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var read in readers)
            {
                if (read(result) is { } pair)
                {
                    options[pair.Name] = pair.Value;
                }
            }

            return execute(verb, CommandLine.From(words[0], positional, options), stdout, stderr);
        });
        return command;
    }

    // Adds the option and returns how to read it back: (name, value) when given, value null for a flag.
    private static Func<ParseResult, (string Name, string? Value)?> Add(Command command, OptionSpec spec)
    {
        if (spec.Value == null)
        {
            var flag = new Option<bool>(spec.Name) { Description = spec.Description };
            command.Options.Add(flag);
            return r => Given(r.GetResult(flag)) ? (spec.Name, null) : null;
        }

        if (spec.Repeatable)
        {
            var list = new Option<string[]>(spec.Name) { Description = spec.Description, HelpName = spec.Value, AllowMultipleArgumentsPerToken = false };
            command.Options.Add(list);
            return r => Given(r.GetResult(list)) ? (spec.Name, string.Join(',', r.GetValue(list) ?? [])) : null;
        }

        var single = new Option<string>(spec.Name) { Description = spec.Description, HelpName = spec.Value };
        command.Options.Add(single);
        return r => Given(r.GetResult(single)) ? (spec.Name, r.GetValue(single)) : null;
    }

    // A flag has an implicit result (false) when it was not typed.
    private static bool Given(System.CommandLine.Parsing.OptionResult? result) => result is { Implicit: false };

    private static Command Group(Command parent, string name)
    {
        Command? group = parent.Subcommands.FirstOrDefault(c => c.Name == name);
        if (group == null)
        {
            group = new Command(name, VerbTable.GroupDescription(name));
            parent.Subcommands.Add(group);
        }

        return group;
    }

    private static string PathOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r != null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string Suggest(string typed, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in names)
        {
            int d = Distance(typed, name);
            if (d < bestDistance)
            {
                (best, bestDistance) = (name, d);
            }
        }

        return best != null && bestDistance <= Math.Max(2, typed.Length / 3) ? $" (did you mean {best}?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
