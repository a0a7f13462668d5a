using System.Reflection;
using System.Runtime.ExceptionServices;
using nanoFramework.TestFramework;
using Xunit.Abstractions;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// Runs one <see cref="NanoTest"/>: a fresh instance of its class, every [Setup] method, the test,
/// then every [Cleanup] method (also after a failure). Exceptions surface unwrapped, so
/// TestFrameworkShared.AssertFailedException fails the xunit case with its message and
/// <see cref="SkipTestException"/> is turned into a skip by <see cref="SkippableTestCase"/>.
/// </summary>
/// <remarks>
/// The device launcher differs: it runs [Setup] once before all tests of a class and [Cleanup] once
/// after, and invokes methods without an instance. Core tests keep no instance state, so they pass
/// under both.
/// </remarks>
public static class NanoTestRunner
{
    /// <summary>Runs <paramref name="test"/>, writing what it printed to <paramref name="output"/>.</summary>
    public static void Run(NanoTest test, ITestOutputHelper? output = null)
    {
        using NanoTestOutput.Capture capture = NanoTestOutput.Begin(output);
        if (test.Arguments != null)
        {
            Console.WriteLine("data row " + test.Row + ": " + string.Join(", ", test.Arguments.Select(Describe)));
        }

        object instance = Activator.CreateInstance(test.TestClass)
            ?? throw new InvalidOperationException("cannot create " + test.TestClass.FullName);
        foreach (MethodInfo setup in NanoTestCatalog.Hooks(test.TestClass, typeof(SetupAttribute)))
        {
            Invoke(setup, instance, null);
        }

        ExceptionDispatchInfo? failure = null;
        try
        {
            Invoke(test.Method, instance, test.Arguments);
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        foreach (MethodInfo cleanup in NanoTestCatalog.Hooks(test.TestClass, typeof(CleanupAttribute)))
        {
            try
            {
                Invoke(cleanup, instance, null);
            }
            catch (Exception ex) when (failure != null)
            {
                Console.WriteLine("cleanup " + cleanup.Name + " also failed: " + ex.Message);
            }
        }

        failure?.Throw();
    }

    private static void Invoke(MethodInfo method, object instance, object[]? arguments)
    {
        try
        {
            method.Invoke(method.IsStatic ? null : instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        _ => value.ToString() ?? string.Empty,
    };
}
