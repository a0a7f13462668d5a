using System.Text;

namespace BmsGuard.Core
{
    /// <summary>
    /// StringBuilders for text that grows with a table (a printed rule table of thousands of rules).
    /// nanoFramework's StringBuilder (nanoFramework.System.Text 1.3.42) caps a builder made with the
    /// default constructors at MaxCapacity = short.MaxValue (32,767 chars) and checks the cap only when it
    /// adds a chunk (chunks grow up to 8,000 chars): appending to such a builder fails with
    /// ArgumentOutOfRangeException ("Value does not fall within the expected range") once it holds
    /// <see cref="DeviceDefaultLimit"/> chars. Strings themselves are not capped there, nor on .NET.
    /// </summary>
    public static class LargeText
    {
        /// <summary>
        /// Length at which the real runtime (POSIX nanoCLR, nf-interpreter a3e8139a1) refused the next append
        /// to a default StringBuilder filled from empty (32,192 + a last chunk of 8,000).
        /// </summary>
        public const int DeviceDefaultLimit = 40192;

        /// <summary>A builder without the short.MaxValue cap (MaxCapacity int.MaxValue).</summary>
        public static StringBuilder Builder()
        {
            return new StringBuilder(256, int.MaxValue);
        }
    }
}
