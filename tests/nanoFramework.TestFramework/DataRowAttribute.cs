using System;

namespace nanoFramework.TestFramework
{
    /// <summary>One case of a data-driven test: the arguments the method is invoked with.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row.</summary>
        /// <param name="methodParameters">The test method's arguments, in order.</param>
        /// <exception cref="ArgumentNullException"><paramref name="methodParameters"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="methodParameters"/> is empty.</exception>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters can not be null");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters can not be empty");
            }

            MethodParameters = methodParameters;
        }

        /// <summary>The test method's arguments.</summary>
        public object[] MethodParameters { get; }
    }
}
