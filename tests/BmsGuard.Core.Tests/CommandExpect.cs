using BmsGuard.Core.Commands;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>Verdict assertions that print names, not numbers.</summary>
    public static class CommandExpect
    {
        /// <summary>Fails unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
        public static void Verdict(int expected, int actual, string context)
        {
            Assert.AreEqual(CommandVerdict.Name(expected), CommandVerdict.Name(actual), context);
        }
    }
}
