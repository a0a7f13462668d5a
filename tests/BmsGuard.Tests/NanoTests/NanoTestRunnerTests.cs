using System.Reflection;
using BmsGuard.Tests.NanoTests.Fixtures;
using TestFrameworkShared;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;
using Nano = nanoFramework.TestFramework;

namespace BmsGuard.Tests.NanoTests;

/// <summary>The bridge itself: discovery, lifecycle, data rows, failures, skips and output, on fixtures.</summary>
public sealed class NanoTestRunnerTests
{
    private static readonly IReadOnlyList<NanoTest> Fixtures =
        NanoTestCatalog.Discover(new[] { typeof(LifecycleFixture), typeof(SkippingSetupFixture) });

    [Fact]
    public void DiscoversTestMethodsAndOneCasePerDataRow()
    {
        Assert.Equal(
            new[]
            {
                "LifecycleFixture.Fails", "LifecycleFixture.Passes", "LifecycleFixture.Prints",
                "LifecycleFixture.Rows[0]", "LifecycleFixture.Rows[1]", "LifecycleFixture.Skips",
                "SkippingSetupFixture.NeverRuns",
            },
            Fixtures.Select(t => t.Name));
    }

    [Fact]
    public void RunsSetupTestAndCleanupOnAFreshInstanceEachTime()
    {
        FixtureLog.Entries.Clear();
        NanoTestRunner.Run(Fixture("LifecycleFixture.Passes"));
        NanoTestRunner.Run(Fixture("LifecycleFixture.Passes"));
        string[] log = FixtureLog.Entries.ToArray();
        Assert.Equal(6, log.Length);
        string first = log[0].Substring("setup ".Length);
        string second = log[3].Substring("setup ".Length);
        Assert.NotEqual(first, second);
        Assert.Equal(new[] { "setup " + first, "test " + first + " state 1", "cleanup " + first }, log.Take(3));
        Assert.Equal(new[] { "setup " + second, "test " + second + " state 1", "cleanup " + second }, log.Skip(3));
    }

    [Fact]
    public void PassesDataRowArguments()
    {
        FixtureLog.Entries.Clear();
        NanoTestRunner.Run(Fixture("LifecycleFixture.Rows[1]"));
        Assert.Contains("row 2b", FixtureLog.Entries);
    }

    [Fact]
    public void FailedAssertionFailsWithItsMessageAndStillCleansUp()
    {
        FixtureLog.Entries.Clear();
        AssertFailedException ex = Assert.Throws<AssertFailedException>(() => NanoTestRunner.Run(Fixture("LifecycleFixture.Fails")));
        Assert.Equal("Assert.AreEqual failed. Expected:<1>. Actual:<2>. one is not two", ex.Message);
        Assert.StartsWith("cleanup ", FixtureLog.Entries.Last());
    }

    [Fact]
    public void SkipSurfacesAsSkipTestException()
    {
        Nano.SkipTestException ex = Assert.Throws<Nano.SkipTestException>(() => NanoTestRunner.Run(Fixture("LifecycleFixture.Skips")));
        Assert.Equal("no CAN transceiver", ex.Message);
    }

    [Fact]
    public void SkippingSetupSkipsTheTest()
    {
        FixtureLog.Entries.Clear();
        Assert.Throws<Nano.SkipTestException>(() => NanoTestRunner.Run(Fixture("SkippingSetupFixture.NeverRuns")));
        Assert.DoesNotContain("ran", FixtureLog.Entries);
    }

    [Fact]
    public void OutputHelperTextReachesTheTestOutput()
    {
        RecordingOutput output = new();
        NanoTestRunner.Run(Fixture("LifecycleFixture.Prints"), output);
        Assert.Contains("hello from a nanoFramework test", output.Text);
    }

    [Fact]
    public async Task SkipTestIsReportedAsSkippedWithItsReason()
    {
        List<IMessageSinkMessage> messages = new();
        RunSummary summary = await RunProbe(nameof(XunitSkipProbe.Skips), messages);
        Assert.Equal(1, summary.Total);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(0, summary.Failed);
        ITestSkipped skipped = Assert.Single(messages.OfType<ITestSkipped>());
        Assert.Equal("no CAN transceiver", skipped.Reason);
        Assert.Empty(messages.OfType<ITestFailed>());
    }

    [Fact]
    public async Task OtherFailuresStayFailures()
    {
        List<IMessageSinkMessage> messages = new();
        RunSummary summary = await RunProbe(nameof(XunitSkipProbe.Fails), messages);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(0, summary.Skipped);
        ITestFailed failed = Assert.Single(messages.OfType<ITestFailed>());
        Assert.Equal(typeof(AssertFailedException).FullName, failed.ExceptionTypes[0]);
        Assert.Equal("Assert.IsTrue failed. a real failure", failed.Messages[0]);
    }

    [Fact]
    public void TestAttributesSitOnlyOnPublicMembers()
    {
        // The device launcher and the bridge only see public methods: a private [TestMethod] would never run.
        Type[] attributes =
        {
            typeof(Nano.TestMethodAttribute), typeof(Nano.DataTestMethodAttribute), typeof(Nano.DataRowAttribute),
            typeof(Nano.SetupAttribute), typeof(Nano.CleanupAttribute),
        };
        var hidden = typeof(NanoTestRunnerTests).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(Nano.TestClassAttribute), false))
            .SelectMany(t => t.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => attributes.Any(a => m.IsDefined(a, false)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name);
        Assert.Empty(hidden);
        var badClasses = NanoTestCatalog.All.Select(t => t.TestClass).Distinct()
            .Where(t => !t.IsPublic || t.IsAbstract || t.GetConstructor(Type.EmptyTypes) == null)
            .Select(t => t.Name);
        Assert.Empty(badClasses);
    }

    private static NanoTest Fixture(string name) => Fixtures.Single(t => t.Name == name);

    private static Task<RunSummary> RunProbe(string method, List<IMessageSinkMessage> messages)
    {
        TestAssembly assembly = new(Reflector.Wrap(typeof(XunitSkipProbe).Assembly));
        TestCollection collection = new(assembly, null!, "nano bridge probes");
        TestClass testClass = new(collection, Reflector.Wrap(typeof(XunitSkipProbe)));
        TestMethod testMethod = new(testClass, Reflector.Wrap(typeof(XunitSkipProbe).GetMethod(method)!));
        NullMessageSink sink = new();
        SkippableTestCase testCase = new(sink, TestMethodDisplay.ClassAndMethod, TestMethodDisplayOptions.None, testMethod);
        return testCase.RunAsync(sink, new ListBus(messages), Array.Empty<object>(), new ExceptionAggregator(), new CancellationTokenSource());
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text => _text.ToString();

        public void WriteLine(string message) => _text.AppendLine(message);

        public void WriteLine(string format, params object[] args) => _text.AppendLine(string.Format(format, args));
    }

    private sealed class ListBus : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _messages;

        public ListBus(List<IMessageSinkMessage> messages)
        {
            _messages = messages;
        }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            _messages.Add(message);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
