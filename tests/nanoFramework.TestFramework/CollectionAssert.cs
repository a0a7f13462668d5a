using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Checks on collections (arrays included). Two collections are equal when they hold equal
    /// elements (<see cref="object.Equals(object, object)"/>) in the same order and number.
    /// </summary>
    public sealed class CollectionAssert
    {
        /// <summary>Fails unless <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection the test expects to be empty.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The collection is null or not empty.</exception>
        public static void Empty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.Empty", "collection");
            if (collection.Count != 0)
            {
                Assert.HandleFail("CollectionAssert.Empty", "Count:<" + collection.Count + ">. " + Assert.ReplaceNulls(message));
            }
        }

        /// <summary>Fails if <paramref name="collection"/> is empty.</summary>
        /// <param name="collection">The collection the test expects not to be empty.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The collection is null or empty.</exception>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Assert.EnsureParameterIsNotNull(collection, "CollectionAssert.NotEmpty", "collection");
            if (collection.Count == 0)
            {
                Assert.HandleFail("CollectionAssert.NotEmpty", message);
            }
        }

        /// <summary>Fails unless the collections hold equal elements in the same order.</summary>
        /// <param name="expected">The collection the test expects.</param>
        /// <param name="actual">The collection produced by the code under test.</param>
        /// <param name="message">Shown on failure, before the first difference found.</param>
        /// <exception cref="AssertFailedException">The collections differ.</exception>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (!AreCollectionsEqual(expected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        /// <summary>Fails if the collections hold equal elements in the same order.</summary>
        /// <param name="notExpected">The collection the test expects not to get.</param>
        /// <param name="actual">The collection produced by the code under test.</param>
        /// <param name="message">Shown on failure.</param>
        /// <exception cref="AssertFailedException">The collections are equal.</exception>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            string reason = string.Empty;
            if (AreCollectionsEqual(notExpected, actual, ref reason))
            {
                Assert.HandleFail("CollectionAssert.AreNotEqual", Assert.ReplaceNulls(message) + "(" + reason + ")");
            }
        }

        private static bool AreCollectionsEqual(ICollection expected, ICollection actual, ref string reason)
        {
            if (ReferenceEquals(expected, actual))
            {
                reason = "Both collection references point to the same collection object.";
                return true;
            }

            if (expected == null || actual == null)
            {
                reason = expected == null ? "Expected is null." : "Actual is null.";
                return false;
            }

            if (expected.Count != actual.Count)
            {
                reason = "Different number of elements. Expected:<" + expected.Count + ">. Actual:<" + actual.Count + ">.";
                return false;
            }

            IEnumerator e1 = expected.GetEnumerator();
            IEnumerator e2 = actual.GetEnumerator();
            int index = 0;
            while (e1.MoveNext() && e2.MoveNext())
            {
                if (!Equals(e1.Current, e2.Current))
                {
                    reason = "Element at index " + index + " do not match. Expected:<" + Assert.ReplaceNulls(e1.Current)
                        + ">. Actual:<" + Assert.ReplaceNulls(e2.Current) + ">.";
                    return false;
                }

                index++;
            }

            reason = "Both collection contain same elements.";
            return true;
        }
    }
}
