using BmsGuard.Core;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard rules [FILE]</c>: check a rule table and print its canonical form.</summary>
public static class RulesCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        cl.RejectUnknown(1);
        var table = RuleFiles.Load(cl.Positional.FirstOrDefault());
        stdout.Write(RuleTableText.Print(table));
        return 0;
    }
}
