using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Inequality checks, one overload per type as in the package's non-generic line.</summary>
    public sealed partial class Assert
    {
        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (string.Equals(notExpected, actual, StringComparison.Ordinal))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        /// <summary>Fails if the values are equal.</summary>
        /// <param name="notExpected">The value the test expects not to get.</param>
        /// <param name="actual">The value produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The values are equal.</exception>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                HandleAreNotEqualFail(notExpected, actual, message);
            }
        }

        private static void HandleAreNotEqualFail(object notExpected, object actual, string message)
        {
            HandleFail(
                "Assert.AreNotEqual",
                "Expected any value except:<" + ReplaceNulls(notExpected) + ">. Actual:<" + ReplaceNulls(actual) + ">. "
                + (message is null ? string.Empty : ReplaceNulls(message)));
        }
    }
}
