using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest"/>: the runner reports the test as skipped.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception without a reason.</summary>
        public SkipTestException()
            : base()
        {
        }

        /// <summary>Creates the exception with the reason for skipping.</summary>
        /// <param name="message">Why the test is skipped.</param>
        public SkipTestException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a reason and a cause.</summary>
        /// <param name="message">Why the test is skipped.</param>
        /// <param name="innerException">The cause.</param>
        public SkipTestException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
