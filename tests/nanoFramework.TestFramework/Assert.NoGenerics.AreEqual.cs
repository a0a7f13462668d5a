using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Equality checks, one overload per type as in the package's non-generic line.</summary>
    public sealed partial class Assert
    {
        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        /// <summary>Fails unless the values are equal.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values differ.</exception>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!Equals(expected, actual))
            {
                HandleAreEqualFail(expected, actual, message);
            }
        }

        private static void HandleAreEqualFail(object expected, object actual, string message)
        {
            HandleFail(
                "Assert.AreEqual",
                "Expected:<" + ReplaceNulls(expected) + ">. Actual:<" + ReplaceNulls(actual) + ">. "
                + (message is null ? string.Empty : ReplaceNulls(message)));
        }
    }
}
