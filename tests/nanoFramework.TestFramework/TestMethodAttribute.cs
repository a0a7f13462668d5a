using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a public parameterless void method of a <see cref="TestClassAttribute"/> class as a test.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
