using System.Text.RegularExpressions;
using BmsGuard.Core;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.Safety;
using BmsGuard.Core.Telemetry;
using BmsGuard.Core.Uds;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Docs;

/// <summary>
/// docs/syntax.md: the example closing each language's section is accepted by that language's parser,
/// and its print parses back to the same print, so the page cannot drift from the parsers.
/// </summary>
public sealed class SyntaxExamplesTests
{
    private delegate object? Parse(string text, out int errorLine, out string error);

    private static readonly VehicleState State = ReferenceSafety.NewState();

    /// <summary>Section heading prefix, the parser and the printer of each language.</summary>
    private static readonly Dictionary<string, (Parse Parse, Func<object, string> Print)> Languages = new()
    {
        ["Rule table"] = (RuleTableText.Parse, t => RuleTableText.Print((RuleTable)t)),
        ["Command policy"] = (CommandPolicyText.Parse, t => CommandPolicyText.Print((CommandPolicy)t)),
        ["UDS policy"] = (UdsPolicyText.Parse, t => UdsPolicyText.Print((UdsPolicy)t)),
        ["Uplink policy"] = (UplinkPolicyText.Parse, t => UplinkPolicyText.Print((UplinkPolicy)t)),
        ["Native commands"] = (NativeCommandText.Parse, t => NativeCommandText.Print((NativeCommandTable)t)),
        ["Vehicle-state signals"] = (VehicleStateText.Parse, t => VehicleStateText.Print((VehicleState)t)),
        ["Interlocks"] = (
            (string text, out int line, out string error) => InterlockTableText.Parse(text, State, out line, out error),
            t => InterlockTableText.Print((InterlockTable)t)),
    };

    public static TheoryData<string> Sections() => new(Languages.Keys);

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_example_parses_and_its_print_round_trips(string section)
    {
        string example = LastCodeBlock(section);
        (Parse parse, Func<object, string> print) = Languages[section];
        object? table = parse(example, out int line, out string error);
        Assert.True(table != null, $"docs/syntax.md, {section}: line {line}: {error}\n{example}");
        string printed = print(table!);
        object again = parse(printed, out line, out error) ?? throw new Xunit.Sdk.XunitException($"{section}: print does not parse back: line {line}: {error}\n{printed}");
        Assert.Equal(printed, print(again));
    }

    [Fact]
    public void Every_language_has_a_section()
    {
        string[] headings = Regex.Matches(Page(), @"^## (.+?) — ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Languages.Keys.Order(), headings.Order());
    }

    private static string Page() => File.ReadAllText(Path.Combine(Captures.RepoRoot, "docs", "syntax.md"));

    private static string LastCodeBlock(string section)
    {
        string page = Page();
        int start = page.IndexOf("\n## " + section + " — ", StringComparison.Ordinal);
        Assert.True(start >= 0, "no section " + section);
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string body = end < 0 ? page[start..] : page[start..end];
        MatchCollection blocks = Regex.Matches(body, "```\n(.*?)```", RegexOptions.Singleline);
        Assert.NotEmpty(blocks);
        return blocks[^1].Groups[1].Value;
    }
}
