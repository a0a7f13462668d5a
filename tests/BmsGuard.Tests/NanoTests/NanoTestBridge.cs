using Xunit;
using Xunit.Abstractions;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// Runs the nanoFramework core tests (tests/BmsGuard.Core.Tests, written against
/// nanoFramework.TestFramework) under xunit: one case per [TestMethod] or [DataRow], named
/// "Class.Method" or "Class.Method[row]", each counted on its own in the runner's totals.
/// </summary>
public sealed class NanoTestBridge
{
    /// <summary>Fewer discovered tests than this means the core tests were not compiled in.</summary>
    public const int MinimumCoreTests = 90;

    private readonly ITestOutputHelper _output;

    public NanoTestBridge(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Names of every discovered core test.</summary>
    public static TheoryData<string> Cases()
    {
        TheoryData<string> data = new();
        foreach (NanoTest test in NanoTestCatalog.All)
        {
            data.Add(test.Name);
        }

        return data;
    }

    [NanoTheory]
    [MemberData(nameof(Cases))]
    public void Run(string test)
    {
        NanoTestRunner.Run(NanoTestCatalog.Find(test), _output);
    }

    [Fact]
    public void DiscoversTheCoreTests()
    {
        IReadOnlyList<NanoTest> all = NanoTestCatalog.All;
        Assert.True(
            all.Count >= MinimumCoreTests,
            "discovered " + all.Count + " nanoFramework tests, expected at least " + MinimumCoreTests);
        Assert.Contains(all, t => t.Name == "RuleIndexEquivalenceTests.RandomTablesAgreeWithALinearScan");
        Assert.Contains(all, t => t.Name == "RuleTextErrorTests.ParseErrorNamesTheLineAndTheReason[0]");
        Assert.DoesNotContain(all, t => t.TestClass.Namespace == NanoTestCatalog.FixtureNamespace);
    }

    [Fact]
    public void CaseNamesAreUnique()
    {
        string[] duplicates = NanoTestCatalog.All.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
    }
}
