namespace BmsGuard.Tests.Profile;

/// <summary>
/// Compiler features whose support types nanoFramework 1.x lacks, and constructs the .NET 10 host build
/// lowers to APIs nanoFramework lacks. They would fail the allowlist anyway; naming the construct and its
/// nanoFramework-compatible replacement makes the failure actionable.
/// </summary>
public static class ForbiddenFeatures
{
    public const string Async =
        "async/await (compiler-generated state machine) — nanoFramework 1.x has none: use a Thread, Timer or event";

    public const string Interpolation =
        "string interpolation handler — nanoFramework 1.x lacks it: use string concatenation (\"a\" + x.ToString()) or String.Format";

    public const string Span =
        "Span<T>/ReadOnlySpan<T> (often a .NET params-span overload or string + char lowering) — nanoFramework 1.x has no generic spans: pass an explicit array, or call ToString() on the char";

    // The host compiler lowers `lock` to Monitor.Enter(object, ref bool); nanoFramework's Monitor has only
    // Enter(object)/Exit(object), which the device compiler falls back to. Writing them out keeps both builds alike.
    public const string Lock =
        "lock statement (the host build emits Monitor.Enter(object, ref bool), which nanoFramework lacks) — write Monitor.Enter(x); try { … } finally { Monitor.Exit(x); }";

    // The host picks String.Format(string, object[, object…]); nanoFramework has only the params object[] form.
    public const string Format =
        "String.Format overload nanoFramework lacks (it has only Format(string, params object[])) — pass new object[] { … } explicitly, or concatenate";

    private const string FormatWithArray = "System.String::Format(System.String,System.Object[])";

    private const string CompilerServices = "System.Runtime.CompilerServices.";

    /// <summary>Why the member <paramref name="key"/> (allowlist form) is a forbidden feature, or null.</summary>
    public static string? MemberReason(string key)
    {
        if (key == "System.Threading.Monitor::Enter(System.Object,System.Boolean&)")
        {
            return Lock;
        }

        bool otherFormat = key.StartsWith("System.String::Format(", StringComparison.Ordinal) && key != FormatWithArray;
        return otherFormat ? Format : null;
    }

    /// <summary>Why <paramref name="typeName"/> (an external type's readable name) is a forbidden feature, or null.</summary>
    public static string? Reason(string typeName)
    {
        if (typeName.Contains("InterpolatedStringHandler", StringComparison.Ordinal))
        {
            return Interpolation;
        }

        if (typeName.StartsWith("System.Span`1", StringComparison.Ordinal)
            || typeName.StartsWith("System.ReadOnlySpan`1", StringComparison.Ordinal))
        {
            return Span;
        }

        if (typeName.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal))
        {
            return Async;
        }

        if (!typeName.StartsWith(CompilerServices, StringComparison.Ordinal))
        {
            return null;
        }

        string name = typeName.Substring(CompilerServices.Length);
        bool isAsync = name.StartsWith("Async", StringComparison.Ordinal) // AsyncStateMachineAttribute, Async*MethodBuilder
            || name.StartsWith("IAsyncStateMachine", StringComparison.Ordinal)
            || name.Contains("TaskAwaiter", StringComparison.Ordinal) // TaskAwaiter, ValueTaskAwaiter
            || name.Contains("TaskAwaitable", StringComparison.Ordinal) // Configured(Value)TaskAwaitable
            || name.StartsWith("YieldAwaitable", StringComparison.Ordinal)
            || name.StartsWith("ICriticalNotifyCompletion", StringComparison.Ordinal)
            || name.StartsWith("INotifyCompletion", StringComparison.Ordinal);
        return isAsync ? Async : null;
    }
}
