using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a method run before the tests of its class. On a device the launcher runs it once per
    /// class; the host bridge runs it before every test. Tests must be correct either way.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
