namespace BmsGuard.Core.Crypto
{
    /// <summary>
    /// Comparison whose running time does not depend on the bytes compared. A MAC check that stops at
    /// the first differing byte tells an attacker, by its timing, how many leading bytes of a forged MAC
    /// are right, and lets them find a valid MAC byte by byte.
    /// </summary>
    public static class FixedTime
    {
        /// <summary>
        /// True when <paramref name="count"/> bytes of <paramref name="a"/> from <paramref name="aOffset"/>
        /// equal those of <paramref name="b"/> from <paramref name="bOffset"/>. Every byte is always read;
        /// the time depends on <paramref name="count"/> only. A count of 0 compares equal, so callers must
        /// check the MAC length themselves.
        /// </summary>
        /// <exception cref="System.ArgumentException">A range lies outside its array.</exception>
        public static bool Equals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            CryptoArgs.Range(a, aOffset, count);
            CryptoArgs.Range(b, bOffset, count);

            // Accumulate the differences instead of branching on them: no early exit, no data-dependent branch.
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
