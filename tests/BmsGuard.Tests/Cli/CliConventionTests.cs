using BmsGuard.HostSim.Verbs;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Cli;

/// <summary>The CLI behaves as command-line tools do: help on every verb, a version, suggestions for typos, one error style, documented exit codes.</summary>
public sealed class CliConventionTests
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (VerbSpec verb in VerbTable.All)
        {
            data.Add(verb.Path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_answers_help_in_each_spelling(string path)
    {
        VerbSpec verb = VerbTable.All.Single(v => v.Path == path);
        foreach (string flag in new[] { "--help", "-h", "-?" })
        {
            var run = CliRun.Of([.. path.Split(' '), flag]);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains($" {path} ", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(verb.Description, run.Stdout, StringComparison.Ordinal);
            foreach (OptionSpec option in verb.Options)
            {
                Assert.Contains(option.Name, run.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }

    [Theory]
    [InlineData(new[] { "replya" }, "unknown command 'replya' (did you mean replay?) (try: bmsguard --help)")]
    [InlineData(new[] { "replay", "--rule", "x" }, "unknown option --rule for 'replay' (did you mean --rules?) (try: bmsguard replay --help)")]
    [InlineData(new[] { "gen", "--seeed", "3" }, "unknown option --seeed for 'gen' (did you mean --seed?) (try: bmsguard gen --help)")]
    [InlineData(new[] { "replay", "--out" }, "option --out needs a value (try: bmsguard replay --help)")]
    [InlineData(new[] { "replay", "-x" }, "unknown option -x for 'replay' (try: bmsguard replay --help)")]
    [InlineData(new[] { "command", "sgn" }, "unknown command 'sgn' for 'command' (did you mean sign?) (try: bmsguard command --help)")]
    public void Usage_errors_are_one_line_with_a_suggestion_and_exit_2(string[] args, string message)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"bmsguard: {message}", run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void No_arguments_prints_help_and_exits_2()
    {
        var run = CliRun.Of();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("replay", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_file_exits_1()
    {
        var run = CliRun.Of("rules", "/nonexistent/rules.txt");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("bmsguard: ", run.Stderr, StringComparison.Ordinal);
    }
}
