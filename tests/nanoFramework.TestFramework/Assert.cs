using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Checks for unit tests. A failed check throws <see cref="AssertFailedException"/> whose message
    /// names the check, the values involved and the caller's message (by default the checked expression).
    /// </summary>
    public sealed partial class Assert
    {
        private const string ObjectAsString = "(object)";
        private const string NullAsString = "(null)";

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        /// <param name="condition">The condition the test expects to be true.</param>
        /// <param name="message">Shown on failure; defaults to the condition's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="condition"/> is false.</exception>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        /// <param name="condition">The condition the test expects to be false.</param>
        /// <param name="message">Shown on failure; defaults to the condition's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="condition"/> is true.</exception>
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                HandleFail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        /// <param name="value">The object the test expects to be null.</param>
        /// <param name="message">Shown on failure; defaults to the value's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="value"/> is not null.</exception>
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is not null)
            {
                HandleFail("Assert.IsNull", message);
            }
        }

        /// <summary>Fails if <paramref name="value"/> is null.</summary>
        /// <param name="value">The object the test expects not to be null.</param>
        /// <param name="message">Shown on failure; defaults to the value's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="value"/> is null.</exception>
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value is null)
            {
                HandleFail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Fails unless both arguments are the same object.</summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The references differ.</exception>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(expected, actual))
            {
                return;
            }

            if (expected is ValueType || actual is ValueType)
            {
                HandleFail(
                    "Assert.AreSame",
                    "Do not pass value types to AreSame(). Values converted to Object will never be the same. Consider using AreEqual(). " + ReplaceNulls(message));
            }

            HandleFail("Assert.AreSame", ReplaceNulls(message));
        }

        /// <summary>Fails if both arguments are the same object.</summary>
        /// <param name="notExpected">The object the test expects not to get.</param>
        /// <param name="actual">The object produced by the code under test.</param>
        /// <param name="message">Shown on failure; defaults to the actual value's source text.</param>
        /// <exception cref="AssertFailedException">The references are equal.</exception>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                HandleFail("Assert.AreNotSame", ReplaceNulls(message));
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> is exactly of type <paramref name="expected"/>
        /// (like the real package, a derived type does not satisfy the check).
        /// </summary>
        /// <param name="value">The object to check.</param>
        /// <param name="expected">The expected type.</param>
        /// <param name="message">Shown on failure; defaults to the value's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="value"/> is null or of another type.</exception>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(expected, "Assert.IsInstanceOfType", "expected");
            if (value is not null && expected == value.GetType())
            {
                return;
            }

            Type actual = value is null ? null : value.GetType();
            HandleFail(
                "Assert.IsInstanceOfType",
                "Expected type:<" + expected + ">. Actual type:<" + ReplaceNulls(actual) + ">. " + ReplaceNulls(message));
        }

        /// <summary>Fails if <paramref name="value"/> is exactly of type <paramref name="notExpected"/>.</summary>
        /// <param name="value">The object to check.</param>
        /// <param name="notExpected">The type the value must not have.</param>
        /// <param name="message">Shown on failure; defaults to the value's source text.</param>
        /// <exception cref="AssertFailedException"><paramref name="value"/> has type <paramref name="notExpected"/>.</exception>
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            EnsureParameterIsNotNull(notExpected, "Assert.IsNotInstanceOfType", "notExpected");
            if (value is null || notExpected != value.GetType())
            {
                return;
            }

            HandleFail(
                "Assert.IsNotInstanceOfType",
                "Wrong type:<" + notExpected + ">. Actual type:<" + value.GetType() + ">. " + ReplaceNulls(message));
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly type
        /// <paramref name="exception"/> (a derived type fails the check).
        /// </summary>
        /// <param name="exception">The exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Shown on failure; defaults to the action's source text.</param>
        /// <exception cref="AssertFailedException">Nothing or another exception type was thrown.</exception>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            EnsureParameterIsNotNull(action, "Assert.ThrowsException", "action");
            EnsureParameterIsNotNull(exception, "Assert.ThrowsException", "exception");
            try
            {
                action.Invoke();
            }
            catch (Exception ex)
            {
                if (exception == ex.GetType())
                {
                    return;
                }

                HandleFail(
                    "Assert.ThrowsException",
                    "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name + " was expected. "
                    + ReplaceNulls(message) + "\r\nException Message: " + ex.Message);
            }

            HandleFail(
                "Assert.ThrowsException",
                "No exception thrown. " + exception.Name + " exception was expected. " + ReplaceNulls(message));
        }

        /// <summary>Ends the test as skipped.</summary>
        /// <param name="message">Why the test is skipped.</param>
        /// <exception cref="SkipTestException">Always.</exception>
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        internal static void EnsureParameterIsNotNull(object value, string assertion, string parameter)
        {
            if (value is null)
            {
                HandleFail(assertion, "The parameter '" + parameter + "' is invalid. The value cannot be null.");
            }
        }

        internal static void HandleFail(string assertion, string message)
        {
            string safeMessage = string.IsNullOrEmpty(message) ? string.Empty : ReplaceNulls(message);
            throw new AssertFailedException(assertion + " failed. " + safeMessage);
        }

        internal static string ReplaceNulls(object input)
        {
            if (input == null)
            {
                return NullAsString;
            }

            string text = input.ToString() ?? ObjectAsString;
            return text.Replace("\0", "\\0", StringComparison.Ordinal);
        }
    }
}
