using nanoFramework.TestFramework;

namespace BmsGuard.Tests.NanoTests.Fixtures;

/// <summary>What the fixtures did, in order; read by <see cref="NanoTestRunnerTests"/> (which runs its cases one at a time).</summary>
public static class FixtureLog
{
    public static readonly List<string> Entries = new();
}

/// <summary>A test class exercising every feature of the bridge: lifecycle, failure, skip, rows, output.</summary>
[TestClass]
public class LifecycleFixture
{
    private static int _instances;
    private readonly int _instance = ++_instances;
    private int _state;

    [Setup]
    public void Setup()
    {
        FixtureLog.Entries.Add("setup " + _instance);
        _state = 1;
    }

    [TestMethod]
    public void Passes()
    {
        FixtureLog.Entries.Add("test " + _instance + " state " + _state);
        _state++;
    }

    [TestMethod]
    public void Fails()
    {
        Assert.AreEqual(1, 2, "one is not two");
    }

    [TestMethod]
    public void Skips()
    {
        Assert.SkipTest("no CAN transceiver");
    }

    [TestMethod]
    public void Prints()
    {
        OutputHelper.WriteLine("hello from a nanoFramework test");
    }

    [TestMethod]
    [DataRow(1, "a")]
    [DataRow(2, "b")]
    public void Rows(int n, string s)
    {
        FixtureLog.Entries.Add("row " + n + s);
    }

    [Cleanup]
    public void Cleanup()
    {
        FixtureLog.Entries.Add("cleanup " + _instance);
    }

    public void NotATest()
    {
        FixtureLog.Entries.Add("not a test");
    }
}

/// <summary>A class whose setup skips: its tests are skipped, not run.</summary>
[TestClass]
public class SkippingSetupFixture
{
    [Setup]
    public void Setup()
    {
        Assert.SkipTest("setup found no hardware");
    }

    [TestMethod]
    public void NeverRuns()
    {
        FixtureLog.Entries.Add("ran");
    }
}

/// <summary>
/// xunit cases run by hand by <see cref="NanoTestRunnerTests"/> to check skip translation end to end.
/// Internal, so xunit's discovery never runs them on its own.
/// </summary>
#pragma warning disable xUnit1000 // Test classes must be public: deliberately hidden from discovery.
internal sealed class XunitSkipProbe
#pragma warning restore xUnit1000
{
    [Xunit.Fact]
    public void Skips() => Assert.SkipTest("no CAN transceiver");

    [Xunit.Fact]
    public void Fails() => Assert.IsTrue(false, "a real failure");
}
