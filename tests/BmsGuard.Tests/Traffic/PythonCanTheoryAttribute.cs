using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Traffic;

/// <summary>A theory that needs python-can: skipped with a hint when absent, unless CI requires it.</summary>
public sealed class PythonCanTheoryAttribute : TheoryAttribute
{
    public PythonCanTheoryAttribute() => Skip = PythonCan.SkipReason;
}
