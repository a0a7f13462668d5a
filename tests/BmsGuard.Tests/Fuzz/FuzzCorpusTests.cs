using BmsGuard.Fuzz;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Fuzz;

/// <summary>
/// The fuzz corpus in-process, without afl-fuzz: each target's seeds are valid inputs it accepts, every
/// seed of every target goes through every other target within its contract (a DBC fed to the ISO-TP
/// receiver, an envelope to the YAML reader...), and every input the fuzzer once broke a parser with
/// (tests/BmsGuard.Fuzz/regressions/TARGET) now gets a clean answer. A failure names the file.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static string FuzzDir => Path.Combine(Captures.RepoRoot, "tests", "BmsGuard.Fuzz");

    public static TheoryData<string> Targets => new(FuzzTargets.All.Select(t => t.Name));

    private static IEnumerable<string> Files(string folder, string target)
    {
        string dir = Path.Combine(FuzzDir, folder, target);
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Order(StringComparer.Ordinal) : [];
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Seeds_are_accepted(string target)
    {
        var t = FuzzTargets.Get(target);
        var files = Files("seeds", target).ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            string answer = Run(t, file);
            Assert.True(answer.StartsWith("ok", StringComparison.Ordinal), $"{file}: {answer}");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_gets_a_clean_answer(string target)
    {
        var t = FuzzTargets.Get(target);
        var files = FuzzTargets.All.SelectMany(o => Files("seeds", o.Name)).ToList();
        Assert.True(files.Count > FuzzTargets.All.Count, "every target has seeds");
        foreach (string file in files)
        {
            Run(t, file);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Former_crashes_get_a_clean_answer(string target)
    {
        var t = FuzzTargets.Get(target);
        foreach (string file in Files("regressions", target))
        {
            Run(t, file);
        }
    }

    private static string Run(FuzzTarget target, string file)
    {
        byte[] input = File.ReadAllBytes(file);
        var task = Task.Run(() => target.Run(input));
        try
        {
            Assert.True(task.Wait(Budget), $"{target.Name} on {file}: no answer within {Budget.TotalSeconds} s");
        }
        catch (AggregateException e)
        {
            Assert.Fail($"{target.Name} on {file}: {e.InnerException}");
        }

        return task.Result;
    }
}
