using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a data-driven test method; its cases come from <see cref="DataRowAttribute"/>.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class DataTestMethodAttribute : Attribute
    {
    }
}
