using System.Reflection;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// One runnable nanoFramework test: a [TestMethod] of a [TestClass], or one [DataRow] of it.
/// <see cref="Name"/> ("Class.Method", or "Class.Method[row]") is the xunit case's data.
/// </summary>
public sealed class NanoTest
{
    public NanoTest(Type testClass, MethodInfo method, int row, object[]? arguments)
    {
        TestClass = testClass;
        Method = method;
        Row = row;
        Arguments = arguments;
        Name = testClass.Name + "." + method.Name + (row < 0 ? string.Empty : "[" + row + "]");
    }

    /// <summary>Case name shown by the runner.</summary>
    public string Name { get; }

    /// <summary>The [TestClass] type.</summary>
    public Type TestClass { get; }

    /// <summary>The test method.</summary>
    public MethodInfo Method { get; }

    /// <summary>Index of the [DataRow], or -1 for a plain [TestMethod].</summary>
    public int Row { get; }

    /// <summary>The [DataRow] arguments, or null.</summary>
    public object[]? Arguments { get; }

    public override string ToString() => Name;
}
