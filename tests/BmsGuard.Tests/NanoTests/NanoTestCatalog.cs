using System.Reflection;
using nanoFramework.TestFramework;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// Finds nanoFramework tests the way the device launcher does: public methods of [TestClass] types
/// marked [TestMethod], [DataTestMethod] or [DataRow]; a method with rows runs once per row and its
/// [TestMethod] is not run on its own. The bridge's own fixtures are left out of <see cref="All"/>.
/// </summary>
public static class NanoTestCatalog
{
    /// <summary>Namespace of the bridge's self-test fixtures, which never run as core tests.</summary>
    public const string FixtureNamespace = "BmsGuard.Tests.NanoTests.Fixtures";

    private static readonly Lazy<IReadOnlyList<NanoTest>> AllTests = new(() => Discover(
        typeof(NanoTestCatalog).Assembly.GetTypes().Where(t => t.Namespace != FixtureNamespace)));

    /// <summary>Every core test compiled into this assembly, in a stable order.</summary>
    public static IReadOnlyList<NanoTest> All => AllTests.Value;

    /// <summary>The test called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such test.</exception>
    public static NanoTest Find(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException("no nanoFramework test named " + name, nameof(name));

    /// <summary>Tests declared by <paramref name="types"/>, ordered by class then method name.</summary>
    public static IReadOnlyList<NanoTest> Discover(IEnumerable<Type> types)
    {
        List<NanoTest> tests = new();
        foreach (Type type in types.Where(IsTestClass).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
            foreach (MethodInfo method in methods.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                DataRowAttribute[] rows = method.GetCustomAttributes<DataRowAttribute>(false).ToArray();
                if (rows.Length > 0)
                {
                    for (int i = 0; i < rows.Length; i++)
                    {
                        tests.Add(new NanoTest(type, method, i, rows[i].MethodParameters));
                    }
                }
                else if (method.IsDefined(typeof(TestMethodAttribute), false) || method.IsDefined(typeof(DataTestMethodAttribute), false))
                {
                    tests.Add(new NanoTest(type, method, -1, null));
                }
            }
        }

        return tests;
    }

    /// <summary>Public [Setup] or [Cleanup] methods of a test class, in declaration order.</summary>
    public static MethodInfo[] Hooks(Type testClass, Type attribute) =>
        testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.IsDefined(attribute, false))
            .OrderBy(m => m.MetadataToken)
            .ToArray();

    private static bool IsTestClass(Type type) => type.IsClass && type.IsDefined(typeof(TestClassAttribute), false);
}
