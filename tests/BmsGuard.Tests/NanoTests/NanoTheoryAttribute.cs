using Xunit;
using Xunit.Sdk;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// A theory whose cases report a thrown nanoFramework SkipTestException (Assert.SkipTest) as
/// skipped rather than failed; xunit 2 has no dynamic skip of its own.
/// </summary>
[XunitTestCaseDiscoverer("BmsGuard.Tests.NanoTests.NanoTheoryDiscoverer", "BmsGuard.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NanoTheoryAttribute : TheoryAttribute
{
}
