using Xunit;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// Proof that the profile check can fail: snippets compiled at test time, each using one thing
/// nanoFramework 1.x lacks, must be reported with the offending method or type named.
/// </summary>
public sealed class ProfileNegativeTests
{
    private static readonly Lazy<ProfileChecker> Checker =
        new(() => new ProfileChecker(ApiAllowlist.Load(ApiAllowlist.DefaultPath())));

    [Fact]
    public void Generic_collection_is_reported()
    {
        ProfileReport report = Check(@"
            public static class Buffer
            {
                public static int Fill()
                {
                    var list = new System.Collections.Generic.List<int>();
                    list.Add(1);
                    return list.Count;
                }
            }");

        AssertReported(report, "Buffer::Fill()", "System.Collections.Generic.List`1<System.Int32>", "generic");
    }

    [Fact]
    public void Generic_type_definition_is_reported()
    {
        ProfileReport report = Check("public sealed class Box<T> { public T Value; }");

        AssertReported(report, "type Box`1", "Box`1", "generic type definition");
    }

    [Fact]
    public void Async_method_is_reported()
    {
        ProfileReport report = Check(@"
            public static class Uplink
            {
                public static async System.Threading.Tasks.Task<int> Send()
                {
                    await System.Threading.Tasks.Task.Yield();
                    return 1;
                }
            }");

        AssertReported(report, "Uplink::Send()", "AsyncStateMachineAttribute", ForbiddenFeatures.Async);
        AssertReported(report, "Uplink+<Send>", "IAsyncStateMachine", ForbiddenFeatures.Async);
    }

    [Fact]
    public void String_interpolation_is_reported_with_concatenation_advice()
    {
        ProfileReport report = Check(@"
            public static class Log
            {
                public static string Line(int rules) { return $""loaded {rules} rules""; }
            }");

        AssertReported(report, "Log::Line(System.Int32)", "DefaultInterpolatedStringHandler", "string concatenation");
    }

    [Fact]
    public void Api_missing_from_the_list_is_reported()
    {
        ProfileReport report = Check(@"
            public static class Limits
            {
                public static int Cap(int value) { return System.Math.Clamp(value, 0, 8); }
            }");

        AssertReported(report, "Limits::Cap(System.Int32)", "System.Math::Clamp(System.Int32,System.Int32,System.Int32)", ReferenceInspector.NotListed);
    }

    [Fact]
    public void Linq_is_reported()
    {
        ProfileReport report = Check(@"
            using System.Linq;
            public static class Stats
            {
                public static int Total(int[] values) { return values.Sum(); }
            }");

        AssertReported(report, "Stats::Total(System.Int32[])", "System.Linq.Enumerable::Sum(", ReferenceInspector.NotListed);
    }

    [Fact]
    public void Multi_dimensional_array_is_reported()
    {
        ProfileReport report = Check(@"
            public static class Grid
            {
                public static int Cells() { int[,] grid = new int[2, 2]; return grid.Length; }
            }");

        AssertReported(report, "Grid::Cells()", "System.Int32[,]", "multi-dimensional array");
    }

    [Fact]
    public void Lock_statement_is_reported_with_explicit_monitor_advice()
    {
        ProfileReport report = Check(@"
            public sealed class Counter
            {
                private readonly object _gate = new object();
                private int _count;
                public void Bump() { lock (_gate) { _count++; } }
            }");

        AssertReported(report, "Counter::Bump()", "System.Threading.Monitor::Enter(System.Object,System.Boolean&)", ForbiddenFeatures.Lock);
    }

    [Fact]
    public void Params_span_overload_is_reported_with_array_advice()
    {
        // .NET 9+ prefers String.Format(string, params ReadOnlySpan<object>), which nanoFramework lacks.
        ProfileReport report = Check(@"
            public static class Status
            {
                public static string Line(string a, string b, string c, string d)
                {
                    return string.Format(""{0} {1} {2} {3}"", a, b, c, d);
                }
            }");

        AssertReported(report, "Status::Line(", "System.String::Format(System.String,System.ReadOnlySpan`1<System.Object>)", ForbiddenFeatures.Span);
    }

    [Fact]
    public void Format_overload_missing_on_device_is_reported_with_array_advice()
    {
        ProfileReport report = Check(@"
            public static class Status
            {
                public static string Line(string a, string b) { return string.Format(""{0} {1}"", a, b); }
            }");

        AssertReported(report, "Status::Line(", "System.String::Format(System.String,System.Object,System.Object)", ForbiddenFeatures.Format);
    }

    [Fact]
    public void String_plus_char_is_reported_with_span_advice()
    {
        ProfileReport report = Check(@"
            public static class Hex
            {
                public static string Digit(string prefix, char digit) { return prefix + digit; }
            }");

        AssertReported(report, "Hex::Digit(System.String,System.Char)", "System.String::Concat(System.ReadOnlySpan`1<System.Char>", ForbiddenFeatures.Span);
    }

    [Fact]
    public void Attribute_and_catch_type_are_checked()
    {
        ProfileReport report = Check(@"
            [System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]
            public static class Store
            {
                public static bool Save()
                {
                    try { return true; }
                    catch (System.IO.EndOfStreamException) { return false; }
                }
            }");

        AssertReported(report, "type Store", "System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute::.ctor()", ReferenceInspector.NotListed);
        AssertReported(report, "Store::Save()", "System.IO.EndOfStreamException", ReferenceInspector.NotListed);
    }

    [Fact]
    public void Plain_code_passes_and_host_assembly_attributes_are_ignored()
    {
        // The assembly-level attribute stands for the SDK's host-build attributes, which are not firmware code.
        ProfileReport report = Check(@"
            [assembly: System.Reflection.AssemblyMetadata(""built-by"", ""host"")]
            public static class Greeting
            {
                public static string Hello(string name) { return ""hello "" + name; }
            }");

        Assert.True(report.Passed, report.Describe());
        Assert.Contains("System.String::Concat(System.String,System.String)", report.ExternalApis);
    }

    private static ProfileReport Check(string source) => Checker.Value.Check(SnippetCompiler.Compile(source));

    private static void AssertReported(ProfileReport report, string owner, string reference, string reason)
    {
        bool found = report.Violations.Any(v =>
            v.Owner.Contains(owner, StringComparison.Ordinal)
            && v.Reference.Contains(reference, StringComparison.Ordinal)
            && v.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.True(found, $"expected {owner} -> {reference} ({reason}); got:\n{report.Describe()}");
    }
}
