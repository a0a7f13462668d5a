using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>String checks (ordinal comparison, as on the device).</summary>
    public sealed partial class Assert
    {
        /// <summary>Fails unless <paramref name="other"/> contains <paramref name="expected"/>.</summary>
        /// <param name="expected">The text expected inside <paramref name="other"/>.</param>
        /// <param name="other">The text to search.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The text is missing, or an argument is null.</exception>
        public static void Contains(string expected, string other, string message = "")
        {
            CheckStrings(expected, other, "Assert.Contains");
            if (other.IndexOf(expected, StringComparison.Ordinal) < 0)
            {
                HandleFail("Assert.Contains", Quote(other) + " does not contain " + Quote(expected) + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails if <paramref name="other"/> contains <paramref name="expected"/>.</summary>
        /// <param name="expected">The text that must not occur in <paramref name="other"/>.</param>
        /// <param name="other">The text to search.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The text is present, or an argument is null.</exception>
        public static void DoesNotContains(string expected, string other, string message = "")
        {
            CheckStrings(expected, other, "Assert.DoesNotContains");
            if (other.IndexOf(expected, StringComparison.Ordinal) >= 0)
            {
                HandleFail("Assert.DoesNotContains", Quote(other) + " should not contain " + Quote(expected) + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="other"/> starts with <paramref name="expected"/>.</summary>
        /// <param name="expected">The expected prefix.</param>
        /// <param name="other">The text to check.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The prefix differs, or an argument is null.</exception>
        public static void StartsWith(string expected, string other, string message = "")
        {
            CheckStrings(expected, other, "Assert.StartsWith");
            if (!other.StartsWith(expected, StringComparison.Ordinal))
            {
                HandleFail("Assert.StartsWith", Quote(other) + " does not start with " + Quote(expected) + ". " + ReplaceNulls(message));
            }
        }

        /// <summary>Fails unless <paramref name="other"/> ends with <paramref name="expected"/>.</summary>
        /// <param name="expected">The expected suffix.</param>
        /// <param name="other">The text to check.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The suffix differs, or an argument is null.</exception>
        public static void EndsWith(string expected, string other, string message = "")
        {
            CheckStrings(expected, other, "Assert.EndsWith");
            if (!other.EndsWith(expected, StringComparison.Ordinal))
            {
                HandleFail("Assert.EndsWith", Quote(other) + " does not end with " + Quote(expected) + ". " + ReplaceNulls(message));
            }
        }

        private static void CheckStrings(string expected, string other, string assertion)
        {
            EnsureParameterIsNotNull(expected, assertion, "expected");
            EnsureParameterIsNotNull(other, assertion, "other");
        }

        private static string Quote(string s)
        {
            return "'" + ReplaceNulls(s) + "'";
        }
    }
}
