using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose <see cref="TestMethodAttribute"/> methods are tests.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>Returns the attribute used to run a test method (extensions may override it).</summary>
        /// <param name="testMethodAttribute">The attribute found on the method.</param>
        /// <returns>The attribute to run the test with; by default the one given.</returns>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }
}
