using System.CommandLine;
using BmsGuard.HostSim.Verbs;

namespace BmsGuard.HostSim;

/// <summary>
/// The bmsguard CLI on System.CommandLine: help on every verb (<c>-h</c>, <c>--help</c>, <c>-?</c>),
/// <c>--version</c>, suggestions for typos and shell completion come from the verb table
/// (<see cref="VerbTable"/>). Every user error becomes one line and an exit code, never a stack trace.
/// </summary>
public static class Cli
{
    /// <summary>Exit code for bad input (a capture, rule, policy or key file is wrong).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a bad command line.</summary>
    public const int Usage = 2;

    /// <summary>Exit code when an external part (broker, CAN adapter) failed.</summary>
    public const int External = 3;

    /// <summary>Exit code when the user interrupted the run (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>Runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = VerbTree.Build(stdout, stderr, Execute);
        if (args.Length == 0 || (args.Length == 1 && args[0] == "help"))
        {
            root.Parse("--help").Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
            return args.Length == 0 ? Usage : 0;
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"bmsguard: {VerbTree.Explain(parsed)} (try: {VerbTree.HelpHint(parsed)})");
            return Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs one verb; maps the errors of <see cref="UsageException"/>, <see cref="InputException"/>, I/O and the rest to exit codes.</summary>
    private static int Execute(VerbSpec verb, CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return verb.Run(line, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"bmsguard: {e.Message} (try: bmsguard {verb.Path} --help)");
            return Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"bmsguard: {e.Message}");
            return BadInput;
        }
        catch (ExternalPartException e)
        {
            stderr.WriteLine($"bmsguard: {e.Message}");
            return External;
        }
        catch (Exception e) when (Output.StandardStreams.IsBrokenPipe(e))
        {
            // The reader of standard output went away (| head): it has what it wanted. Quietly, like
            // a tool that ends on SIGPIPE, but exit 0 so that 'set -o pipefail' does not call it a failure.
            return 0;
        }
        catch (InvalidDataException e)
        {
            // A corrupt .gz: the decompressor cannot say where, only that the stream is broken.
            stderr.WriteLine($"bmsguard: compressed input is corrupt: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files that cannot be created or written (read-only output directory, full disk).
            stderr.WriteLine($"bmsguard: {e.Message}");
            return BadInput;
        }
    }
}
