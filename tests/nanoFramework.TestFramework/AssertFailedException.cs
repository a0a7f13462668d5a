using System;

// The real package declares this type in the shared project's namespace, not in nanoFramework.TestFramework.
namespace TestFrameworkShared
{
    /// <summary>Thrown by every failed assertion; the runner reports the test as failed with its message.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with a message and a cause.</summary>
        /// <param name="msg">The message.</param>
        /// <param name="ex">The cause.</param>
        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        /// <param name="msg">The message.</param>
        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        /// <summary>Creates the exception without a message.</summary>
        public AssertFailedException()
        {
        }
    }
}
