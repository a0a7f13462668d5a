using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a method run after the tests of its class. On a device the launcher runs it once per
    /// class; the host bridge runs it after every test.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
