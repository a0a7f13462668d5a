using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Bench;

/// <summary>A fact that needs a socat pty pair: skipped with a hint when socat is absent, unless CI requires it.</summary>
public sealed class PtyFactAttribute : FactAttribute
{
    public PtyFactAttribute() => Skip = PtyPair.SkipReason;
}

/// <summary>A fact that needs a socat pty pair and python-can.</summary>
public sealed class PtyPythonCanFactAttribute : FactAttribute
{
    public PtyPythonCanFactAttribute() => Skip = PtyPair.SkipReason ?? PythonCan.SkipReason;
}
